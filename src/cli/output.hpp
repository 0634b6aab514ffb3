// What report commands share: gathering programmes from paths, and delivering a generated page
// to standard output, to a file (atomically), or comparing it with a file (--check).
#pragma once

#include "cli/command.hpp"

#include <functional>

namespace npq::cli {

/// Options of commands that generate a document.
struct OutputOptions {
  std::string output; ///< -o FILE
  std::string check;  ///< --check FILE
};

void add_output_options(CLI::App &command, OutputOptions &options);

/// Checks every input; files with errors that prevent a model are reported on stderr.
struct Gathered {
  std::vector<FileResult> results;
  std::vector<const model::Programme *> programmes;
  std::vector<const model::Suite *> suites;
  std::vector<std::string> inputs;
  bool unreadable = false;
  bool blocked = false; ///< some input had errors that stop the report
};
Gathered gather(const std::vector<std::string> &paths, const ReferenceData &data,
                const InputOptions &options, Invocation &inv, bool default_to_programmes);

/// What a report command made of its inputs: the document, and the exit status it asks for (0,
/// or 1 for findings such as a figure that does not reconcile). `written` is false when there is
/// nothing to write (the command has said why on the error stream).
struct Report {
  std::string content;
  int status = kExitOk;
  bool written = true;
  /// A page a site generator reads: --check ignores front matter keys the site added.
  bool front_matter_aware = false;
};

/// The one way every report command runs (hours, coverage, compare, diff, export, routemap):
/// load the reference data, read and check `paths` (programmes/ or the configured paths when
/// empty and `default_to_programmes`), render what could be read, deliver it (standard output,
/// -o or --check), and set the exit status. When some inputs cannot be read, the readable ones
/// are still reported and written, and the status is 3.
void run_report(Invocation &inv, InputOptions &input, const OutputOptions &output,
                const std::vector<std::string> &paths, bool default_to_programmes,
                const std::function<Report(const Gathered &, const ReferenceData &)> &render);

/// Writes the report's content as asked; returns the exit status (0, or 1 for a stale --check file,
/// or 3 when the output cannot be written).
int deliver(const Report &report, const OutputOptions &options,
            const std::vector<std::string> &inputs, Invocation &inv);

/// A unified diff of two texts, labelled like 'diff -u'.
std::string unified_diff(const std::string &before, const std::string &after,
                         const std::string &before_name, const std::string &after_name);

} // namespace npq::cli
