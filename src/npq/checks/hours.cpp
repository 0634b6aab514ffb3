// Reconciliation: every figure the provider publishes about its programme (category totals,
// 'each term' figures, session counts and lengths, the programme total) is checked against what
// the route map adds up to. A mismatch is reported at the published figure, with a note for
// every activity that contributed.
#include "npq/analysis/reconcile.hpp"
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

std::string what(const model::Category &c) {
  return fmt::format("'{}'", c.label);
}

std::string hours_text(const Interval &i) {
  std::string s = i.str();
  bool one = s == "1" || (s.size() > 2 && s.compare(s.size() - 2, 2, " 1") == 0);
  return s == "not published" ? s : s + (one ? " hour" : " hours");
}

// Adds one note per contributing activity (capped), in route-map order, without repeats (aliases
// make several activities share a line).
void add_part_notes(Diagnostic &d, const Total &total, const model::Programme &p) {
  std::set<std::pair<int, std::string>> seen;
  std::size_t shown = 0;
  for (const auto &part : total.parts) {
    std::string message = analysis::describe(part, p);
    if (!seen.insert({part.activity->hours.loc.line, message}).second) {
      continue;
    }
    if (shown++ == kMaxNotes) {
      d.notes.push_back(
          {at(p.doc, p.route_map.loc),
           fmt::format("... and {} more", total.parts.size() + total.omitted - kMaxNotes)});
      break;
    }
    d.notes.push_back({at(p.doc, part.activity->hours.loc), message});
  }
  for (const auto &c : total.choices) {
    d.notes.push_back({at(p.doc, p.route_map.loc), c});
  }
}

class HoursCheck {
public:
  HoursCheck(const model::Programme &p, const Context &ctx) : m_p(p), m_ctx(ctx), m_totals(p) {}

  void run() {
    const auto &s = m_p.summary;
    if (!s.present) {
      incomplete_note();
      return;
    }
    if (!m_p.route_map.present) {
      no_route_map();
      return;
    }
    auto rec = analysis::reconcile(m_p, m_totals);
    report_comparisons(rec);
    for (const auto &c : s.categories) {
      bool empty = std::find(rec.empty_categories.begin(), rec.empty_categories.end(), &c) !=
                   rec.empty_categories.end();
      std::vector<int> scope = c.periods.empty() ? rec.scope : periods_of(c);
      category_extras(c, scope, empty);
    }
    categories_vs_total();
    unaccounted();
    incomplete_note();
  }

private:
  std::vector<int> periods_of(const model::Category &c) const { return indices(c.periods); }

  // The categories' own totals against the published programme total.
  void categories_vs_total() {
    const auto &s = m_p.summary;
    if (!s.total_hours || s.categories.empty()) {
      return;
    }
    Interval declared = Interval::from(*s.total_hours);
    Interval sum;
    for (const auto &c : s.categories) {
      if (!c.total_hours) {
        return;
      }
      sum += Interval::from(*c.total_hours);
    }
    if (!declared.compatible(sum)) {
      auto &d = report(Code::declared_figures_disagree, s.total_hours->loc,
                       fmt::format("the published categories add up to {}, but the published "
                                   "programme total is {}",
                                   hours_text(sum), hours_text(declared)));
      for (const auto &c : s.categories) {
        d.notes.push_back(
            {at(m_p.doc, c.total_hours->loc),
             fmt::format("{}: {}", what(c), hours_text(Interval::from(*c.total_hours)))});
      }
    }
  }

  std::vector<int> indices(const std::vector<model::Ref> &ids) const {
    std::vector<int> out;
    for (const auto &r : ids) {
      int i = m_totals.period_index(r.value);
      if (i >= 0) {
        out.push_back(i);
      }
    }
    return out;
  }

  std::string period_title(int i) const {
    return m_p.route_map.periods[static_cast<std::size_t>(i)].title;
  }

  Diagnostic &report(Code code, const model::Loc &loc, std::string message, std::string hint = {}) {
    return m_ctx.out.add(code, at(m_p.doc, loc), std::move(message), std::move(hint));
  }

