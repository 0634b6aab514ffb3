// libFuzzer target over npq's whole pipeline: bytes -> check_source (load, structure, model,
// reference and domain checks) -> every diagnostic renderer -> every report for every programme
// and suite the input produces; with NPQ_FUZZ_CLI=1 also the CLI's 'routemap -' on the same bytes.
//
// Besides "no crash, no sanitizer report, no leak, no timeout", the outputs are checked against
// oracles; a violation prints what was wrong, where, and calls abort() so libFuzzer records the
// input:
//   * every output is well-formed UTF-8 without NUL (npq::utf8::check) and holds no raw ESC;
//   * JSON and SARIF outputs parse with nlohmann::json;
//   * terminal text (diagnostics, hours/coverage/compare text, explanations, GitHub annotations)
//     and Markdown hold no character npq::utf8::is_unsafe_for_display rejects (C0/C1 controls
//     except TAB and LF, DEL, bidi controls, U+2028/9, BOM);
//   * coloured diagnostics hold only SGR escapes, and are the plain ones once those are removed;
//   * GitHub annotations are one workflow command per line, then the summary line;
//   * every row of each Markdown table (outside code fences) has the same number of unescaped '|',
//     a blank line follows each table, and code fences are closed.
//
// Known, not yet fixed bugs can be tolerated while fuzzing on, so that they do not drown everything
// else: NPQ_FUZZ_ALLOW=id[,id...] (ids in kKnownBugs below; tests/fuzz/README.md). The regression
// tests run without it, so each stays red until npq is fixed.
//
// Build and run: see tests/fuzz/README.md.
#include "cli/app.hpp"
#include "npq/data/reference.hpp"
#include "npq/diag/render.hpp"
#include "npq/report/compare.hpp"
#include "npq/report/coverage.hpp"
#include "npq/report/diff.hpp"
#include "npq/report/explain_total.hpp"
#include "npq/report/export.hpp"
#include "npq/report/hours.hpp"
#include "npq/report/routemap.hpp"
#include "npq/session.hpp"
#include "npq/text/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef NPQ_FUZZ_INPUT_NAME
// Relative 'document:' paths of a programme's source are read from the input's folder; naming the
// input after a file in examples/invalid/ lets the quote checks find sources/npq370-source.txt.
#define NPQ_FUZZ_INPUT_NAME "fuzz-input.yaml"
#endif

