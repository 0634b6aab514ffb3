// Helpers shared by the command files: reference data, input reading, colour, version.
#include "cli/command.hpp"
#include "npq/io/project.hpp"
#include "npq/text/terminal.hpp"
#include "npq/version.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <ostream>

namespace npq::cli {

std::string version_string() {
  return fmt::format("npq {}", kVersion);
}

namespace fs = std::filesystem;

std::string documentation_address() {
  std::string_view configured = NPQ_DOCS_URL;
  if (!configured.empty()) {
    return std::string(configured);
  }
  // PREFIX/bin/npq -> PREFIX/share/doc/npq, where 'cmake --install' puts README.md and docs/;
  // else the source tree this binary was built from. Never an address where nothing is.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "share" / "doc" / "npq");
  }
  candidates.emplace_back(NPQ_SOURCE_DIR);
  for (const auto &dir : candidates) {
    if (fs::is_regular_file(dir / "docs" / "checks.md", ec) &&
        fs::is_regular_file(dir / "README.md", ec)) {
      return file_uri(fs::weakly_canonical(dir, ec).generic_string());
    }
  }
  return {};
}

namespace {

// Looks for .npq.yaml in the current folder's project (io::find_project_root: the nearest folder
// upwards holding .npq.yaml or .git, never above the environment's ceiling): a configuration file
// outside the project must not silently change what npq checks in it. The same folder bounds the
// files a programme may name (source documents).
std::optional<std::string> find_config(const Environment &env) {
  std::error_code ec;
  fs::path ceiling =
      env.config_ceiling.empty() ? fs::path() : fs::weakly_canonical(env.config_ceiling, ec);
  fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
  auto root = io::find_project_root(here, ceiling);
  for (const char *name : {".npq.yaml", ".npq.yml"}) {
    std::error_code missing; // a missing file is the normal case
    if (root && fs::is_regular_file(*root / name, missing)) {
      return (*root / name).string();
    }
  }
  return std::nullopt;
}

// Reads .npq.yaml (found from the current folder upwards, or named with --config) into `project`.
// Returns false, with findings printed, when the file is invalid.
bool load_project(InputOptions &options, Invocation &inv, const ReferenceData &data) {
  if (options.no_config) {
    return true;
  }
  std::optional<std::string> path =
      options.config.empty() ? find_config(inv.env) : std::optional<std::string>(options.config);
  if (!path) {
    return true;
  }
  SessionOptions session;
  session.run = &inv.run;
  auto result = check_path(*path, data, session);
  if (report_internal_error(result, inv)) {
    return false;
  }
  const model::Config *config = nullptr;
  if (result.parsed) {
    for (const auto &doc : result.parsed->documents) {
      config = std::get_if<model::Config>(&doc.model);
      if (config != nullptr) {
        break;
      }
    }
  }
  if (config == nullptr || result.diagnostics.has_errors()) {
    print_findings({&result}, options, inv);
    inv.err << fmt::format("npq: the configuration file {} {}\n", terminal_safe(*path),
                           config == nullptr && !result.diagnostics.has_errors()
                               ? "is not a 'kind: config' document"
                               : "has errors");
    inv.exit_code = result.unreadable ? kExitUnreadable : kExitFindings;
    return false;
  }
  Project &p = options.project;
  p.file = *path;
  {
    std::error_code ec;
    auto shown = fs::relative(*path, fs::current_path(ec), ec);
    p.shown = options.config.empty() && !ec && !shown.empty() ? shown.generic_string() : *path;
  }
  fs::path dir = fs::path(*path).parent_path();
  auto relative = [&](const std::string &item) {
    fs::path full = dir / item;
    std::error_code ec;
    auto rel = fs::relative(full, fs::current_path(), ec);
    return ec || rel.empty() ? full.generic_string() : rel.generic_string();
  };
  for (const auto &item : config->paths) {
    p.paths.push_back(relative(item));
  }
  for (const auto &item : config->data) {
    p.data.push_back(relative(item));
  }
  for (auto s : config->suppress) {
    if (!s.file.empty()) {
      std::error_code ec;
      s.file = fs::weakly_canonical(dir / s.file, ec).string();
    }
    p.suppressions.push_back(std::move(s));
  }
  for (const auto &o : config->severity) {
    if (auto code = find_code(o.code)) {
      p.severity[*code] = o.severity == "off" ? std::nullopt : parse_severity(o.severity);
    }
  }
  p.strict = config->strict;
  if (config->about_tolerance) {
    p.about_tolerance = *config->about_tolerance;
  }
  p.hours_per_day = config->hours_per_day;
  return true;
}

} // namespace

