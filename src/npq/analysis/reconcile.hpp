// Every figure the provider publishes, set against what the route map adds up to. The hours
// check reports the comparisons that disagree; the hours report shows them all, side by side.
#pragma once

#include "npq/analysis/totals.hpp"

#include <vector>

namespace npq::analysis {

struct Comparison {
  enum class Figure {
    total,            ///< a category's published total hours
    per_period,       ///< a category's hours in one period ("2 hours each term")
    count,            ///< a category's number of occurrences
    count_per_period, ///< occurrences in one period
    each,             ///< the published length of each occurrence, for one activity
    days,             ///< a figure in days, converted with summary.hours-per-day
    programme_total,  ///< the summary's programme total
    period_count,     ///< the summary's number of periods
  };
  Figure figure = Figure::total;
  const model::Category *category = nullptr; ///< null for programme-wide figures
  int period = -1;                           ///< for per-period figures
  const model::Activity *activity = nullptr; ///< for 'each'
  Interval published;
  Interval computed;
  bool agrees = true;
  model::Loc loc; ///< where the published figure is written
  /// What the route map figure is made of: its first kDetailParts contributions (the rest are
  /// counted in `omitted`). Every category against every activity would otherwise keep
  /// categories × activities contributions.
  Total detail;
};

constexpr std::size_t kDetailParts = 32;

struct Reconciliation {
  std::vector<Comparison> comparisons;
  /// Categories that count no activity at all in the route map.
  std::vector<const model::Category *> empty_categories;
  /// Periods each per-period figure ranges over, by category (summary.periods by default).
  std::vector<int> scope;
};

/// Compares every published figure of the summary with the route map. Requires a route map.
Reconciliation reconcile(const model::Programme &programme, const Totals &totals);

/// The activities a category counts, for a category restricted to periods or not.
Selector selector_of(const model::Category &category);

/// Short label of a figure kind: "total", "each period", "count", ...
const char *to_string(Comparison::Figure figure);

} // namespace npq::analysis