namespace {

// Longer inputs are cut here; the loader's own limits bound the rest.
constexpr std::size_t kMaxInputBytes = 64u << 10;

/// True when NPQ_FUZZ_ALLOW lists `id` (the known bugs are in kKnownBugs below).
bool allowed(std::string_view id) {
  static const std::string allow = [] {
    const char *v = std::getenv("NPQ_FUZZ_ALLOW");
    return "," + std::string(v != nullptr ? v : "") + ",";
  }();
  return allow.find("," + std::string(id) + ",") != std::string::npos;
}

enum class Kind {
  json,     ///< machine-readable JSON (diagnostics, SARIF, reports)
  terminal, ///< text meant for a terminal or CI log
  github,   ///< GitHub workflow commands
  markdown, ///< GFM pages and tables
  csv,      ///< RFC 4180 with CRLF row ends
  page,     ///< HTML and SVG pages: the rules for all outputs and displayable characters
};

const char *kind_name(Kind k) {
  switch (k) {
  case Kind::json:
    return "json";
  case Kind::terminal:
    return "terminal text";
  case Kind::github:
    return "github annotations";
  case Kind::markdown:
    return "markdown";
  case Kind::csv:
    return "csv";
  case Kind::page:
    return "page";
  }
  return "?";
}

/// Prints a short, escaped excerpt of `text` around `offset`.
void excerpt(std::string_view text, std::size_t offset) {
  std::size_t from = offset > 120 ? offset - 120 : 0;
  std::size_t to = std::min(text.size(), offset + 120);
  std::fputs("  near: \"", stderr);
  for (std::size_t i = from; i < to; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (i == offset) {
      std::fputs("\xE2\x9F\xA6", stderr); // U+27E6 marks the offset
    }
    if (c == '\n') {
      std::fputs("\\n", stderr);
    } else if (c == '\\' || c == '"') {
      std::fprintf(stderr, "\\%c", c);
    } else if (c < 0x20 || c >= 0x7F) {
      std::fprintf(stderr, "\\x%02x", c);
    } else {
      std::fputc(c, stderr);
    }
  }
  std::fputs("\"\n", stderr);
}

// Violations are printed as they are found and the input is failed (abort()) once it has run
// through every output, so one run shows every oracle an input breaks.
int g_violations = 0;

void violation(std::string_view output, std::string_view text, std::size_t offset,
               const std::string &what) {
  if (++g_violations > 20) {
    return;
  }
  std::fprintf(stderr, "\n==npq-fuzz== ORACLE VIOLATION in output '%.*s': %s (byte %zu of %zu)\n",
               static_cast<int>(output.size()), output.data(), what.c_str(), offset, text.size());
  excerpt(text, offset);
}

std::size_t encoded_length(std::uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Well-formed UTF-8, no NUL, no raw ESC anywhere; for terminal, GitHub and Markdown output also
/// nothing that is unsafe to display.
void check_characters(std::string_view name, std::string_view text, Kind kind) {
  // utf8::check reports the first problem only; resume after each tolerated one.
  std::size_t base = 0;
  while (base < text.size()) {
    auto failure = npq::utf8::check(text.substr(base));
    if (!failure) {
      break;
    }
    std::size_t at = base + failure->offset;
    switch (failure->problem) {
    case npq::utf8::Problem::invalid_sequence:
      violation(name, text, at, "invalid UTF-8");
      return; // one finding per output is enough; the rest would repeat it
    case npq::utf8::Problem::nul_byte:
      violation(name, text, at, "NUL byte");
      return;
    case npq::utf8::Problem::control:
      if (failure->code == 0x1B) {
        violation(name, text, at, "raw ESC (0x1B)");
        return;
      }
      break; // the display check below decides about the others
    }
    base = at + encoded_length(failure->code);
  }
  if (kind == Kind::json || kind == Kind::csv) {
    return;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    std::uint32_t cp = npq::utf8::next(text, i);
    // Terminal text must also show what would otherwise be invisible (terminal_safe does).
    if (npq::utf8::is_unsafe_for_display(cp) ||
        (kind == Kind::terminal && npq::utf8::is_invisible(cp))) {
      char what[96];
      std::snprintf(what, sizeof what, "U+%04X is unsafe to display in %s", cp, kind_name(kind));
      violation(name, text, start, what);
      return;
    }
  }
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

/// '|' that split GFM table cells: those not escaped with a backslash (code spans do not protect
/// a pipe inside a table row, so they are counted too).
std::size_t unescaped_pipes(std::string_view line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++n;
    }
  }
  return n;
}

struct Fence {
  char mark = 0;          ///< '`' or '~'
  std::size_t length = 0; ///< at least 3
  bool bare = false;      ///< nothing but spaces after the marks (required to close)
};

/// A GFM code fence: up to three spaces, then three or more backticks or tildes (a backtick
/// fence's info string cannot hold a backtick).
std::optional<Fence> fence_of(std::string_view line) {
  std::size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') {
    ++i;
  }
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) {
    return std::nullopt;
  }
  Fence f;
  f.mark = line[i];
  while (i + f.length < line.size() && line[i + f.length] == f.mark) {
    ++f.length;
  }
  std::string_view rest = line.substr(i + f.length);
  if (f.length < 3 || (f.mark == '`' && rest.find('`') != std::string_view::npos)) {
    return std::nullopt;
  }
  f.bare = rest.find_first_not_of(' ') == std::string_view::npos;
  return f;
}