void add_input_options(CLI::App &command, InputOptions &options) {
  command
      .add_option("--config", options.config,
                  "Use this configuration file instead of looking for .npq.yaml")
      ->type_name("FILE");
  command.add_flag("--no-config", options.no_config,
                   "Ignore .npq.yaml (the summary line names the one in effect)");
  command
      .add_option("--source-root", options.source_root,
                  "Read source documents and member programmes only inside DIR (default: the "
                  "project, the nearest folder upwards holding .npq.yaml or .git)")
      ->type_name("DIR");
  command
      .add_option("--data", options.data_folders,
                  "Extra folder of framework and catalogue files (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false); // one folder each time: 'npq validate --data DIR FILE' checks FILE
  command
      .add_option("--max-file-size", options.max_file_mib,
                  "Refuse input files larger than this many MiB")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 4095.0))
      ->type_name("MIB");
  command.add_option("--color", options.color, "Colour output: auto, always or never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

SessionOptions session_options(const InputOptions &options, Invocation &inv) {
  SessionOptions s;
  s.run = &inv.run;
  s.source_root = options.source_root;
  s.project_ceiling = inv.env.config_ceiling;
  s.max_file_bytes = static_cast<std::size_t>(options.max_file_mib * 1024.0 * 1024.0);
  // A larger limit than the default may hold proportionally more nodes.
  if (s.max_file_bytes > io::kDefaultMaxFileBytes) {
    double scale =
        static_cast<double>(s.max_file_bytes) / static_cast<double>(io::kDefaultMaxFileBytes);
    s.limits.max_file_nodes =
        static_cast<std::uint64_t>(static_cast<double>(s.limits.max_file_nodes) * scale);
  }
  s.suppressions = options.project.suppressions;
  s.severity = options.project.severity;
  s.about_tolerance = options.project.about_tolerance;
  s.hours_per_day = options.project.hours_per_day;
  return s;
}

analysis::FigureOptions figure_options(const InputOptions &options) {
  analysis::FigureOptions f;
  f.about_tolerance = options.project.about_tolerance;
  f.hours_per_day = options.project.hours_per_day;
  return f;
}

bool use_colour(const InputOptions &options, const Invocation &inv) {
  if (options.color == "always") {
    return true;
  }
  if (options.color == "never") {
    return false;
  }
  // --color auto: NO_COLOR wins, then FORCE_COLOR / CLICOLOR_FORCE (colour into a pipe, for CI
  // logs that render it); otherwise colour only on a terminal that understands it.
  if (inv.env.no_color) {
    return false;
  }
  if (inv.env.force_color) {
    return true;
  }
  return inv.env.stdout_is_terminal && !inv.env.dumb_terminal;
}

std::unique_ptr<ReferenceData> load_reference_data(InputOptions &options, Invocation &inv) {
  Diagnostics problems;
  auto data = std::make_unique<ReferenceData>(ReferenceData::bundled(problems));
  if (!problems.has_errors() && !load_project(options, inv, *data)) {
    return nullptr;
  }
  options.data_folders.insert(options.data_folders.end(), options.project.data.begin(),
                              options.project.data.end());
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
  SessionOptions session = session_options(options, inv);
  session.run_files = expanded.files.size();
  for (const auto &path : expanded.files) {
    auto result = check_path(path, *data, session);
    if (report_internal_error(result, inv)) {
      return nullptr;
    }
    problems.append(result.diagnostics);
    if (result.parsed) {
      for (const auto &doc : result.parsed->documents) {
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

FileResult check_input(const std::string &path, const ReferenceData &data,
                       const SessionOptions &options, Invocation &inv) {
  if (path != "-") {
    return check_path(path, data, options);
  }
  if (inv.env.stdin_file) {
    inv.run.reads().record(*inv.env.stdin_file);
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

bool report_internal_error(const FileResult &result, Invocation &inv) {
  if (result.internal_error.empty()) {
    return false;
  }
  inv.err << fmt::format("npq: internal error while checking {}: {}\nPlease report this, with "
                         "the input.\n",
                         terminal_safe(result.path), terminal_safe(result.internal_error));
  inv.exit_code = kExitInternal;
  return true;
}

void print_findings(const std::vector<const FileResult *> &results, const InputOptions &options,
                    Invocation &inv) {
  Diagnostics all;
  RunSummary summary;
  summary.configuration = options.project.shown;
  for (const auto *r : results) {
    all.append(r->diagnostics);
    ++summary.files;
    summary.unreadable += r->unreadable ? 1 : 0;
    summary.turned_off += r->turned_off;
    summary.lowered += r->lowered;
  }
  RenderOptions render_options;
  render_options.colour = use_colour(options, inv);
  render_options.tool_version = version_string();
  render_options.width = inv.env.columns;
  std::map<std::string, const SourceFile *> sources;
  for (const auto *r : results) {
    if (r->parsed) {
      sources[r->path] = r->parsed->source.get();
    }
  }
  render_options.line_text = [&](const std::string &file, int line) -> std::string_view {
    auto it = sources.find(file);
    return it == sources.end() ? std::string_view() : it->second->line_text(line);
  };
  inv.err << render_text(all, summary, render_options);
}

} // namespace npq::cli
