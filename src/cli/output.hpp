// What report commands share: gathering programmes from paths, and delivering a generated page
// to standard output, to a file (atomically), or comparing it with a file (--check).
#pragma once

#include "cli/command.hpp"

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

/// Writes `content` as asked; returns the exit status (0, or 1 for a stale --check file, or 3
/// when the output cannot be written).
int deliver(const std::string &content, const OutputOptions &options,
            const std::vector<std::string> &inputs, Invocation &inv);

/// A unified diff of two texts, labelled like 'diff -u'.
std::string unified_diff(const std::string &before, const std::string &after,
                         const std::string &before_name, const std::string &after_name);

} // namespace npq::cli