/// Tables (runs of lines starting with '|', outside code fences): every row has as many cell
/// separators as the header, and a blank line (or the end) follows, since GFM would take a
/// following text line for one more row. Code fences must be closed.
void check_markdown_tables(std::string_view name, std::string_view text) {
  std::optional<Fence> open;
  std::size_t expected = 0;
  bool in_table = false;
  for (auto line : lines_of(text)) {
    std::size_t offset = static_cast<std::size_t>(line.data() - text.data());
    if (open) {
      auto f = fence_of(line);
      if (f && f->bare && f->mark == open->mark && f->length >= open->length) {
        open.reset();
      }
      continue;
    }
    if (auto f = fence_of(line)) {
      if (in_table) {
        violation(name, text, offset, "Markdown table not followed by a blank line");
        return;
      }
      open = f;
      continue;
    }
    if (line.empty() || line.front() != '|') {
      if (in_table && !line.empty()) {
        violation(name, text, offset, "Markdown table not followed by a blank line");
        return;
      }
      in_table = false;
      continue;
    }
    std::size_t pipes = unescaped_pipes(line);
    if (!in_table) {
      in_table = true;
      expected = pipes;
    } else if (pipes != expected) {
      violation(name, text, offset,
                "Markdown table row has " + std::to_string(pipes) + " unescaped '|', header has " +
                    std::to_string(expected));
      return;
    }
  }
  if (open) {
    violation(name, text, text.size(), "unterminated code fence");
  }
}

void check_github(std::string_view name, std::string_view text) {
  auto lines = lines_of(text);
  if (text.empty() || text.back() != '\n') {
    violation(name, text, text.size(), "GitHub annotations must end with a newline");
  }
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    auto l = lines[k];
    if (l.rfind("::error ", 0) != 0 && l.rfind("::warning ", 0) != 0 &&
        l.rfind("::notice ", 0) != 0) {
      violation(name, text, static_cast<std::size_t>(l.data() - text.data()),
                "line is not a workflow command (annotation text broke out of its line)");
      return;
    }
  }
}

/// Lines of a text rendering that quote the source ("12 | key: value").
bool is_snippet_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
    ++i;
  }
  return i > 0 && line.substr(i, 3) == " | ";
}

// ---- known bugs, tolerated while fuzzing when NPQ_FUZZ_ALLOW names them ---------------------
// Each hides exactly what its bug produces in the outputs it names, so the fuzzer can look for
// other problems there. The reproducers are in tests/fuzz/regressions/; the README describes them.

enum class Hide {
  snippet_invalid_utf8, ///< invalid UTF-8 on source-snippet lines ("12 | ...") becomes '?'
  unsafe_characters,    ///< code points unsafe for display (ESC, C0, C1, bidi, ...) are dropped
};

struct KnownBug {
  const char *id;
  const char *output; ///< outputs whose name starts with this ("" for every output)
  Kind kind;
  Hide hide;
};

const KnownBug kKnownBugs[] = {
    // render_text's source snippet copies invalid UTF-8 from the input line
    {"snippet-utf8", "", Kind::terminal, Hide::snippet_invalid_utf8},
    // render_hours_csv writes titles and labels verbatim (raw ESC and other controls)
    {"hours-csv-control", "hours csv", Kind::csv, Hide::unsafe_characters},
    // render_hours_text's tables print period titles without terminal_safe()
    {"hours-text-title", "hours text", Kind::terminal, Hide::unsafe_characters},
    // explain_total's headline prints the period title or category label without terminal_safe()
    {"explain-title", "explain --total", Kind::terminal, Hide::unsafe_characters},
    // render_coverage_text's matrix header prints period titles without terminal_safe()
    {"coverage-text-header", "coverage text", Kind::terminal, Hide::unsafe_characters},
};

