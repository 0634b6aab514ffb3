// Reconciliation: every figure the provider publishes about its programme (category totals,
// 'each term' figures, session counts and lengths, the programme total) is checked against what
// the route map adds up to. A mismatch is reported at the published figure, with a note for
// every activity that contributed.
#include "npq/analysis/totals.hpp"
#include "npq/checks/check.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace npq::checks {

namespace {

using analysis::Interval;
using analysis::Selector;
using analysis::Total;
using analysis::Totals;

constexpr std::size_t kMaxNotes = 12;

Selector selector_of(const model::Category& c) {
  Selector s;
  for (const auto& k : c.kinds) {
    s.kinds.insert(k.value);
  }
  for (const auto& a : c.activities) {
    s.ids.insert(a.value);
  }
  return s;
}

std::string what(const model::Category& c) { return fmt::format("'{}'", c.label); }

std::string hours_text(const Interval& i) {
  std::string s = i.str();
  bool one = s == "1" || (s.size() > 2 && s.compare(s.size() - 2, 2, " 1") == 0);
  return s == "not published" ? s : s + (one ? " hour" : " hours");
}

// Adds one note per contributing activity (capped), in route-map order, without repeats (aliases
// make several activities share a line).
void add_part_notes(Diagnostic& d, const Total& total, const model::Programme& p) {
  std::set<std::pair<int, std::string>> seen;
  std::size_t shown = 0;
  for (const auto& part : total.parts) {
    std::string message = analysis::describe(part, p);
    if (!seen.insert({part.activity->hours.loc.line, message}).second) {
      continue;
    }
    if (shown++ == kMaxNotes) {
      d.notes.push_back({at(p.doc, p.route_map.loc),
                         fmt::format("... and {} more", total.parts.size() - kMaxNotes)});
      break;
    }
    d.notes.push_back({at(p.doc, part.activity->hours.loc), message});
  }
  for (const auto& c : total.choices) {
    d.notes.push_back({at(p.doc, p.route_map.loc), c});
  }
}

class HoursCheck {
public:
  HoursCheck(const model::Programme& p, const Context& ctx) : m_p(p), m_ctx(ctx), m_totals(p) {}

  void run() {
    const auto& s = m_p.summary;
    if (!s.present) {
      incomplete_note();
      return;
    }
    if (!m_p.route_map.present) {
      no_route_map();
      return;
    }
    resolve_scope();
    for (const auto& c : s.categories) {
      category(c);
    }
    programme_total();
    period_count();
    unaccounted();
    incomplete_note();
  }

private:
  std::vector<int> indices(const std::vector<model::Ref>& ids) const {
    std::vector<int> out;
    for (const auto& r : ids) {
      int i = m_totals.period_index(r.value);
      if (i >= 0) {
        out.push_back(i);
      }
    }
    return out;
  }

  void resolve_scope() {
    m_scope = indices(m_p.summary.periods);
    if (m_p.summary.periods.empty()) {
      for (std::size_t i = 0; i < m_p.route_map.periods.size(); ++i) {
        m_scope.push_back(static_cast<int>(i));
      }
    }
  }

  Diagnostic& report(Code code, const model::Loc& loc, std::string message, std::string hint = {}) {
    return m_ctx.out.add(code, at(m_p.doc, loc), std::move(message), std::move(hint));
  }

  void no_route_map() {
    for (const auto& c : m_p.summary.categories) {
      report(Code::declared_without_activities, c.loc,
             fmt::format("{} is published, but the programme has no route map to account for it",
                         what(c)),
             "add the route map the source publishes; if it publishes none, this figure cannot be "
             "checked");
    }
    if (m_p.summary.total_hours) {
      report(Code::declared_without_activities, m_p.summary.total_hours->loc,
             "a programme total is published, but the programme has no route map");
    }
  }

  std::string period_title(int i) const {
    return m_p.route_map.periods[static_cast<std::size_t>(i)].title;
  }

