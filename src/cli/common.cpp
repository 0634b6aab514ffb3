// Helpers shared by the command files: reference data, input reading, colour, version.
#include "cli/command.hpp"

#include "npq/version.hpp"

#include <fmt/format.h>
#include <map>
#include <ostream>

namespace npq::cli {

std::string version_string() { return fmt::format("npq {}", kVersion); }

void add_input_options(CLI::App& command, InputOptions& options) {
  command
      .add_option("--data", options.data_folders,
                  "Extra folder of framework and catalogue files (repeatable)")
      ->type_name("DIR");
  command
      .add_option("--max-file-size", options.max_file_mib,
                  "Refuse input files larger than this many MiB")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 4096.0))
      ->type_name("MIB");
  command.add_option("--color", options.color, "Colour output: auto, always or never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

SessionOptions session_options(const InputOptions& options) {
  SessionOptions s;
  s.max_file_bytes = static_cast<std::size_t>(options.max_file_mib * 1024.0 * 1024.0);
  return s;
}

bool use_colour(const InputOptions& options, const Invocation& inv) {
  if (options.color == "always") {
    return true;
  }
  if (options.color == "never") {
    return false;
  }
  return inv.env.stdout_is_terminal && !inv.env.no_color;
}

std::unique_ptr<ReferenceData> load_reference_data(const InputOptions& options, Invocation& inv) {
  Diagnostics problems;
  auto data = std::make_unique<ReferenceData>(ReferenceData::bundled(problems));
  if (problems.has_errors()) {
    RenderOptions render_options;
    render_options.tool_version = version_string();
    inv.err << "npq: the bundled reference data is invalid (this is a bug in npq):\n"
            << render_text(problems, RunSummary{}, render_options);
    inv.exit_code = kExitInternal;
    return nullptr;
  }
  if (options.data_folders.empty()) {
    return data;
  }
  auto expanded = io::expand_paths(options.data_folders, problems);
  SessionOptions session = session_options(options);
  std::vector<FileResult> results;
  for (const auto& path : expanded.files) {
    auto result = check_path(path, *data, session);
    problems.append(result.diagnostics);
    if (result.parsed) {
      for (const auto& doc : result.parsed->documents) {
        if (doc.structure_ok) {
          data->add(doc.model, problems);
        }
      }
    }
  }
  if (problems.has_errors() || expanded.unreadable > 0) {
    problems.sort();
    RenderOptions render_options;
    render_options.colour = use_colour(options, inv);
    inv.err << "npq: the reference data given with --data has problems:\n"
            << render_text(problems, RunSummary{expanded.files.size(), 0, expanded.unreadable},
                           render_options);
    inv.exit_code = expanded.unreadable > 0 ? kExitUnreadable : kExitFindings;
    return nullptr;
  }
  return data;
}

FileResult check_input(const std::string& path, const ReferenceData& data,
                       const SessionOptions& options, Invocation& inv) {
  if (path != "-") {
    return check_path(path, data, options);
  }
  Diagnostics problems;
  auto source = io::read_stream(inv.in, "-", options.max_file_bytes, problems);
  if (!source) {
    FileResult result;
    result.path = path;
    result.diagnostics = std::move(problems);
    return result;
  }
  return check_source(std::move(*source), data, options);
}

void print_findings(const std::vector<const FileResult*>& results, const InputOptions& options,
                    Invocation& inv) {
  Diagnostics all;
  RunSummary summary;
  for (const auto* r : results) {
    all.append(r->diagnostics);
    ++summary.files;
    summary.unreadable += r->unreadable ? 1 : 0;
  }
  RenderOptions render_options;
  render_options.colour = use_colour(options, inv);
  render_options.tool_version = version_string();
  std::map<std::string, const SourceFile*> sources;
  for (const auto* r : results) {
    if (r->parsed) {
      sources[r->path] = r->parsed->source.get();
    }
  }
  render_options.line_text = [&](const std::string& file, int line) -> std::string_view {
    auto it = sources.find(file);
    return it == sources.end() ? std::string_view() : it->second->line_text(line);
  };
  inv.err << render_text(all, summary, render_options);
}

} // namespace npq::cli
