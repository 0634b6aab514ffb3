#include "npq/diag/render.hpp"

#include "npq/text/terminal.hpp"
#include "npq/text/utf8.hpp"

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

// SARIF artifact URIs are relative URI references: percent-encode what is not unreserved.
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

Json physical_location(const Location &where) {
  Json loc;
  loc["artifactLocation"]["uri"] = to_uri(where.file);
  if (where.line > 0) {
    loc["region"]["startLine"] = where.line;
    loc["region"]["startColumn"] = std::max(where.column, 1);
  }
  return loc;
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
      out += fmt::format("  = hint: {}\n", terminal_safe(d.hint));
    }
    if (!d.suppressed.empty()) {
      out += fmt::format("  = suppressed: {}\n", terminal_safe(d.suppressed));
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
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_sarif(const Diagnostics &diagnostics, const RunSummary &,
                         const RenderOptions &options) {
  Json rules = Json::array();
  for (const auto &ci : all_codes()) {
    Json rule;
    rule["id"] = ci.code;
    rule["name"] = ci.slug;
    rule["shortDescription"]["text"] = ci.summary;
    rule["fullDescription"]["text"] = ci.explanation;
    rule["defaultConfiguration"]["level"] = sarif_level(ci.severity);
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
    location["physicalLocation"] = physical_location(d.where);
    if (!d.where.pointer.empty()) {
      location["logicalLocations"] =
          Json::array({Json{{"fullyQualifiedName", d.where.pointer}, {"kind", "object"}}});
    }
    r["locations"] = Json::array({location});
    if (!d.notes.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const auto &n : d.notes) {
        related.push_back(Json{{"id", id++},
                               {"physicalLocation", physical_location(n.where)},
                               {"message", Json{{"text", n.message}}}});
      }
      r["relatedLocations"] = related;
    }
    if (!d.suppressed.empty()) {
      r["suppressions"] =
          Json::array({Json{{"kind", "external"}, {"justification", d.suppressed}}});
    }
    results.push_back(r);
  }
  Json run;
  run["tool"]["driver"] = Json{{"name", "npq"},
                               {"version", options.tool_version},
                               {"semanticVersion", options.tool_version},
                               {"rules", rules}};
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
