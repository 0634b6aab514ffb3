#include "cli/app.hpp"

#include "cli/command.hpp"
#include "cli/help_format.hpp"
#include "npq/text/suggest.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace npq::cli {

namespace {

// A variable that is set to something other than "" or "0" (FORCE_COLOR=0 means "no").
bool set_and_not_zero(const char *name) {
  const char *v = std::getenv(name);
  return v != nullptr && v[0] != '\0' && std::string_view(v) != "0";
}

} // namespace

Environment current_environment() {
  Environment env;
  env.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  const char *no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && no_color[0] != '\0';
  env.force_color = set_and_not_zero("FORCE_COLOR") || set_and_not_zero("CLICOLOR_FORCE");
  const char *term = std::getenv("TERM");
  env.dumb_terminal = term != nullptr && std::string_view(term) == "dumb";
  const char *gha = std::getenv("GITHUB_ACTIONS");
  env.github_actions = gha != nullptr && std::string_view(gha) == "true";
  env.stdin_file = io::identify_regular(STDIN_FILENO);
  // COLUMNS first (the user's word, and how tests and scripts ask for a width), then the
  // terminal's own width; a pipe or file gets 100 columns.
  const char *columns = std::getenv("COLUMNS");
  char *end = nullptr;
  long wanted = columns != nullptr ? std::strtol(columns, &end, 10) : 0;
  winsize size{};
  if (wanted > 0 && wanted <= 10000 && end != nullptr && *end == '\0') {
    env.columns = static_cast<std::size_t>(wanted);
  } else if (env.stdout_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
             size.ws_col > 0) {
    env.columns = size.ws_col;
  }
  return env;
}

namespace {

// CLI11 reports an unknown command as an unexpected argument; name the nearest command or option.
std::string suggestion(const CLI::App &app, const std::vector<std::string> &args) {
  std::vector<std::string_view> names;
  const CLI::App *scope = &app;
  for (const auto *sub : app.get_subcommands([](const CLI::App *) { return true; })) {
    names.push_back(sub->get_name());
    if (sub->parsed()) {
      scope = sub;
    }
  }
  std::vector<std::string> option_names;
  for (const auto *opt : scope->get_options()) {
    for (const auto &l : opt->get_lnames()) {
      option_names.push_back("--" + l);
    }
  }
  for (const auto &o : option_names) {
    names.push_back(o);
  }
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string &a = args[i];
    bool known = false;
    for (auto n : names) {
      known = known || n == a || a.rfind(std::string(n) + "=", 0) == 0;
    }
    if (known) {
      continue;
    }
    std::string word = a.substr(0, a.find('='));
    auto hint = did_you_mean(word, names);
    if (!hint.empty()) {
      return fmt::format("'{}': {}", word, hint);
    }
  }
  return {};
}

} // namespace

namespace {

int run_command(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
                std::ostream &err, const Environment &env) {
  Invocation inv{in, out, err, env};
  CLI::App app{"npq validates NPQ programme specifications written in YAML and reports on them: "
               "hour tables, route maps, framework coverage and comparisons.",
               "npq"};
  app.formatter(wrapping_formatter(env.columns));
  app.set_version_flag("--version", version_string(), "Print npq's version and exit");
  app.require_subcommand(1);
  app.footer("Exit status: 0 no errors, 1 findings (or warnings with --strict), 2 usage error, "
             "3 an input could not be read, 4 internal error.\n"
             "Run 'npq COMMAND --help' for a command's options and examples, and 'man npq' for "
             "the environment variables npq reads.");
  setup_validate(app, inv);
  setup_hours(app, inv);
  setup_routemap(app, inv);
  setup_coverage(app, inv);
  setup_compare(app, inv);
  setup_diff(app, inv);
  setup_export(app, inv);
  setup_init(app, inv);
  setup_frameworks(app, inv);
  setup_completions(app, inv);
  setup_explain(app, inv);
  setup_schema(app, inv);

  if (args.size() <= 1) {
    err << app.help();
    return kExitUsage;
  }
  std::vector<const char *> argv;
  argv.reserve(args.size());
  for (const auto &a : args) {
    argv.push_back(a.c_str());
  }
  try {
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::CallForHelp &e) {
      app.exit(e, out, err);
      return kExitOk;
    } catch (const CLI::CallForAllHelp &e) {
      app.exit(e, out, err);
      return kExitOk;
    } catch (const CLI::CallForVersion &e) {
      app.exit(e, out, err);
      return kExitOk;
    } catch (const CLI::ParseError &e) {
      // A mistyped command or a top-level option: say so plainly, rather than CLI11's "A
      // subcommand is required".
      if (args.size() > 1 && app.get_subcommands().empty()) {
        const std::string &first = args[1];
        std::vector<std::string_view> names;
        for (const auto *sub :
             app.get_subcommands([](const CLI::App *s) { return !s->get_group().empty(); })) {
          names.push_back(sub->get_name());
        }
        bool option = !first.empty() && first[0] == '-';
        err << fmt::format("npq: unknown {} '{}'\n", option ? "option" : "command", first);
        std::string hint =
            option ? did_you_mean(first, {"--help", "--version"}) : did_you_mean(first, names);
        err << "hint: " << (hint.empty() ? "run 'npq --help' to list the commands" : hint) << "\n";
        return kExitUsage;
      }
      app.exit(e, out, err);
      if (auto hint = suggestion(app, args); !hint.empty()) {
        err << "hint: " << hint << "\n";
      }
      return kExitUsage;
    }
  } catch (const std::bad_alloc &) {
    err << "npq: out of memory\n";
    return kExitInternal;
  } catch (const std::exception &e) {
    err << "npq: internal error: " << e.what() << "\nPlease report this, with the input.\n";
    return kExitInternal;
  }
  return inv.exit_code;
}

} // namespace

int run(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
        std::ostream &err, const Environment &env) {
  int status = run_command(args, in, out, err, env);
  // Output that did not reach its reader is a failure, not success ('npq export > /dev/full').
  if (!out.flush()) {
    err << "npq: cannot write to standard output\n";
    return status == kExitOk ? kExitUnreadable : status;
  }
  return status;
}

} // namespace npq::cli
