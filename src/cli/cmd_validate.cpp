// npq validate [PATH...]: structure, references and domain rules, with located findings.
#include "cli/command.hpp"
#include "npq/text/terminal.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <ostream>
#include <thread>

namespace npq::cli {

namespace {

struct ValidateOptions {
  InputOptions input;
  std::vector<std::string> paths;
  std::string format;
  bool strict = false;
  unsigned jobs = 0;
  bool quiet = false;
  bool verbose = false;
  bool show_suppressed = false;
};

int run_validate(const ValidateOptions &options, Invocation &inv) {
  bool strict = options.strict;
  bool no_default_folder = false;
  InputOptions input = options.input;
  auto data = load_reference_data(input, inv);
  if (!data) {
    return inv.exit_code;
  }
  OutputFormat format = inv.env.github_actions ? OutputFormat::github : OutputFormat::text;
  if (!options.format.empty()) {
    format = *parse_output_format(options.format);
  }

  Diagnostics problems;
  std::vector<std::string> paths = options.paths;
  strict = strict || input.project.strict;
  if (paths.empty() && !input.project.paths.empty()) {
    paths = input.project.paths;
  }
  if (paths.empty()) {
    if (!std::filesystem::is_directory("programmes")) {
      problems.add(Code::unreadable, Location{"programmes"},
                   "no path was given and there is no programmes/ folder here",
                   "name the files or folders to validate, e.g. 'npq validate my-programme.yaml'");
      no_default_folder = true;
    } else {
      paths.push_back("programmes");
    }
  }
  auto expanded = io::expand_paths(paths, problems);

  SessionOptions session = session_options(input, inv);
  session.run_files = expanded.files.size();
  session.jobs =
      options.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.jobs;
  std::vector<FileResult> results;
  std::vector<std::string> files;
  for (const auto &f : expanded.files) {
    if (f != "-") {
      files.push_back(f);
    }
  }
  auto checked = check_paths(files, *data, session);
  std::size_t next = 0;
  for (const auto &f : expanded.files) {
    if (f == "-") {
      results.push_back(check_input(f, *data, session, inv));
    } else {
      results.push_back(std::move(checked[next++]));
    }
  }

  Diagnostics all = std::move(problems);
  RunSummary summary;
  summary.unreadable = expanded.unreadable + (no_default_folder ? 1 : 0);
  summary.configuration = input.project.shown;
  std::map<std::string, const SourceFile *> sources;
  for (const auto &r : results) {
    all.append(r.diagnostics);
    ++summary.files;
    summary.unreadable += r.unreadable ? 1 : 0;
    summary.turned_off += r.turned_off;
    summary.lowered += r.lowered;
    if (r.parsed) {
      summary.documents += r.parsed->documents.size();
      sources[r.path] = r.parsed->source.get();
    }
  }
  if (options.quiet) {
    std::erase_if(all.items(), [](const Diagnostic &d) { return d.severity != Severity::error; });
  }

  RenderOptions render_options;
  render_options.colour = format == OutputFormat::text && use_colour(input, inv);
  render_options.tool_version = version_string();
  render_options.show_suppressed = options.show_suppressed;
  render_options.width = inv.env.columns;
  if (format == OutputFormat::sarif) {
    std::error_code ec;
    render_options.root = std::filesystem::current_path(ec).generic_string();
    render_options.documentation = documentation_address();
  }
  render_options.line_text = [&](const std::string &file, int line) -> std::string_view {
    auto it = sources.find(file);
    return it == sources.end() ? std::string_view() : it->second->line_text(line);
  };
  std::string report = render(format, all, summary, render_options);
  if (options.verbose && format == OutputFormat::text) {
    // One line per file before the summary line, so a long run shows what was covered.
    std::string per_file;
    for (const auto &r : results) {
      per_file += fmt::format("{}: {} document{}, {} error{}, {} warning{}, {} note{}\n",
                              terminal_safe(r.path), r.parsed ? r.parsed->documents.size() : 0,
                              r.parsed && r.parsed->documents.size() == 1 ? "" : "s",
                              r.diagnostics.count(Severity::error),
                              r.diagnostics.count(Severity::error) == 1 ? "" : "s",
                              r.diagnostics.count(Severity::warning),
                              r.diagnostics.count(Severity::warning) == 1 ? "" : "s",
                              r.diagnostics.count(Severity::note),
                              r.diagnostics.count(Severity::note) == 1 ? "" : "s");
    }
    auto last = report.rfind('\n', report.size() - 2);
    report.insert(last == std::string::npos ? 0 : last + 1, per_file);
  }
  inv.out << report;

  bool internal = false;
  for (const auto &r : results) {
    internal = report_internal_error(r, inv) || internal;
  }
  if (internal) {
    return kExitInternal;
  }
  if (summary.unreadable > 0) {
    return kExitUnreadable;
  }
  bool failed = all.count(Severity::error) > 0 || (strict && all.count(Severity::warning) > 0);
  return failed ? kExitFindings : kExitOk;
}

} // namespace

void setup_validate(CLI::App &app, Invocation &inv) {
  auto options = std::make_shared<ValidateOptions>();
  auto *cmd =
      app.add_subcommand("validate", "Check programme, suite, framework and catalogue files");
  cmd->add_option("paths", options->paths,
                  "Files, folders (searched for *.yaml and *.yml) or - for standard input; "
                  "default: programmes/")
      ->type_name("PATH");
  cmd->add_option("-f,--format", options->format,
                  "Output format: text, json, sarif or github (default: text, or github under "
                  "GitHub Actions)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  cmd->add_flag("--strict", options->strict, "Fail (exit 1) on warnings as well as errors");
  cmd->add_option("-j,--jobs", options->jobs,
                  "Validate on this many threads (default: the number of cores); output is the "
                  "same for any value")
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("-q,--quiet", options->quiet, "Print only errors and the summary line");
  cmd->add_flag("-v,--verbose", options->verbose,
                "Also print one line per file checked, with its counts (text format)");
  cmd->add_flag("--show-suppressed", options->show_suppressed,
                "Also print suppressed findings, with their reasons");
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n"
              "  npq validate                          # everything under programmes/\n"
              "  npq validate programmes/ucl-npqsl.yaml\n"
              "  npq validate -f sarif programmes > npq.sarif\n"
              "  cat draft.yaml | npq validate -");
  cmd->callback([options, &inv] { inv.exit_code = run_validate(*options, inv); });
}

} // namespace npq::cli
