// Markdown that cannot break: user text is escaped so that, whatever it holds ('|', backticks,
// '<script>', links, newlines, control characters), it renders as literal text in GitHub-Flavored
// Markdown. Tests render the output with cmark-gfm and check every table cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace npq::markup {

/// Escapes text for a Markdown paragraph or table cell: every ASCII punctuation character gets a
/// backslash, line breaks become spaces, control and bidirectional characters are dropped, invalid
/// UTF-8 becomes U+FFFD, and text longer than `max_length` code points is cut with an ellipsis.
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
