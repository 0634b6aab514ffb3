// Markdown that cannot break and stays readable: user text is escaped so that, whatever it holds
// ('|', backticks, '<script>', links, newlines, control characters), it renders as the same literal
// text under the four renderers site generators use: cmark-gfm (GitHub), markdown-it (VitePress),
// Python-Markdown with tables (MkDocs) and kramdown's GFM parser (Jekyll). Only what would become
// markup in some renderer is escaped, so ordinary prose ("cross-school (NPQSL), £1,055") is written
// as it is. tests/markdown renders every generated page with all four.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace npq::markup {

/// Text as a reader should see it: runs of white space (line breaks included) become one space and
/// the ends are trimmed, control and bidirectional characters are dropped, invalid UTF-8 becomes
/// U+FFFD, and text longer than `max_length` code points is cut with an ellipsis. Every escaper
/// (md, html) starts from this.
std::string clean_text(std::string_view text, std::size_t max_length = 500);

/// Escapes cleaned text for a Markdown heading, paragraph, list item or table cell (the rules,
/// and the renderer behind each, are in tests/markdown/README.md):
///  - anywhere: '`', '*', '_', '[', '|' and a '\' before punctuation get a backslash (every
///    renderer honours these); '<' becomes &lt;, '&' before an entity-like word &amp;, '~' &#126;
///    (Python-Markdown and kramdown keep a backslash before '~'), the second '$' of "$$" &#36;
///    (kramdown maths) and the '{' of "{:" &#123; (kramdown attributes); "www." and "://" are
///    broken with "\." and &#58; and a word joiner follows '@' (cmark-gfm autolinks);
///  - at the start: '#', '>', "- ", "--", "+ " and the '.' or ')' of "1. " get a backslash, ':' and
///    '^' become entities (kramdown definition lists and end-of-block markers); a closing '#'
///    at the end gets a backslash (headings drop a closing run of '#').
std::string md(std::string_view text, std::size_t max_length = 500);

/// A GFM table. Cells are escaped here, so pass raw text.
struct MarkdownTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_aligned; ///< per column; missing means left
  /// Cells that are already Markdown (e.g. produced by md() with emphasis around it).
  bool cells_are_markdown = false;

  std::string str() const;
};

/// Number of code points, the width used to align plain-text tables.
std::size_t display_width(std::string_view text);

/// An aligned plain-text table for terminals and CI logs.
struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_aligned;
  std::string str() const;
};

/// One CSV field (RFC 4180), with formula-looking values ('=', '+', '-', '@' at the start)
/// prefixed by a quote so spreadsheets do not execute them.
std::string csv_field(std::string_view text);
std::string csv_row(const std::vector<std::string> &fields);

} // namespace npq::markup
