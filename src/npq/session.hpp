// Validating many inputs: read, parse, check, and collect results in input order, on several
// threads when asked. The CLI commands are thin wrappers over this.
#pragma once

#include "npq/checks/check.hpp"
#include "npq/data/reference.hpp"
#include "npq/document.hpp"
#include "npq/io/read.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace npq {

struct SessionOptions {
  std::size_t max_file_bytes = io::kDefaultMaxFileBytes;
  yaml::Limits limits;
  unsigned jobs = 1;         ///< worker threads; output never depends on it
  std::size_t run_files = 1; ///< files checked in this run, which share its alias allowance
  std::size_t max_findings_per_code = 100;      ///< per file; the rest are summarised
  std::vector<model::Suppression> suppressions; ///< from a config file ('file' absolute or empty)
  std::map<Code, std::optional<Severity>> severity; ///< overrides; nullopt turns a code off
};

struct FileResult {
  std::string path;
  Diagnostics diagnostics;          ///< sorted
  std::optional<ParsedFile> parsed; ///< absent when the file could not be read
  bool unreadable = false;
  /// Set when checking the file threw (a bug in npq): what it threw. The other files' results
  /// are unaffected; the CLI reports it and exits 4. Running out of memory is not a bug: it is
  /// an NPQ002 finding on the file.
  std::string internal_error;
};

/// Runs every check on an already-read source.
FileResult check_source(SourceFile source, const ReferenceData &data,
                        const SessionOptions &options);

/// Reads and checks one file by path.
FileResult check_path(const std::string &path, const ReferenceData &data,
                      const SessionOptions &options);

/// Checks several files on `options.jobs` threads; results are in the order of `paths`.
std::vector<FileResult> check_paths(const std::vector<std::string> &paths,
                                    const ReferenceData &data, const SessionOptions &options);

} // namespace npq
