// A suite in a report: its members, one row each, with the programme file each links and what
// the report has for it (its hours, its coverage). Reports cover a suite through its members'
// programmes; this table says which members those are, and which have none.
#pragma once

#include <string>
#include <vector>

namespace npq::report {

struct SuiteTable {
  std::string file;
  std::string title;
  std::string provider;
  std::string value_heading; ///< "Hours", "Areas named", ...
  struct Row {
    std::string group;
    std::string qualification;
    std::string title;
    std::string programme; ///< the linked file, or "" when the member links none
    std::string value;     ///< what the report has for it, or "" when nothing
  };
  std::vector<Row> rows;
};

/// Text for a terminal `width` columns wide (0: no limit).
std::string render_suite_text(const SuiteTable &table, std::size_t width);
std::string render_suite_markdown(const SuiteTable &table);
/// Every table, as Markdown or as text fitted to `width`.
std::string render_suites(const std::vector<SuiteTable> &tables, bool markdown, std::size_t width);

} // namespace npq::report