std::string hide(std::string_view text, Hide what) {
  std::string out;
  out.reserve(text.size());
  if (what == Hide::unsafe_characters) {
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t start = i;
      std::uint32_t cp = npq::utf8::next(text, i);
      if (cp == '\r' || !npq::utf8::is_unsafe_for_display(cp)) {
        out.append(text.substr(start, i - start));
      }
    }
    return out;
  }
  for (auto line : lines_of(text)) {
    std::size_t i = 0;
    while (i < line.size()) {
      std::size_t start = i;
      std::uint32_t cp = npq::utf8::next(line, i);
      bool literal = i - start == 3 && line.substr(start, 3) == "\xEF\xBF\xBD";
      out += cp == 0xFFFD && !literal && is_snippet_line(line) ? std::string_view("?")
                                                               : line.substr(start, i - start);
    }
    out += '\n';
  }
  if (!text.empty() && text.back() != '\n') {
    out.pop_back();
  }
  return out;
}

std::string tolerate_known_bugs(std::string_view name, std::string text, Kind kind) {
  for (const auto &bug : kKnownBugs) {
    if (bug.kind == kind && name.rfind(bug.output, 0) == 0 && allowed(bug.id)) {
      text = hide(text, bug.hide);
    }
  }
  return text;
}

void check_output(std::string_view name, const std::string &raw, Kind kind) {
  const std::string text = tolerate_known_bugs(name, raw, kind);
  check_characters(name, text, kind);
  switch (kind) {
  case Kind::json:
    try {
      (void)nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) {
      violation(name, text, 0, std::string("JSON does not parse: ") + e.what());
    }
    break;
  case Kind::markdown:
    check_markdown_tables(name, text);
    break;
  case Kind::github:
    check_github(name, text);
    break;
  case Kind::terminal:
  case Kind::csv:
  case Kind::page:
    break;
  }
}

/// Removes SGR sequences (ESC '[' digits and ';' 'm'); anything else starting with ESC is a
/// violation.
std::string strip_sgr(std::string_view name, std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\x1b') {
      out += text[i];
      continue;
    }
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '[') {
      ++j;
      while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == ';')) {
        ++j;
      }
      if (j < text.size() && text[j] == 'm') {
        i = j;
        continue;
      }
    }
    violation(name, text, i, "ESC that does not start an SGR colour sequence");
    return out;
  }
  return out;
}

const npq::ReferenceData &reference_data() {
  static const npq::ReferenceData data = [] {
    npq::Diagnostics problems;
    auto d = npq::ReferenceData::bundled(problems);
    if (problems.has_errors()) {
      std::fputs("npq_fuzz_pipeline: the bundled reference data has errors\n", stderr);
      std::abort();
    }
    return d;
  }();
  return data;
}

void render_diagnostics(const npq::FileResult &result, bool sample_one_in_eight) {
  using namespace npq;
  RunSummary summary;
  summary.files = 1;
  summary.documents = result.parsed ? result.parsed->documents.size() : 0;
  summary.unreadable = result.unreadable ? 1 : 0;

  RenderOptions options;
  options.tool_version = "npq fuzz";
  const SourceFile *source = result.parsed ? result.parsed->source.get() : nullptr;
  options.line_text = [&](const std::string &file, int line) -> std::string_view {
    return source != nullptr && file == source->name() ? source->line_text(line)
                                                       : std::string_view();
  };

  std::string plain = render_text(result.diagnostics, summary, options);
  check_output("validate --format text", plain, Kind::terminal);
  options.show_suppressed = true;
  check_output("validate --format text --show-suppressed",
               render_text(result.diagnostics, summary, options), Kind::terminal);
  options.show_suppressed = false;

  options.colour = true;
  std::string coloured = render_text(result.diagnostics, summary, options);
  if (strip_sgr("validate --format text --color always", coloured) != plain) {
    violation("validate --format text --color always", coloured, 0,
              "coloured text differs from the plain text once SGR sequences are removed");
  }
  options.colour = false;

  check_output("validate --format json", render_json(result.diagnostics, summary, options),
               Kind::json);
  // SARIF repeats every code's documentation, which costs ~20 ms per run under the sanitizers
  // (the findings part is the same data render_json writes): render it for one input in eight.
  if (sample_one_in_eight) {
    check_output("validate --format sarif", render_sarif(result.diagnostics, summary, options),
                 Kind::json);
  }
  check_output("validate --format github", render_github(result.diagnostics, summary, options),
               Kind::github);
  check_output("summary line", summary_line(result.diagnostics, summary), Kind::terminal);
}