  void category(const model::Category& c) {
    Selector sel = selector_of(c);
    std::vector<int> restriction = indices(c.periods);
    bool restricted = !c.periods.empty();
    // What the figure counts: matching activities in its periods (or anywhere).
    Total total = restricted ? m_totals.periods(restriction, sel) : m_totals.programme(sel);
    bool anything = false;
    for (const auto* a : m_totals.activities()) {
      if (sel.matches(*a) &&
          (!restricted || a->period < 0 ||
           std::find(restriction.begin(), restriction.end(), a->period) != restriction.end())) {
        anything = true;
      }
    }
    std::vector<int> scope = restricted ? restriction : m_scope;
    internal_consistency(c, scope);
    if (!anything) {
      std::string kinds;
      for (const auto& k : c.kinds) {
        kinds += (kinds.empty() ? "" : ", ") + k.value;
      }
      report(Code::declared_without_activities, c.loc,
             fmt::format("{} is published, but the route map has no activity it counts", what(c)),
             kinds.empty() ? "add the activities to the route map, or check the category's ids"
                           : fmt::format("no activity of kind {} in the route map", kinds));
      return;
    }
    for (const auto* a : m_totals.activities()) {
      if (sel.matches(*a)) {
        m_accounted[a].push_back(&c);
      }
    }
    if (c.total_hours) {
      Interval declared = Interval::from(*c.total_hours);
      if (!declared.compatible(total.hours)) {
        auto& d = report(Code::hours_mismatch, c.total_hours->loc,
                         fmt::format("{}: the published total is {}, but the route map adds up "
                                     "to {}",
                                     what(c), hours_text(declared), hours_text(total.hours)));
        add_part_notes(d, total, m_p);
      }
    }
    if (c.hours_per_period) {
      per_period(c, sel, scope);
    }
    if (c.count) {
      if (*c.count != total.count) {
        auto& d = report(Code::count_mismatch, c.count_loc,
                         fmt::format("{}: the published count is {}, but the route map has {}",
                                     what(c), *c.count, total.count));
        add_part_notes(d, total, m_p);
      }
    }
    if (c.count_per_period) {
      std::vector<std::pair<int, int>> wrong;
      for (int i : scope) {
        int n = m_totals.period(i, sel).count;
        if (n != *c.count_per_period) {
          wrong.emplace_back(i, n);
        }
      }
      if (!wrong.empty()) {
        auto& d = report(Code::count_mismatch, c.count_per_period_loc,
                         fmt::format("{}: the published count is {} in each period, but {} of {} "
                                     "periods differ",
                                     what(c), *c.count_per_period, wrong.size(), scope.size()));
        for (auto [i, n] : wrong) {
          d.notes.push_back({at(m_p.doc, m_p.route_map.periods[static_cast<std::size_t>(i)].loc),
                             fmt::format("{}: {}", period_title(i), n)});
        }
      }
    }
    if (c.hours_each) {
      Interval each = Interval::from(*c.hours_each);
      for (const auto& part : total.parts) {
        Interval one = Interval::from(part.activity->hours);
        if (!part.share && !each.compatible(one)) {
          auto& d = report(Code::hours_mismatch, c.hours_each->loc,
                           fmt::format("{}: each is published as {}, but '{}' is {}", what(c),
                                       hours_text(each), part.activity->title, hours_text(one)));
          d.notes.push_back({at(m_p.doc, part.activity->hours.loc), analysis::describe(part, m_p)});
        }
      }
    }
    if (c.days) {
      days(c, total);
    }
  }

  void per_period(const model::Category& c, const Selector& sel, const std::vector<int>& scope) {
    Interval declared = Interval::from(*c.hours_per_period);
    std::vector<std::pair<int, Total>> wrong;
    for (int i : scope) {
      Total t = m_totals.period(i, sel);
      if (!declared.compatible(t.hours)) {
        wrong.emplace_back(i, std::move(t));
      }
    }
    if (wrong.empty()) {
      return;
    }
    auto& d = report(Code::hours_mismatch, c.hours_per_period->loc,
                     fmt::format("{}: {} is published for each period, but {} of {} periods "
                                 "differ",
                                 what(c), hours_text(declared), wrong.size(), scope.size()));
    for (const auto& [i, t] : wrong) {
      std::string parts;
      for (const auto& part : t.parts) {
        parts += fmt::format("{}{} {}", parts.empty() ? "" : " + ", part.activity->title,
                             part.share ? "(share " + part.hours.str() + ")" : part.hours.str());
      }
      d.notes.push_back({at(m_p.doc, m_p.route_map.periods[static_cast<std::size_t>(i)].loc),
                         fmt::format("{}: {}{}", period_title(i), hours_text(t.hours),
                                     parts.empty() ? " (nothing)" : " = " + parts)});
    }
  }

  void internal_consistency(const model::Category& c, const std::vector<int>& scope) {
    if (c.hours_per_period && c.total_hours && !scope.empty()) {
      Interval implied = Interval::from(*c.hours_per_period).times(static_cast<double>(scope.size()));
      Interval declared = Interval::from(*c.total_hours);
      if (!implied.compatible(declared)) {
        auto& d = report(Code::declared_figures_disagree, c.total_hours->loc,
                         fmt::format("{}: {} for each of {} periods makes {}, but the published "
                                     "total is {}",
                                     what(c), hours_text(Interval::from(*c.hours_per_period)),
                                     scope.size(), hours_text(implied), hours_text(declared)));
        d.notes.push_back({at(m_p.doc, c.hours_per_period->loc), "the figure for each period"});
      }
    }
    if (c.count && c.hours_each && c.total_hours) {
      Interval implied = Interval::from(*c.hours_each).times(*c.count);
      Interval declared = Interval::from(*c.total_hours);
      if (!implied.compatible(declared)) {
        report(Code::declared_figures_disagree, c.total_hours->loc,
               fmt::format("{}: {} sessions of {} make {}, but the published total is {}", what(c),
                           *c.count, hours_text(Interval::from(*c.hours_each)),
                           hours_text(implied), hours_text(declared)));
      }
    }
  }

