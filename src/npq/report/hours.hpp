// The hours report: hours per period and activity kind, per delivery mode, and the provider's
// published figures beside what the route map adds up to. Built once, rendered as text, GFM
// Markdown, CSV or JSON.
#pragma once

#include "npq/analysis/interval.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <vector>

namespace npq::report {

struct HoursReport {
  std::string file;
  std::string title;
  std::string qualification;
  std::string provider;

  struct Row {
    std::string id;
    std::string label;
    bool elective = false;
    std::vector<analysis::Interval> by_kind; ///< parallel to `kinds`
    analysis::Interval total;
  };
  std::vector<std::string> kinds; ///< activity kinds present, in vocabulary order
  std::vector<Row> rows;          ///< each period, then "Throughout" if any
  Row programme;                  ///< the whole programme (electives as min..max)
  std::vector<std::string> choices;

  struct Share {
    std::string dimension; ///< synchrony, facilitation or mode
    std::string value;     ///< e.g. "online", or "not stated"
    analysis::Interval hours;
  };
  std::vector<Share> delivery;

  struct Figure {
    std::string label;  ///< the provider's wording
    std::string figure; ///< "total", "each period", "count", ...
    std::string period; ///< for per-period figures
    std::string published;
    std::string route_map;
    bool agrees = true;
    int line = 0; ///< where the published figure is written
  };
  std::vector<Figure> published;
  bool reconciled = true; ///< every published figure agrees with the route map
  bool has_route_map = false;
};

HoursReport build_hours_report(const model::Programme &programme);

std::string render_hours_text(const std::vector<HoursReport> &reports);
std::string render_hours_markdown(const std::vector<HoursReport> &reports);
std::string render_hours_csv(const std::vector<HoursReport> &reports);
std::string render_hours_json(const std::vector<HoursReport> &reports);

} // namespace npq::report