void explain(const npq::model::Programme &p, const std::string &what) {
  auto e = npq::report::explain_total(p, what);
  check_output("explain --total " + what, e.text, Kind::terminal);
}

/// 'npq diff' of two programmes, in every format.
void diff(const npq::model::Programme &before, const npq::model::Programme &after,
          const npq::ReferenceData &data) {
  using namespace npq::report;
  auto changes = diff_programmes(before, after, data);
  check_output("diff text", render_diff(changes, "before.yaml", "after.yaml", TableFormat::text),
               Kind::terminal);
  check_output("diff markdown",
               render_diff(changes, "before.yaml", "after.yaml", TableFormat::markdown),
               Kind::markdown);
  check_output("diff json", render_diff(changes, "before.yaml", "after.yaml", TableFormat::json),
               Kind::json);
}

void report_programme(const npq::model::Programme &p, const npq::ReferenceData &data,
                      const npq::Diagnostics &findings) {
  using namespace npq::report;
  check_output("export", export_json(p, data, findings), Kind::json);
  diff(p, p, data);

  std::vector<HoursReport> hours{build_hours_report(p)};
  check_output("hours text", render_hours_text(hours), Kind::terminal);
  check_output("hours markdown", render_hours_markdown(hours), Kind::markdown);
  check_output("hours csv", render_hours_csv(hours), Kind::csv);
  check_output("hours json", render_hours_json(hours), Kind::json);

  RouteMapOptions ro;
  check_output("routemap", render_routemap(p, data, ro), Kind::markdown);
  ro.mermaid = true;
  check_output("routemap --mermaid", render_routemap(p, data, ro), Kind::markdown);
  ro.mermaid = false;
  ro.front_matter = true;
  check_output("routemap --front-matter", render_routemap(p, data, ro), Kind::markdown);
  ro.format = PageFormat::html;
  ro.standalone = true;
  check_output("routemap -f html --standalone", render_routemap(p, data, ro), Kind::page);
  ro.front_matter = false;
  ro.standalone = false;
  ro.format = PageFormat::svg;
  check_output("routemap -f svg", render_routemap(p, data, ro), Kind::page);
  ro.format = PageFormat::jsonld;
  check_output("routemap -f jsonld", render_routemap(p, data, ro), Kind::json);

  std::vector<CoverageReport> coverage{build_coverage_report(p, data)};
  check_output("coverage text", render_coverage_text(coverage), Kind::terminal);
  check_output("coverage markdown", render_coverage_markdown(coverage), Kind::markdown);
  check_output("coverage json", render_coverage_json(coverage), Kind::json);

  std::vector<npq::report::Compared> pair{&p, &p};
  check_output("compare text", render_compare(pair, data, TableFormat::text), Kind::terminal);
  check_output("compare markdown", render_compare(pair, data, TableFormat::markdown),
               Kind::markdown);
  check_output("compare json", render_compare(pair, data, TableFormat::json), Kind::json);

  // Each explanation walks the whole programme: explaining every one of hundreds of periods would
  // make large inputs quadratic in the harness itself, so the first 16 are enough.
  explain(p, "programme");
  std::set<std::string> kinds;
  for (std::size_t i = 0; i < p.route_map.periods.size(); ++i) {
    const auto &period = p.route_map.periods[i];
    if (i < 16) {
      explain(p, "period:" + period.id);
    }
    for (const auto &a : period.activities) {
      kinds.insert(a.kind);
    }
  }
  for (const auto &a : p.route_map.throughout) {
    kinds.insert(a.kind);
  }
  for (const auto &k : kinds) {
    explain(p, "kind:" + k);
  }
  for (std::size_t c = 1; c <= p.summary.categories.size() && c <= 8; ++c) {
    explain(p, "category:" + std::to_string(c));
  }
  explain(p, "period:no-such-period");
}

