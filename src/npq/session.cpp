#include "npq/session.hpp"

#include "npq/io/project.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <new>
#include <system_error>
#include <thread>
#include <type_traits>

namespace npq {

namespace {

namespace fs = std::filesystem;

fs::path canonical_or_absolute(const fs::path &p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p, ec).lexically_normal() : c;
}

} // namespace

std::optional<std::string> resolve_related(const std::string &from_file, const std::string &path,
                                           const SessionOptions &options) {
  // A file in the current folder has an empty parent: that is ".", not "nowhere" (which once let
  // "../x" out of the project).
  fs::path parent = from_file == "-" ? fs::path() : fs::path(from_file).parent_path();
  fs::path base = canonical_or_absolute(parent.empty() ? fs::path(".") : parent);
  fs::path root;
  if (!options.source_root.empty()) {
    root = canonical_or_absolute(options.source_root);
  } else {
    fs::path ceiling = options.project_ceiling.empty()
                           ? fs::path()
                           : canonical_or_absolute(options.project_ceiling);
    root = io::find_project_root(base, ceiling).value_or(base);
  }
  auto resolved = io::resolve_within(root, base, path);
  if (!resolved) {
    return std::nullopt;
  }
  return resolved->string();
}

namespace {

// A file named by a document in `from_file`: read only if it lies inside the project.
checks::Related read_related(const std::string &from_file, const std::string &path,
                             const SessionOptions &options) {
  auto resolved = resolve_related(from_file, path, options);
  if (!resolved) {
    return {checks::Related::Status::outside_project, nullptr, {}};
  }
  std::string key = *resolved;
  std::shared_ptr<const std::string> text;
  if (options.run != nullptr) {
    text = options.run->related(key, options.max_file_bytes);
  } else {
    Diagnostics ignored;
    if (auto file = io::read_file(key, options.max_file_bytes, ignored)) {
      text = std::make_shared<const std::string>(file->text());
    }
  }
  return {text ? checks::Related::Status::read : checks::Related::Status::unreadable,
          std::move(text), std::move(key)};
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
  std::vector<checks::QuoteCheck> quotes;
  checks::Context ctx{data,
                      result.diagnostics,
                      [&options](const std::string &from, const std::string &path) {
                        return read_related(from, path, options);
                      },
                      limits,
                      options.about_tolerance,
                      options.hours_per_day,
                      &quotes};
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
    }
  }
  // All documents' quotes at once: one pass over each source document for the whole file.
  checks::check_quotes(quotes, ctx);
  for (const auto &doc : result.parsed->documents) {
    if (doc.structure_ok) {
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
  // Counted, so the summary can say what the configuration changed.
  if (!options.severity.empty()) {
    auto &items = result.diagnostics.items();
    result.turned_off = std::erase_if(items, [&](const Diagnostic &d) {
      auto it = options.severity.find(d.code);
      return it != options.severity.end() && !it->second;
    });
    // Severities order as note < warning < error.
    for (auto &d : items) {
      if (auto it = options.severity.find(d.code); it != options.severity.end()) {
        result.lowered += *it->second < d.severity ? 1 : 0;
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
  auto source = io::read_file(path, options.max_file_bytes, read_problems,
                              options.run != nullptr ? &options.run->reads() : nullptr);
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

std::shared_ptr<const std::string> RunState::related(const std::string &path,
                                                     std::size_t max_bytes) {
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_related.find(path); it != m_related.end()) {
      return it->second;
    }
  }
  Diagnostics ignored; // the check that asked reports it, in its own words
  auto file = io::read_file(path, max_bytes, ignored, &m_reads);
  auto text = file ? std::make_shared<const std::string>(file->text()) : nullptr;
  std::lock_guard lock(m_mutex);
  std::size_t size = text ? text->size() : 0;
  if (m_cached_bytes + size <= kCacheBytes) {
    m_related.emplace(path, text);
    m_cached_bytes += size;
  }
  return text;
}

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
