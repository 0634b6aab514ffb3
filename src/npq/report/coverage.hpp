// The coverage matrix: framework areas against the programme's periods (courses, modules), its
// activities that run throughout and its published topics, with uncovered areas called out.
#pragma once

#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <vector>

namespace npq::report {

struct CoverageReport {
  std::string file;
  std::string title;
  std::string framework_id;
  std::string framework_title;
  bool provisional = false;
  std::vector<std::string> columns; ///< period titles, then "Throughout", "Topics" where used
  struct Row {
    std::string area_id;
    std::string area_title;
    int number = 0;
    std::vector<std::string> cells; ///< "yes", "all" (blanket claim only) or ""
    std::string status;             ///< "covered", "blanket claim only" or "not covered"
  };
  std::vector<Row> rows;
  std::string problem; ///< why there is no matrix (no framework, unknown framework, no areas)
};

CoverageReport build_coverage_report(const model::Programme &programme, const ReferenceData &data);

/// Text for a terminal `width` columns wide (0: no limit).
std::string render_coverage_text(const std::vector<CoverageReport> &reports, std::size_t width = 0);
std::string render_coverage_markdown(const std::vector<CoverageReport> &reports);
std::string render_coverage_json(const std::vector<CoverageReport> &reports);

} // namespace npq::report
