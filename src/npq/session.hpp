// Validating many inputs: read, parse, check, and collect results in input order, on several
// threads when asked. The CLI commands are thin wrappers over this.
#pragma once

#include "npq/checks/check.hpp"
#include "npq/data/reference.hpp"
#include "npq/document.hpp"
#include "npq/io/read.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace npq {

/// What one run of npq shares between the files it checks (thread-safe): every file it read, by
/// identity, so no output replaces one; and the related files (source documents, member
/// programmes), each read once however many documents name it.
class RunState {
public:
  io::ReadLedger &reads() { return m_reads; }
  const io::ReadLedger &reads() const { return m_reads; }
  /// The text of the file at `path` (resolved), or nullptr when it cannot be read.
  std::shared_ptr<const std::string> related(const std::string &path, std::size_t max_bytes);

private:
  static constexpr std::size_t kCacheBytes = 64u << 20; ///< beyond this, files are read again
  io::ReadLedger m_reads;
  std::mutex m_mutex;
  std::map<std::string, std::shared_ptr<const std::string>> m_related;
  std::size_t m_cached_bytes = 0;
};

struct SessionOptions {
  std::size_t max_file_bytes = io::kDefaultMaxFileBytes;
  yaml::Limits limits;
  unsigned jobs = 1;         ///< worker threads; output never depends on it
  std::size_t run_files = 1; ///< files checked in this run, which share its alias allowance
  std::size_t max_findings_per_code = 100;      ///< per file; the rest are summarised
  std::vector<model::Suppression> suppressions; ///< from a config file ('file' absolute or empty)
  std::map<Code, std::optional<Severity>> severity; ///< overrides; nullopt turns a code off
  double about_tolerance = 0.10; ///< what "about" means, as a fraction (config about-tolerance)
  std::optional<double> hours_per_day; ///< hours in a day (config hours-per-day)
  RunState *run = nullptr;             ///< records what is read; none in the fuzzer and unit tests
  std::string source_root;     ///< --source-root: related files must lie in it (else: project)
  std::string project_ceiling; ///< no project root is looked for above this folder (tests)
};

struct FileResult {
  std::string path;
  Diagnostics diagnostics;          ///< sorted
  std::optional<ParsedFile> parsed; ///< absent when the file could not be read
  bool unreadable = false;
  std::size_t turned_off = 0; ///< findings SessionOptions::severity turned off
  std::size_t lowered = 0;    ///< findings it made less severe
  /// Set when checking the file threw (a bug in npq): what it threw. The other files' results
  /// are unaffected; the CLI reports it and exits 4. Running out of memory is not a bug: it is
  /// an NPQ002 finding on the file.
  std::string internal_error;
};

/// Runs every check on an already-read source.
/// Where a file named by a document in `from_file` (a source document, a suite member's
/// programme) is, resolved inside the project (SessionOptions::source_root, else the nearest
/// folder upwards holding .npq.yaml or .git), links resolved step by step; nullopt when it lies
/// outside. Every reading of such a file goes through here.
std::optional<std::string> resolve_related(const std::string &from_file, const std::string &path,
                                           const SessionOptions &options);

FileResult check_source(SourceFile source, const ReferenceData &data,
                        const SessionOptions &options);

/// Reads and checks one file by path.
FileResult check_path(const std::string &path, const ReferenceData &data,
                      const SessionOptions &options);

/// Checks several files on `options.jobs` threads; results are in the order of `paths`.
std::vector<FileResult> check_paths(const std::vector<std::string> &paths,
                                    const ReferenceData &data, const SessionOptions &options);

} // namespace npq
