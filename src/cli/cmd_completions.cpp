// npq completions bash|zsh|fish: shell completion scripts generated from the CLI definition
// itself, so they always match the commands, options and the values options accept. Installed by
// 'cmake --install'.
#include "cli/command.hpp"
#include "cli/completions.hpp"

#include <ostream>

namespace npq::cli {

namespace {

// The values an option's IsMember check accepts: CLI11 shows them in the type name, as in
// "TEXT:{text,json,sarif,github}".
std::vector<std::string> accepted_values(const CLI::Option &opt) {
  std::string type = opt.get_type_name();
  auto open = type.find(":{");
  auto close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) {
    return {};
  }
  std::vector<std::string> out;
  std::string list = type.substr(open + 2, close - open - 2);
  for (std::size_t start = 0; start <= list.size();) {
    auto comma = std::min(list.find(',', start), list.size());
    out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> words(const std::vector<std::string_view> &views) {
  return {views.begin(), views.end()};
}

std::vector<completion::Command> describe(const CLI::App &app, const ReferenceData &data) {
  std::vector<completion::Command> out;
  for (const auto *sub :
       app.get_subcommands([](const CLI::App *s) { return !s->get_group().empty(); })) {
    completion::Command c{sub->get_name(), sub->get_description(), {}, {}};
    for (const auto *opt : sub->get_options()) {
      if (!opt->nonpositional()) {
        if (auto values = accepted_values(*opt); !values.empty()) {
          c.positionals.push_back(std::move(values));
        }
        continue;
      }
      // A flag (add_flag) expects no value; a value is a file name when its type name says so.
      std::string type = opt->get_type_name();
      bool path = type.rfind("FILE", 0) == 0 || type.rfind("DIR", 0) == 0;
      completion::Option o{
          {}, opt->get_description(), opt->get_expected_max() > 0, path, accepted_values(*opt)};
      for (const auto &s : opt->get_snames()) {
        o.names.push_back("-" + s);
      }
      for (const auto &l : opt->get_lnames()) {
        o.names.push_back("--" + l);
      }
      // Codes and framework ids come from the reference data, not from a check on the option
      // (init looks the code up itself, in any case, to suggest the nearest one).
      if (c.name == "init" && opt->check_lname("qualification")) {
        o.values = words(data.qualification_codes());
      }
      c.options.push_back(std::move(o));
    }
    if (c.name == "frameworks") {
      auto ids = words(data.framework_ids());
      ids.emplace_back("catalogue");
      c.positionals = {{"show"}, ids};
    }
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace

void setup_completions(CLI::App &app, Invocation &inv) {
  auto shell = std::make_shared<std::string>();
  auto *cmd =
      app.add_subcommand("completions", "Print a shell completion script (bash, zsh or fish)");
  cmd->group(""); // hidden from the command list; installed by cmake --install
  cmd->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->callback([shell, &app, &inv] {
    Diagnostics problems;
    auto commands = describe(app, ReferenceData::bundled(problems));
    inv.out << (*shell == "bash"  ? completion::bash(commands)
                : *shell == "zsh" ? completion::zsh(commands)
                                  : completion::fish(commands));
    inv.exit_code = kExitOk;
  });
}

} // namespace npq::cli
