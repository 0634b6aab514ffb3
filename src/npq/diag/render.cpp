#include "npq/diag/render.hpp"

#include "npq/text/terminal.hpp"
#include "npq/text/utf8.hpp"
#include "npq/text/width.hpp"
#include "npq/version.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace npq {

namespace {

using Json = nlohmann::ordered_json;

const char *kReset = "\x1b[0m";
const char *kBold = "\x1b[1m";

const char *severity_colour(Severity s) {
  switch (s) {
  case Severity::error:
    return "\x1b[1;31m";
  case Severity::warning:
    return "\x1b[1;33m";
  case Severity::note:
    return "\x1b[1;36m";
  }
  return "";
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string location_prefix(const Location &where) {
  if (where.line == 0) {
    return fmt::format("{}", terminal_safe(where.file));
  }
  return fmt::format("{}:{}:{}", terminal_safe(where.file), where.line, where.column);
}

// The offending line with a caret under the column; tabs become spaces so the caret lines up.
void append_snippet(std::string &out, const Diagnostic &d, const RenderOptions &options) {
  if (!options.line_text || d.where.line == 0) {
    return;
  }
  std::string_view line = options.line_text(d.where.file, d.where.line);
  if (line.empty()) {
    return;
  }
  constexpr std::size_t kMaxWidth = 200;
  std::string shown;
  std::size_t i = 0;
  std::size_t shown_code_points = 0;
  while (i < line.size() && shown_code_points < kMaxWidth) {
    std::size_t start = i;
    std::uint32_t cp = utf8::next(line, i);
    if (cp == '\t' || utf8::is_unsafe_for_display(cp)) {
      shown += ' ';
    } else if (cp == 0xFFFD) {
      shown += "\xEF\xBF\xBD"; // an invalid byte: never copy it to the terminal
    } else {
      shown.append(line.substr(start, i - start));
    }
    ++shown_code_points;
  }
  if (i < line.size()) {
    shown += "...";
  }
  std::string number = std::to_string(d.where.line);
  std::string gutter(number.size(), ' ');
  out += fmt::format("{} | {}\n", number, shown);
  auto column = static_cast<std::size_t>(std::max(d.where.column, 1));
  if (column <= kMaxWidth + 1) {
    out += fmt::format("{} | {}{}^{}\n", gutter, std::string(column - 1, ' '),
                       options.colour ? severity_colour(d.severity) : "",
                       options.colour ? kReset : "");
  }
}

Json location_json(const Location &where) {
  Json j;
  j["file"] = where.file;
  j["line"] = where.line;
  j["column"] = where.column;
  return j;
}

std::string sarif_level(Severity s) {
  switch (s) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::note:
    return "note";
  }
  return "error";
}

// Percent-encodes what is not an unreserved URI character, keeping '/' between path segments.
std::string to_uri(std::string_view path) {
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

bool is_bundled(const std::string &file) {
  return file.rfind(kBundledPrefix, 0) == 0;
}

std::string root_uri(const std::string &root) {
  std::string path = std::filesystem::path(root).lexically_normal().generic_string();
  return file_uri(path) + (path.ends_with('/') ? "" : "/");
}

// Where a SARIF artifact is: under the root, relative to %SRCROOT% (GitHub code scanning maps
// that onto its checkout); elsewhere, an absolute file:// URI; standard input, in a base of its
// own whose address is unknown. Pure path arithmetic: nothing is read from the file system.
Json artifact_location(const std::string &file, const std::string &root) {
  if (file == "-") {
    return Json{{"uri", "stdin"},
                {"uriBaseId", "STDIN"},
                {"description", Json{{"text", "standard input"}}}};
  }
  if (root.empty()) {
    return Json{{"uri", to_uri(file)}};
  }
  namespace fs = std::filesystem;
  fs::path base = fs::path(root).lexically_normal();
  fs::path path(file);
  fs::path full = (path.is_absolute() ? path : base / path).lexically_normal();
  fs::path relative = full.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") {
    return Json{{"uri", file_uri(full.generic_string())}};
  }
  return Json{{"uri", to_uri(relative.generic_string())}, {"uriBaseId", "%SRCROOT%"}};
}

// A region in a file, or nothing for the bundled reference data: it is in no folder a reader
// has, so it is named in the message instead of as a location.
std::optional<Json> physical_location(const Location &where, const std::string &root) {
  if (is_bundled(where.file)) {
    return std::nullopt;
  }
  Json loc;
  loc["artifactLocation"] = artifact_location(where.file, root);
  // A finding about a whole file (line 0) is shown at its start, as annotations are.
  loc["region"]["startLine"] = std::max(where.line, 1);
  if (where.line > 0) {
    loc["region"]["startColumn"] = std::max(where.column, 1);
  }
  return loc;
}

std::string bundled_note(const Note &n) {
  return fmt::format("{} (npq's bundled reference data: {}, line {})", n.message,
                     n.where.file.substr(kBundledPrefix.size()), n.where.line);
}

// 'unknown-key' -> 'UnknownKey': SARIF's convention for a rule's friendly name.
std::string pascal_case(std::string_view slug) {
  std::string out;
  bool upper = true;
  for (char c : slug) {
    if (c == '-' || c == '_') {
      upper = true;
    } else {
      out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return out;
}

// docs/checks.md heads each code '## NPQ102 unknown-key'; this is its GitHub-style anchor.
std::string checks_anchor(const CodeInfo &ci) {
  std::string out;
  for (char c : std::string(ci.code) + "-" + std::string(ci.slug)) {
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// GitHub workflow commands ('::error file=F,line=L::message'), escaped as the runner unescapes
// them (actions/toolkit packages/core/src/command.ts): '%', CR and LF in the message; also ':'
// and ',' in a property. Line feeds are kept until this step, so a multi-line message arrives
// as %0A and shows as separate lines; other control characters are made visible first.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : property ? terminal_safe(s) : terminal_safe_lines(s)) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace

std::string file_uri(std::string_view absolute_path) {
  return "file://" + to_uri(absolute_path);
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") {
    return OutputFormat::text;
  }
  if (name == "json") {
    return OutputFormat::json;
  }
  if (name == "sarif") {
    return OutputFormat::sarif;
  }
  if (name == "github") {
    return OutputFormat::github;
  }
  return std::nullopt;
}

std::string summary_line(const Diagnostics &diagnostics, const RunSummary &summary) {
  std::string line = fmt::format("{} checked: {}, {}, {}", plural(summary.files, "file"),
                                 plural(diagnostics.count(Severity::error), "error"),
                                 plural(diagnostics.count(Severity::warning), "warning"),
                                 plural(diagnostics.count(Severity::note), "note"));
  if (auto s = diagnostics.suppressed_count(); s > 0) {
    line += fmt::format("; {} suppressed", s);
  }
  if (summary.unreadable > 0) {
    line += fmt::format("; {} could not be read", plural(summary.unreadable, "input"));
  }
  if (!summary.configuration.empty()) {
    line += fmt::format("; configuration {}", terminal_safe(summary.configuration));
    if (summary.turned_off > 0 || summary.lowered > 0) {
      line += fmt::format(" turned off {} and lowered {}", plural(summary.turned_off, "finding"),
                          summary.lowered);
    }
  }
  return line;
}

std::string render_text(const Diagnostics &diagnostics, const RunSummary &summary,
                        const RenderOptions &options) {
  std::string out;
  for (const auto &d : diagnostics.items()) {
    if (!d.suppressed.empty() && !options.show_suppressed) {
      continue;
    }
    std::string severity(to_string(d.severity));
    if (options.colour) {
      out += fmt::format("{}{}:{} {}{}[{}]{}: {}{}{}\n", kBold, location_prefix(d.where), kReset,
                         severity_colour(d.severity), severity, info(d.code).code, kReset, kBold,
                         terminal_safe(d.message), kReset);
    } else {
      out += fmt::format("{}: {}[{}]: {}\n", location_prefix(d.where), severity, info(d.code).code,
                         terminal_safe(d.message));
    }
    append_snippet(out, d, options);
    if (!d.hint.empty()) {
      out += text::wrap_paragraph(terminal_safe(d.hint), options.width, "  = hint: ", "          ");
    }
    if (!d.suppressed.empty()) {
      out += text::wrap_paragraph(terminal_safe(d.suppressed), options.width,
                                  "  = suppressed: ", "                ");
    }
    for (const auto &note : d.notes) {
      out += fmt::format("{}: {}note{}: {}\n", location_prefix(note.where),
                         options.colour ? severity_colour(Severity::note) : "",
                         options.colour ? kReset : "", terminal_safe(note.message));
    }
  }
  out += summary_line(diagnostics, summary) + "\n";
  return out;
}

std::string render_json(const Diagnostics &diagnostics, const RunSummary &summary,
                        const RenderOptions &options) {
  Json root;
  root["version"] = 1;
  root["tool"] = Json{{"name", "npq"}, {"version", options.tool_version}};
  Json items = Json::array();
  for (const auto &d : diagnostics.items()) {
    Json j;
    const auto &ci = info(d.code);
    j["code"] = ci.code;
    j["slug"] = ci.slug;
    j["severity"] = to_string(d.severity);
    j["category"] = to_string(ci.category);
    j["file"] = d.where.file;
    j["line"] = d.where.line;
    j["column"] = d.where.column;
    j["document"] = d.where.document;
    j["pointer"] = d.where.pointer;
    j["message"] = d.message;
    j["hint"] = d.hint;
    Json notes = Json::array();
    for (const auto &n : d.notes) {
      Json nj = location_json(n.where);
      nj["message"] = n.message;
      notes.push_back(nj);
    }
    j["notes"] = notes;
    j["suppressed"] = d.suppressed.empty() ? Json(nullptr) : Json(d.suppressed);
    items.push_back(j);
  }
  root["diagnostics"] = items;
  root["summary"] = Json{{"files", summary.files},
                         {"documents", summary.documents},
                         {"unreadable", summary.unreadable},
                         {"errors", diagnostics.count(Severity::error)},
                         {"warnings", diagnostics.count(Severity::warning)},
                         {"notes", diagnostics.count(Severity::note)},
                         {"suppressed", diagnostics.suppressed_count()}};
  root["summary"]["configuration"] = summary.configuration.empty()
                                         ? Json(nullptr)
                                         : Json{{"file", summary.configuration},
                                                {"turned_off", summary.turned_off},
                                                {"lowered", summary.lowered}};
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_sarif(const Diagnostics &diagnostics, const RunSummary &summary,
                         const RenderOptions &options) {
  const std::string &docs = options.documentation;
  Json rules = Json::array();
  for (const auto &ci : all_codes()) {
    Json rule;
    rule["id"] = ci.code;
    rule["name"] = pascal_case(ci.slug);
    rule["shortDescription"]["text"] = ci.summary;
    rule["fullDescription"]["text"] = ci.explanation;
    rule["defaultConfiguration"]["level"] = sarif_level(ci.severity);
    if (!docs.empty()) {
      rule["helpUri"] = docs + "/docs/checks.md#" + checks_anchor(ci);
    }
    rule["help"]["text"] = ci.explanation;
    rule["properties"]["category"] = to_string(ci.category);
    rules.push_back(rule);
  }
  Json results = Json::array();
  for (const auto &d : diagnostics.items()) {
    Json r;
    r["ruleId"] = info(d.code).code;
    r["ruleIndex"] = static_cast<int>(d.code);
    r["level"] = sarif_level(d.severity);
    r["message"]["text"] = d.hint.empty() ? d.message : d.message + " (" + d.hint + ")";
    Json location;
    if (auto physical = physical_location(d.where, options.root)) {
      location["physicalLocation"] = *physical;
    }
    if (!d.where.pointer.empty()) {
      location["logicalLocations"] =
          Json::array({Json{{"fullyQualifiedName", d.where.pointer}, {"kind", "object"}}});
    }
    r["locations"] = Json::array({location});
    if (!d.notes.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const auto &n : d.notes) {
        Json note{{"id", id++}};
        if (auto physical = physical_location(n.where, options.root)) {
          note["physicalLocation"] = *physical;
          note["message"]["text"] = n.message;
        } else {
          note["message"]["text"] = bundled_note(n);
        }
        related.push_back(note);
      }
      r["relatedLocations"] = related;
    }
    if (!d.suppressed.empty()) {
      r["suppressions"] =
          Json::array({Json{{"kind", "external"}, {"justification", d.suppressed}}});
    }
    results.push_back(r);
  }
  Json driver{{"name", "npq"}, {"version", kVersion}, {"semanticVersion", kVersion}};
  if (!docs.empty()) {
    driver["informationUri"] = docs + "/README.md";
  }
  driver["rules"] = rules;
  Json run;
  run["tool"]["driver"] = driver;
  // The run succeeded unless an input could not be read: then its findings are incomplete.
  Json invocation{{"executionSuccessful", summary.unreadable == 0}};
  if (summary.unreadable > 0) {
    invocation["toolExecutionNotifications"] = Json::array(
        {Json{{"level", "error"},
              {"message", Json{{"text", fmt::format("{} could not be read",
                                                    plural(summary.unreadable, "input"))}}}}});
  }
  if (!options.root.empty()) {
    invocation["workingDirectory"]["uri"] = root_uri(options.root);
    run["originalUriBaseIds"]["%SRCROOT%"] = Json{
        {"uri", root_uri(options.root)}, {"description", Json{{"text", "the folder npq ran in"}}}};
  }
  bool from_stdin = std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                                [](const Diagnostic &d) { return d.where.file == "-"; });
  if (from_stdin) {
    run["originalUriBaseIds"]["STDIN"]["description"]["text"] =
        "standard input: a document npq read from its standard input, which has no address";
  }
  run["invocations"] = Json::array({invocation});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  Json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = Json::array({run});
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_github(const Diagnostics &diagnostics, const RunSummary &summary,
                          const RenderOptions &) {
  std::string out;
  for (const auto &d : diagnostics.items()) {
    if (!d.suppressed.empty()) {
      continue;
    }
    std::string command = d.severity == Severity::error     ? "error"
                          : d.severity == Severity::warning ? "warning"
                                                            : "notice";
    std::string properties = fmt::format("file={}", github_escape(d.where.file, true));
    if (d.where.line > 0) {
      properties += fmt::format(",line={},col={}", d.where.line, std::max(d.where.column, 1));
    }
    properties += fmt::format(",title={}", github_escape(info(d.code).code, true));
    std::string message = d.message;
    if (!d.hint.empty()) {
      message += "\nhint: " + d.hint;
    }
    for (const auto &n : d.notes) {
      message += n.where.line == 0 ? fmt::format("\nnote: {}: {}", n.where.file, n.message)
                                   : fmt::format("\nnote: {}:{}:{}: {}", n.where.file, n.where.line,
                                                 n.where.column, n.message);
    }
    out += fmt::format("::{} {}::{}\n", command, properties, github_escape(message, false));
  }
  out += summary_line(diagnostics, summary) + "\n";
  return out;
}

std::string render(OutputFormat format, const Diagnostics &diagnostics, const RunSummary &summary,
                   const RenderOptions &options) {
  switch (format) {
  case OutputFormat::text:
    return render_text(diagnostics, summary, options);
  case OutputFormat::json:
    return render_json(diagnostics, summary, options);
  case OutputFormat::sarif:
    return render_sarif(diagnostics, summary, options);
  case OutputFormat::github:
    return render_github(diagnostics, summary, options);
  }
  return {};
}

} // namespace npq