void report_all(const std::vector<const npq::model::Programme *> &programmes,
                const npq::ReferenceData &data) {
  using namespace npq::report;
  std::vector<HoursReport> hours;
  std::vector<CoverageReport> coverage;
  for (const auto *p : programmes) {
    hours.push_back(build_hours_report(*p));
    coverage.push_back(build_coverage_report(*p, data));
  }
  check_output("hours text (all)", render_hours_text(hours), Kind::terminal);
  check_output("hours markdown (all)", render_hours_markdown(hours), Kind::markdown);
  check_output("coverage markdown (all)", render_coverage_markdown(coverage), Kind::markdown);
  std::vector<npq::report::Compared> all(programmes.begin(), programmes.end());
  check_output("compare markdown (all)", render_compare(all, data, TableFormat::markdown),
               Kind::markdown);
  check_output("compare json (all)", render_compare(all, data, TableFormat::json), Kind::json);
}

/// NPQ_FUZZ_CLI=1 adds the CLI stage. It is off by default: the CLI reloads the bundled reference
/// data on every run, which halves the executions per second, and it adds little code.
bool cli_enabled() {
  static const bool on = [] {
    const char *v = std::getenv("NPQ_FUZZ_CLI");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return on;
}

/// The CLI front end on the same bytes, read from standard input: gather, print_findings,
/// deliver and read_stream.
void run_cli(const std::string &text) {
  std::istringstream in(text);
  std::ostringstream out;
  std::ostringstream err;
  int status = npq::cli::run(
      {"npq", "routemap", "--mermaid", "--color", "never", "--max-file-size", "0.0625", "-"}, in,
      out, err, npq::cli::Environment{});
  if (status != 0 && status != 1) {
    violation("npq routemap -", err.str(), 0,
              "exit status " + std::to_string(status) + " for input on standard input");
  }
  check_output("npq routemap - (stdout)", out.str(), Kind::markdown);
  check_output("npq routemap - (stderr)", err.str(), Kind::terminal);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)reference_data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size) {
  if (size > kMaxInputBytes) {
    size = kMaxInputBytes;
  }
  std::string text(reinterpret_cast<const char *>(bytes), size);
  const auto &data = reference_data();

  npq::SessionOptions options;
  options.max_file_bytes = kMaxInputBytes;
  auto result = npq::check_source(npq::SourceFile(NPQ_FUZZ_INPUT_NAME, text), data, options);
  std::uint32_t hash = 2166136261u; // FNV-1a: which inputs get the costly SARIF rendering
  for (char c : text) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  render_diagnostics(result, hash % 8 == 0 || std::getenv("NPQ_FUZZ_SARIF") != nullptr);

  std::vector<const npq::model::Programme *> programmes;
  if (result.parsed) {
    for (const auto &doc : result.parsed->documents) {
      if (const auto *p = std::get_if<npq::model::Programme>(&doc.model)) {
        programmes.push_back(p);
        report_programme(*p, data, result.diagnostics);
      } else if (const auto *s = std::get_if<npq::model::Suite>(&doc.model)) {
        check_output("export (suite)", npq::report::export_json(*s, data, result.diagnostics),
                     Kind::json);
        npq::report::RouteMapOptions ro;
        check_output("routemap (suite)", npq::report::render_routemap(*s, data, ro),
                     Kind::markdown);
        ro.mermaid = true;
        check_output("routemap --mermaid (suite)", npq::report::render_routemap(*s, data, ro),
                     Kind::markdown);
      }
    }
  }
  if (programmes.size() > 1) {
    report_all(programmes, data);
    for (std::size_t i = 1; i < programmes.size() && i < 4; ++i) {
      diff(*programmes.front(), *programmes[i], data);
      diff(*programmes[i], *programmes.front(), data);
    }
  }
  if (cli_enabled()) {
    run_cli(text);
  }
  if (g_violations > 0) {
    std::fprintf(stderr,
                 "\n==npq-fuzz== %d oracle violation%s: aborting so libFuzzer keeps the input\n",
                 g_violations, g_violations == 1 ? "" : "s");
    std::fflush(stderr);
    std::abort();
  }
  return 0;
}
