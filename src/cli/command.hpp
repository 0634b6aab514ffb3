// What every command file shares: the invocation (streams, environment, exit status) and the
// options most commands take. Each command lives in its own cmd_<name>.cpp with a setup_<name>()
// that registers it on the CLI11 app.
#pragma once

#include "cli/app.hpp"
#include "cli/exit_codes.hpp"
#include "npq/analysis/figures.hpp"
#include "npq/data/reference.hpp"
#include "npq/diag/render.hpp"
#include "npq/session.hpp"

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace npq::cli {

struct Invocation {
  std::istream &in;
  std::ostream &out;
  std::ostream &err;
  Environment env;
  int exit_code = kExitOk;
  RunState run; ///< what this run read (no -o may replace it), related files read once
};

/// The project settings found in .npq.yaml (see load_project).
struct Project {
  std::string file;  ///< the config file, empty when none was found
  std::string shown; ///< the config file as the summary line names it (relative when it can be)
  std::vector<std::string> paths;               ///< default inputs, relative to the current folder
  std::vector<std::string> data;                ///< extra reference data folders
  std::vector<model::Suppression> suppressions; ///< 'file' made absolute
  std::map<Code, std::optional<Severity>> severity;
  bool strict = false;
  double about_tolerance = 0.10;       ///< what "about" means (about-tolerance)
  std::optional<double> hours_per_day; ///< hours in a day (hours-per-day)
};

/// Options shared by commands that read programmes.
struct InputOptions {
  std::vector<std::string> data_folders;
  double max_file_mib = static_cast<double>(io::kDefaultMaxFileBytes >> 20);
  std::string color = "auto";
  std::string config;      ///< --config FILE
  bool no_config = false;  ///< --no-config
  std::string source_root; ///< --source-root DIR
  Project project;         ///< filled by load_reference_data
};

void add_input_options(CLI::App &command, InputOptions &options);

/// Loads the bundled reference data plus any --data folders. Problems are written to err and
/// make the call return nullptr (exit status set).
std::unique_ptr<ReferenceData> load_reference_data(InputOptions &options, Invocation &inv);

/// The session options for this run's inputs: limits, configuration, and the run's ledger.
SessionOptions session_options(const InputOptions &options, Invocation &inv);

/// How reports judge published figures, from the project configuration (about-tolerance).
analysis::FigureOptions figure_options(const InputOptions &options);

/// Reads and checks one input ("-" is standard input).
FileResult check_input(const std::string &path, const ReferenceData &data,
                       const SessionOptions &options, Invocation &inv);

/// Prints what checking a file threw, when it did (a bug in npq), and sets exit status 4.
/// Returns true when there was such a failure.
bool report_internal_error(const FileResult &result, Invocation &inv);

/// Whether to colour output for this invocation.
bool use_colour(const InputOptions &options, const Invocation &inv);

/// Renders findings as text on the error stream (used by report commands for their inputs).
void print_findings(const std::vector<const FileResult *> &results, const InputOptions &options,
                    Invocation &inv);

std::string version_string();

/// The address of npq's README.md and docs/ for links in SARIF output: NPQ_DOCS_URL when set at
/// build time, else the installed copy beside this binary, else the source tree's; empty if none.
std::string documentation_address();

void setup_validate(CLI::App &app, Invocation &inv);
void setup_explain(CLI::App &app, Invocation &inv);
void setup_schema(CLI::App &app, Invocation &inv);
void setup_hours(CLI::App &app, Invocation &inv);
void setup_routemap(CLI::App &app, Invocation &inv);
void setup_coverage(CLI::App &app, Invocation &inv);
void setup_compare(CLI::App &app, Invocation &inv);
void setup_diff(CLI::App &app, Invocation &inv);
void setup_export(CLI::App &app, Invocation &inv);
void setup_frameworks(CLI::App &app, Invocation &inv);
void setup_init(CLI::App &app, Invocation &inv);
void setup_completions(CLI::App &app, Invocation &inv);

} // namespace npq::cli