  void days(const model::Category& c, const Total& total) {
    if (!m_p.summary.hours_per_day) {
      report(Code::days_not_reconciled, c.days_loc,
             fmt::format("{}: {} days cannot be compared with the route map's {} without the "
                         "number of hours in a day",
                         what(c), analysis::number(*c.days), hours_text(total.hours)),
             "give summary.hours-per-day if the source states it");
      return;
    }
    Interval declared = Interval::exact(*c.days * *m_p.summary.hours_per_day);
    if (!declared.compatible(total.hours)) {
      auto& d = report(Code::hours_mismatch, c.days_loc,
                       fmt::format("{}: {} days of {} hours make {}, but the route map adds up "
                                   "to {}",
                                   what(c), analysis::number(*c.days),
                                   analysis::number(*m_p.summary.hours_per_day),
                                   hours_text(declared), hours_text(total.hours)));
      add_part_notes(d, total, m_p);
    }
  }

  void programme_total() {
    const auto& s = m_p.summary;
    if (!s.total_hours) {
      return;
    }
    Interval declared = Interval::from(*s.total_hours);
    Total total = m_totals.programme(Selector::all());
    if (!declared.compatible(total.hours)) {
      auto& d = report(Code::hours_mismatch, s.total_hours->loc,
                       fmt::format("the published programme total is {}, but the route map adds "
                                   "up to {}",
                                   hours_text(declared), hours_text(total.hours)));
      add_part_notes(d, total, m_p);
    }
    // The categories' own totals against the published programme total.
    Interval sum;
    bool all_have_totals = !s.categories.empty();
    for (const auto& c : s.categories) {
      if (!c.total_hours) {
        all_have_totals = false;
        break;
      }
      sum += Interval::from(*c.total_hours);
    }
    if (all_have_totals && !declared.compatible(sum)) {
      auto& d = report(Code::declared_figures_disagree, s.total_hours->loc,
                       fmt::format("the published categories add up to {}, but the published "
                                   "programme total is {}",
                                   hours_text(sum), hours_text(declared)));
      for (const auto& c : s.categories) {
        d.notes.push_back({at(m_p.doc, c.total_hours->loc),
                           fmt::format("{}: {}", what(c), hours_text(Interval::from(*c.total_hours)))});
      }
    }
  }

  void period_count() {
    const auto& s = m_p.summary;
    if (s.period_count && static_cast<std::size_t>(*s.period_count) != m_p.route_map.periods.size()) {
      report(Code::count_mismatch, s.period_count_loc,
             fmt::format("the published number of periods is {}, but the route map has {}",
                         *s.period_count, m_p.route_map.periods.size()));
    }
  }

  void unaccounted() {
    if (m_p.summary.categories.empty()) {
      return;
    }
    // One finding per distinct activity (kind and title), listing where it occurs.
    std::map<std::pair<std::string, std::string>, std::vector<const model::Activity*>> missing;
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto* a : m_totals.activities()) {
      auto it = m_accounted.find(a);
      if (it == m_accounted.end()) {
        auto key = std::make_pair(a->kind, a->title);
        if (missing[key].empty()) {
          order.push_back(key);
        }
        missing[key].push_back(a);
      } else if (it->second.size() > 1) {
        auto& d = report(Code::counted_twice, a->loc,
                         fmt::format("'{}' is counted by {} published categories", a->title,
                                     it->second.size()));
        for (const auto* c : it->second) {
          d.notes.push_back({at(m_p.doc, c->loc), fmt::format("counted by {}", what(*c))});
        }
      }
    }
    for (const auto& key : order) {
      const auto& list = missing[key];
      auto& d = report(Code::unaccounted_activity, list.front()->loc,
                       fmt::format("'{}' ({}) is in the route map, but no published category "
                                   "accounts for it",
                                   key.second, key.first));
      for (std::size_t i = 1; i < list.size(); ++i) {
        d.notes.push_back({at(m_p.doc, list[i]->loc), "also here"});
      }
    }
  }

  void incomplete_note() {
    if (!m_p.route_map.present) {
      return;
    }
    Total total = m_totals.programme(Selector::all());
    if (total.hours.unpublished == 0) {
      return;
    }
    Total unpublished;
    for (const auto& part : total.parts) {
      if (part.hours.unpublished > 0) {
        unpublished.parts.push_back(part);
      }
    }
    auto& d = report(Code::hours_incomplete, m_p.route_map.loc,
                     fmt::format("{} the hours of {} activit{}, so the programme total is {}",
                                 "the source does not publish", total.hours.unpublished,
                                 total.hours.unpublished == 1 ? "y" : "ies",
                                 hours_text(total.hours)));
    add_part_notes(d, unpublished, m_p);
  }

  const model::Programme& m_p;
  const Context& m_ctx;
  Totals m_totals;
  std::vector<int> m_scope;
  std::map<const model::Activity*, std::vector<const model::Category*>> m_accounted;
};

} // namespace

void check_hours(const model::Programme& programme, const Context& ctx) {
  HoursCheck(programme, ctx).run();
}

} // namespace npq::checks
