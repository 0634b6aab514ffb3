#include "npq/session.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <new>
#include <system_error>
#include <thread>
#include <type_traits>

namespace npq {

namespace {

std::optional<std::string> read_relative(const std::string &from_file, const std::string &path,
                                         std::size_t max_bytes) {
  namespace fs = std::filesystem;
  fs::path base = from_file == "-" ? fs::path(".") : fs::path(from_file).parent_path();
  Diagnostics ignored;
  auto file = io::read_file((base / path).string(), max_bytes, ignored);
  if (!file) {
    return std::nullopt;
  }
  return file->text();
}

// What a file's check ended with when it threw: bad_alloc is the input's size (a finding), any
// other exception is a bug in npq (reported, exit 4). Nothing escapes into a worker thread, where
// an exception would abort the whole process.
template <typename F> FileResult guarded(const std::string &path, F &&check) {
  try {
    return check();
  } catch (const std::bad_alloc &) {
    FileResult result;
    result.path = path;
    result.diagnostics.add(Code::too_large, Location{path},
                           "ran out of memory while checking this file",
                           "the file is too large, or expands too far through aliases, to check");
    return result;
  } catch (const std::exception &e) {
    FileResult result;
    result.path = path;
    result.internal_error = e.what();
    return result;
  }
}

FileResult check_source_unguarded(SourceFile source, const ReferenceData &data,
                                  const SessionOptions &options) {
  FileResult result;
  result.path = source.name();
  result.diagnostics.limit_per_code(options.max_findings_per_code);
  yaml::Limits limits = yaml::share(options.limits, options.run_files);
  result.parsed = parse_file(std::move(source), result.diagnostics, limits);
  checks::Context ctx{data, result.diagnostics,
                      [&options](const std::string &from, const std::string &path) {
                        return read_relative(from, path, options.max_file_bytes);
                      },
                      limits};
  // Config suppressions name files relative to the config; keep those for this file.
  std::vector<model::Suppression> suppressions;
  {
    std::error_code ec;
    std::string here = std::filesystem::weakly_canonical(result.path, ec).string();
    for (const auto &s : options.suppressions) {
      if (s.file.empty() || s.file == here) {
        suppressions.push_back(s);
        suppressions.back().file.clear();
      }
    }
  }
  for (const auto &doc : result.parsed->documents) {
    if (doc.structure_ok) {
      checks::check_document(doc.model, ctx);
      std::visit(
          [&](const auto &m) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(m)>, std::monostate>) {
              checks::apply_suppressions(m.doc, suppressions, result.diagnostics);
            }
          },
          doc.model);
    }
  }
  result.diagnostics.finish_limits();
  // Severity overrides from the project configuration; 'off' removes the finding.
  if (!options.severity.empty()) {
    auto &items = result.diagnostics.items();
    std::erase_if(items, [&](const Diagnostic &d) {
      auto it = options.severity.find(d.code);
      return it != options.severity.end() && !it->second;
    });
    for (auto &d : items) {
      if (auto it = options.severity.find(d.code); it != options.severity.end()) {
        d.severity = *it->second;
      }
    }
  }
  result.diagnostics.sort();
  return result;
}

FileResult check_path_unguarded(const std::string &path, const ReferenceData &data,
                                const SessionOptions &options) {
  Diagnostics read_problems;
  auto source = io::read_file(path, options.max_file_bytes, read_problems);
  if (!source) {
    FileResult result;
    result.path = path;
    result.diagnostics = std::move(read_problems);
    result.unreadable =
        result.diagnostics.has(Code::unreadable) || result.diagnostics.has(Code::too_large);
    return result;
  }
  return check_source_unguarded(std::move(*source), data, options);
}

} // namespace

FileResult check_source(SourceFile source, const ReferenceData &data,
                        const SessionOptions &options) {
  std::string name = source.name();
  return guarded(name, [&] { return check_source_unguarded(std::move(source), data, options); });
}

FileResult check_path(const std::string &path, const ReferenceData &data,
                      const SessionOptions &options) {
  return guarded(path, [&] { return check_path_unguarded(path, data, options); });
}

std::vector<FileResult> check_paths(const std::vector<std::string> &paths,
                                    const ReferenceData &data, const SessionOptions &options) {
  std::vector<FileResult> results(paths.size());
  unsigned jobs =
      std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(paths.size())));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      results[i] = check_path(paths[i], data, options);
    }
    return results;
  }
  // Each worker takes the next unclaimed index; results land in their own slot, so the output
  // order (and bytes) are the same as with one thread.
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      results[i] = check_path(paths[i], data, options);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) {
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error &) {
      break; // no more threads (a process or memory limit): the ones running share the work
    }
  }
  worker();
  for (auto &t : threads) {
    t.join();
  }
  return results;
}

} // namespace npq