  void no_route_map() {
    for (const auto &c : m_p.summary.categories) {
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

  // Turns the reconciliation into findings: one per disagreeing figure, with per-period figures
  // of a category grouped into one finding that lists the periods.
  void report_comparisons(const analysis::Reconciliation &rec) {
    using Figure = analysis::Comparison::Figure;
    std::map<std::pair<const model::Category *, Figure>, std::vector<const analysis::Comparison *>>
        per_period;
    std::vector<std::pair<const model::Category *, Figure>> order;
    for (const auto &cmp : rec.comparisons) {
      if (cmp.agrees) {
        continue;
      }
      switch (cmp.figure) {
      case Figure::total: {
        auto &d = report(Code::hours_mismatch, cmp.loc,
                         fmt::format("{}: the published total is {}, but the route map adds up "
                                     "to {}",
                                     what(*cmp.category), hours_text(cmp.published),
                                     hours_text(cmp.computed)));
        add_part_notes(d, cmp.detail, m_p);
        break;
      }
      case Figure::per_period:
      case Figure::count_per_period: {
        auto key = std::make_pair(cmp.category, cmp.figure);
        if (per_period[key].empty()) {
          order.push_back(key);
        }
        per_period[key].push_back(&cmp);
        break;
      }
      case Figure::count: {
        auto &d = report(Code::count_mismatch, cmp.loc,
                         fmt::format("{}: the published count is {}, but the route map has {}",
                                     what(*cmp.category), cmp.published.str(), cmp.computed.str()));
        add_part_notes(d, cmp.detail, m_p);
        break;
      }
      case Figure::each: {
        auto &d = report(Code::hours_mismatch, cmp.loc,
                         fmt::format("{}: each is published as {}, but '{}' is {}",
                                     what(*cmp.category), hours_text(cmp.published),
                                     cmp.activity->title, hours_text(cmp.computed)));
        add_part_notes(d, cmp.detail, m_p);
        break;
      }
      case Figure::days: {
        auto &d = report(Code::hours_mismatch, cmp.loc,
                         fmt::format("{}: {} days of {} hours make {}, but the route map adds "
                                     "up to {}",
                                     what(*cmp.category), analysis::number(*cmp.category->days),
                                     analysis::number(*m_p.summary.hours_per_day),
                                     hours_text(cmp.published), hours_text(cmp.computed)));
        add_part_notes(d, cmp.detail, m_p);
        break;
      }
      case Figure::programme_total: {
        auto &d = report(Code::hours_mismatch, cmp.loc,
                         fmt::format("the published programme total is {}, but the route map "
                                     "adds up to {}",
                                     hours_text(cmp.published), hours_text(cmp.computed)));
        add_part_notes(d, cmp.detail, m_p);
        break;
      }
      case Figure::period_count:
        report(Code::count_mismatch, cmp.loc,
               fmt::format("the published number of periods is {}, but the route map has {}",
                           cmp.published.str(), cmp.computed.str()));
        break;
      }
    }
    for (const auto &key : order) {
      const auto &list = per_period[key];
      const auto *first = list.front();
      bool hours = key.second == Figure::per_period;
      std::size_t scope =
          first->category->periods.empty() ? rec.scope.size() : first->category->periods.size();
      auto &d = report(hours ? Code::hours_mismatch : Code::count_mismatch, first->loc,
                       fmt::format("{}: {} is published for each period, but {} of {} periods "
                                   "differ",
                                   what(*first->category),
                                   hours ? hours_text(first->published) : first->published.str(),
                                   list.size(), scope));
      for (const auto *cmp : list) {
        std::string parts;
        for (const auto &part : cmp->detail.parts) {
          parts += fmt::format("{}{} {}", parts.empty() ? "" : " + ", part.activity->title,
                               part.share ? "(share " + part.hours.str() + ")" : part.hours.str());
        }
        if (cmp->detail.omitted > 0) {
          parts += fmt::format(" + {} more", cmp->detail.omitted);
        }
        std::string value = hours ? hours_text(cmp->computed) : cmp->computed.str();
        d.notes.push_back(
            {at(m_p.doc, m_p.route_map.periods[static_cast<std::size_t>(cmp->period)].loc),
             fmt::format("{}: {}{}", period_title(cmp->period), value,
                         parts.empty() || !hours ? (parts.empty() ? " (nothing)" : "")
                                                 : " = " + parts)});
      }
    }
  }

  void category_extras(const model::Category &c, const std::vector<int> &scope, bool empty) {
    internal_consistency(c, scope);
    if (empty) {
      std::string kinds;
      for (const auto &k : c.kinds) {
        kinds += (kinds.empty() ? "" : ", ") + k.value;
      }
      report(Code::declared_without_activities, c.loc,
             fmt::format("{} is published, but the route map has no activity it counts", what(c)),
             kinds.empty() ? "add the activities to the route map, or check the category's ids"
                           : fmt::format("no activity of kind {} in the route map", kinds));
      return;
    }
    Selector sel = analysis::selector_of(c);
    std::vector<bool> in_restriction(m_p.route_map.periods.size(), false);
    for (int i : periods_of(c)) {
      in_restriction[static_cast<std::size_t>(i)] = true;
    }
    for (const auto *a : m_totals.activities()) {
      bool in_scope = c.periods.empty() ||
                      (a->period >= 0 && in_restriction[static_cast<std::size_t>(a->period)]);
      if (sel.matches(*a) && in_scope) {
        auto &by = m_accounted[a];
        if (by.count++ < kMaxNotes) {
          by.first.push_back(&c);
        }
      }
    }
    if (c.days && !m_p.summary.hours_per_day) {
      Total total = m_totals.programme(sel);
      report(Code::days_not_reconciled, c.days_loc,
             fmt::format("{}: {} days cannot be compared with the route map's {} without the "
                         "number of hours in a day",
                         what(c), analysis::number(*c.days), hours_text(total.hours)),
             "give summary.hours-per-day if the source states it");
    }
  }

  void internal_consistency(const model::Category &c, const std::vector<int> &scope) {
    if (c.hours_per_period && c.total_hours && !scope.empty()) {
      Interval implied =
          Interval::from(*c.hours_per_period).times(static_cast<double>(scope.size()));
      Interval declared = Interval::from(*c.total_hours);
      if (!implied.compatible(declared)) {
        auto &d = report(Code::declared_figures_disagree, c.total_hours->loc,
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
                           *c.count, hours_text(Interval::from(*c.hours_each)), hours_text(implied),
                           hours_text(declared)));
      }
    }
  }

  void unaccounted() {
    if (m_p.summary.categories.empty()) {
      return;
    }
    // One finding per distinct activity (kind and title), listing where it occurs.
    std::map<std::pair<std::string, std::string>, std::vector<const model::Activity *>> missing;
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto *a : m_totals.activities()) {
      auto it = m_accounted.find(a);
      if (it == m_accounted.end()) {
        auto key = std::make_pair(a->kind, a->title);
        if (missing[key].empty()) {
          order.push_back(key);
        }
        missing[key].push_back(a);
      } else if (it->second.count > 1) {
        bool shown = m_ctx.out.accepting(Code::counted_twice); // past the cap, only counted
        const auto &by = it->second;
        auto &d =
            report(Code::counted_twice, a->loc,
                   fmt::format("'{}' is counted by {} published categories", a->title, by.count));
        for (std::size_t i = 0; shown && i < by.first.size(); ++i) {
          d.notes.push_back(
              {at(m_p.doc, by.first[i]->loc), fmt::format("counted by {}", what(*by.first[i]))});
        }
        if (shown && by.count > kMaxNotes) {
          d.notes.push_back({at(m_p.doc, a->loc),
                             fmt::format("... and {} more categories", by.count - kMaxNotes)});
        }
      }
    }
    for (const auto &key : order) {
      const auto &list = missing[key];
      auto &d = report(Code::unaccounted_activity, list.front()->loc,
                       fmt::format("'{}' ({}) is in the route map, but no published category "
                                   "accounts for it",
                                   key.second, key.first));
      for (std::size_t i = 1; i < list.size() && i <= kMaxNotes; ++i) {
        d.notes.push_back({at(m_p.doc, list[i]->loc), "also here"});
      }
      if (list.size() > kMaxNotes + 1) {
        d.notes.push_back({at(m_p.doc, list.front()->loc),
                           fmt::format("... and {} more places", list.size() - kMaxNotes - 1)});
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
    for (const auto &part : total.parts) {
      if (part.hours.unpublished > 0) {
        unpublished.parts.push_back(part);
      }
    }
    auto &d =
        report(Code::hours_incomplete, m_p.route_map.loc,
               fmt::format("{} the hours of {} activit{}, so the programme total is {}",
                           "the source does not publish", total.hours.unpublished,
                           total.hours.unpublished == 1 ? "y" : "ies", hours_text(total.hours)));
    add_part_notes(d, unpublished, m_p);
  }

  const model::Programme &m_p;
  const Context &m_ctx;
  Totals m_totals;
  /// Which categories count each activity: how many, and the first few for notes.
  struct Accounted {
    std::size_t count = 0;
    std::vector<const model::Category *> first;
  };
  std::map<const model::Activity *, Accounted> m_accounted;
};

} // namespace

void check_hours(const model::Programme &programme, const Context &ctx) {
  HoursCheck(programme, ctx).run();
}

} // namespace npq::checks
