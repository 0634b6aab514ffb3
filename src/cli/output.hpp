// What report commands share: gathering programmes from paths, and delivering a generated page
// to standard output, to a file (atomically), or comparing it with a file (--check).
#pragma once

#include "cli/command.hpp"
#include "npq/report/suite.hpp"

#include <functional>
#include <string_view>

namespace npq::cli {

/// Options of commands that generate a document.
struct OutputOptions {
  std::string output; ///< -o FILE
  std::string check;  ///< --check FILE
};

void add_output_options(CLI::App &command, OutputOptions &options);

/// A suite member and the programme file it links, if any (suites are reported through them).
struct LinkedMember {
  const model::Suite *suite = nullptr;
  const model::SuiteGroup *group = nullptr;
  const model::SuiteMember *member = nullptr;
  std::string file;                            ///< the linked file, as a path from here; or ""
  const model::Programme *programme = nullptr; ///< null when none is linked, or it is not valid
};

/// Checks every input; files with errors that prevent a model are reported on stderr.
struct Gathered {
  std::vector<FileResult> results;
  std::vector<const model::Programme *> programmes;
  std::vector<const model::Suite *> suites;
  bool unreadable = false;
  bool blocked = false;  ///< some input had errors that stop the report
  bool internal = false; ///< checking some input failed inside npq (reported; exit status 4)
  /// Every member of every suite, in order, with its linked programme.
  std::vector<LinkedMember> members;
  /// Linked programmes that were not inputs themselves, in the order members name them.
  std::vector<const model::Programme *> linked;
  std::vector<FileResult> linked_results; ///< owns `linked`
};

/// What a report on suites must say: one line per suite with no linked programme to report on
/// (the report then exits 1), and one naming the members with none.
struct SuiteGaps {
  std::string message;
  bool nothing_to_report = false;
};
SuiteGaps suite_gaps(const Gathered &g, std::string_view command, std::string_view what,
                     std::size_t width);

/// One members table per suite, `value` giving what the report has for a linked programme.
std::vector<report::SuiteTable>
suite_tables(const Gathered &g, const std::string &heading,
             const std::function<std::string(const model::Programme &)> &value);
Gathered gather(const std::vector<std::string> &paths, const ReferenceData &data,
                const InputOptions &options, Invocation &inv, bool default_to_programmes);

/// The one programme (or suite, when `suites`) a single-page command reports on (routemap,
/// export, explain). Nothing, with the reason on the error stream, when the input holds none or
/// several: each would need its own page, and reporting on one would hide the others.
struct Single {
  const model::Programme *programme = nullptr;
  const model::Suite *suite = nullptr;
};
std::optional<Single> single(const Gathered &g, const std::string &path, bool suites,
                             Invocation &inv, const std::string &command);

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

/// Writes the report's content as asked; returns the exit status (0, or 1 for a stale --check
/// file, or 3 when the output cannot be written). -o never replaces a file this run read
/// (inv.run); the --check file is read like an input (a regular file, at most `max_bytes`) and,
/// for a page whose front matter a site may extend, compared key by key.
int deliver(const Report &report, const OutputOptions &options, std::size_t max_bytes,
            Invocation &inv);

/// A unified diff of two texts, labelled like 'diff -u'.
std::string unified_diff(const std::string &before, const std::string &after,
                         const std::string &before_name, const std::string &after_name);

} // namespace npq::cli
