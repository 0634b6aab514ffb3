// The hours report: hours per period and activity kind, per delivery mode, and the provider's
// published figures beside what the route map adds up to. Built once, rendered as text, GFM
// Markdown, CSV or JSON.
#pragma once

#include "npq/analysis/figures.hpp"
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

  /// One published figure (one row per period of a per-period figure), with its verdict.
  struct Figure {
    std::string label;     ///< the provider's wording
    std::string figure;    ///< "total", "each period", "count", ...
    std::string period;    ///< for per-period figures; the activity for 'each' figures
    std::string published; ///< as published
    std::string route_map; ///< what the route map alone adds up to
    std::string verdict;   ///< confirmed, contradicted, open or unverifiable
    std::string condition; ///< what would make an open figure true; why, for the others
    std::string inferred;  ///< the encoder's reason, when the figure was inferred, not read
    int line = 0;          ///< where the published figure is written
  };
  std::vector<Figure> published;
  std::size_t contradicted = 0; ///< figures (not rows) contradicted
  std::size_t open = 0;         ///< figures open
  /// Sets of figures that cannot all be true together, each as one sentence.
  std::vector<std::string> conflicts;
  /// The programme total with every consistent published figure taken into account, when it
  /// differs from the route map's own sum (unpublished hours a category carries, ceilings).
  std::string programme_with_figures;
  bool has_route_map = false;
};

HoursReport build_hours_report(const model::Programme &programme,
                               const analysis::FigureOptions &options = {});

/// Text for a terminal `width` columns wide (0: no limit).
std::string render_hours_text(const std::vector<HoursReport> &reports, std::size_t width = 0);
std::string render_hours_markdown(const std::vector<HoursReport> &reports);
std::string render_hours_csv(const std::vector<HoursReport> &reports);
std::string render_hours_json(const std::vector<HoursReport> &reports);

} // namespace npq::report
