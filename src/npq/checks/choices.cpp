// Choice rules ("choose 2 of 7"): satisfiable, not overlapping, and every valid selection within
// the published programme total.
#include "npq/analysis/totals.hpp"
#include "npq/checks/check.hpp"

#include <fmt/format.h>
#include <set>

namespace npq::checks {

namespace {

std::string names(const model::Programme &p, const std::vector<int> &indices) {
  std::string out;
  for (int i : indices) {
    out += (out.empty() ? "" : ", ") + p.route_map.periods[static_cast<std::size_t>(i)].title;
  }
  return out;
}

} // namespace

void check_choices(const model::Programme &p, const Context &ctx) {
  const auto &rm = p.route_map;
  if (rm.choices.empty()) {
    return;
  }
  std::set<std::string> offered;
  for (const auto &c : rm.choices) {
    std::set<std::string> distinct;
    for (const auto &ref : c.from) {
      if (!distinct.insert(ref.value).second || !offered.insert(ref.value).second) {
        ctx.out.add(
            Code::choice_overlap, at(p.doc, ref.loc),
            fmt::format("period '{}' is offered more than once by the choice rules", ref.value),
            "list each elective once, in one rule");
      }
    }
    if (static_cast<std::size_t>(c.choose) > distinct.size()) {
      ctx.out.add(Code::choice_infeasible, at(p.doc, c.choose_loc),
                  fmt::format("choice '{}' asks for {} of {} period{}: it cannot be satisfied",
                              c.id, c.choose, distinct.size(), distinct.size() == 1 ? "" : "s"),
                  "offer more periods, or choose fewer");
    }
  }
  if (!p.summary.total_hours) {
    return;
  }
  analysis::Totals totals(p);
  analysis::Interval declared = analysis::Interval::from(*p.summary.total_hours);
  auto lightest = totals.lightest(analysis::Selector::all());
  auto heaviest = totals.heaviest(analysis::Selector::all());
  auto report = [&](const analysis::Selection &s, bool below) {
    auto &d = ctx.out.add(
        Code::selection_breaks_limit, at(p.doc, p.summary.total_hours->loc),
        fmt::format("choosing {} gives {} hours, {} the published programme total of {}",
                    names(p, s.periods), s.hours.str(), below ? "below" : "above", declared.str()),
        "every allowed choice of electives must meet the published total");
    for (int i : s.periods) {
      d.notes.push_back({at(p.doc, rm.periods[static_cast<std::size_t>(i)].loc),
                         fmt::format("chosen: {}", rm.periods[static_cast<std::size_t>(i)].title)});
    }
  };
  // A selection breaks the minimum if even its upper bound is below it, the maximum if even its
  // lower bound is above it.
  if (lightest && lightest->hours.high < declared.low - 1e-9) {
    report(*lightest, true);
  }
  if (heaviest && std::isfinite(declared.high) && heaviest->hours.low > declared.high + 1e-9) {
    report(*heaviest, false);
  }
}

} // namespace npq::checks
