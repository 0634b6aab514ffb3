#include "npq/analysis/reconcile.hpp"

#include <algorithm>
#include <map>

namespace npq::analysis {

namespace {

std::vector<int> indices(const Totals &totals, const std::vector<model::Ref> &ids) {
  std::vector<int> out;
  for (const auto &r : ids) {
    if (int i = totals.period_index(r.value); i >= 0) {
      out.push_back(i);
    }
  }
  return out;
}

bool counts_anything(const Totals &totals, const Selector &sel, const std::vector<int> &restriction,
                     bool restricted) {
  std::vector<bool> in_restriction(totals.programme_model().route_map.periods.size(), false);
  for (int i : restriction) {
    in_restriction[static_cast<std::size_t>(i)] = true;
  }
  for (const auto *a : totals.activities()) {
    if (sel.matches(*a) &&
        (!restricted || a->period < 0 || in_restriction[static_cast<std::size_t>(a->period)])) {
      return true;
    }
  }
  return false;
}

// The first contributions of a total, for notes; the rest are only counted.
Total capped(Total t) {
  if (t.parts.size() > kDetailParts) {
    t.omitted += t.parts.size() - kDetailParts;
    t.parts.resize(kDetailParts);
    t.parts.shrink_to_fit();
  }
  return t;
}

} // namespace

Selector selector_of(const model::Category &c) {
  Selector s;
  for (const auto &k : c.kinds) {
    s.kinds.insert(k.value);
  }
  for (const auto &a : c.activities) {
    s.ids.insert(a.value);
  }
  return s;
}

const char *to_string(Comparison::Figure figure) {
  switch (figure) {
  case Comparison::Figure::total:
    return "total";
  case Comparison::Figure::per_period:
    return "each period";
  case Comparison::Figure::count:
    return "count";
  case Comparison::Figure::count_per_period:
    return "count in each period";
  case Comparison::Figure::each:
    return "each session";
  case Comparison::Figure::days:
    return "days";
  case Comparison::Figure::programme_total:
    return "programme total";
  case Comparison::Figure::period_count:
    return "number of periods";
  }
  return "";
}

Reconciliation reconcile(const model::Programme &p, const Totals &totals) {
  Reconciliation r;
  using Figure = Comparison::Figure;
  const auto &s = p.summary;
  r.scope = indices(totals, s.periods);
  if (s.periods.empty()) {
    for (std::size_t i = 0; i < p.route_map.periods.size(); ++i) {
      r.scope.push_back(static_cast<int>(i));
    }
  }
  for (const auto &c : s.categories) {
    Selector sel = selector_of(c);
    std::vector<int> restriction = indices(totals, c.periods);
    bool restricted = !c.periods.empty();
    if (!counts_anything(totals, sel, restriction, restricted)) {
      r.empty_categories.push_back(&c);
      continue;
    }
    Total total = restricted ? totals.periods(restriction, sel) : totals.programme(sel);
    const std::vector<int> &scope = restricted ? restriction : r.scope;
    if (c.total_hours) {
      Comparison cmp{Figure::total, &c};
      cmp.published = Interval::from(*c.total_hours);
      cmp.computed = total.hours;
      cmp.agrees = cmp.published.compatible(cmp.computed);
      cmp.loc = c.total_hours->loc;
      cmp.detail = capped(total);
      r.comparisons.push_back(std::move(cmp));
    }
    if (c.hours_per_period) {
      for (int i : scope) {
        Total t = totals.period(i, sel);
        Comparison cmp{Figure::per_period, &c, i};
        cmp.published = Interval::from(*c.hours_per_period);
        cmp.computed = t.hours;
        cmp.agrees = cmp.published.compatible(cmp.computed);
        cmp.loc = c.hours_per_period->loc;
        cmp.detail = capped(std::move(t));
        r.comparisons.push_back(std::move(cmp));
      }
    }
    if (c.count) {
      Comparison cmp{Figure::count, &c};
      cmp.published = Interval::exact(*c.count);
      cmp.computed = Interval::exact(total.count);
      cmp.agrees = *c.count == total.count;
      cmp.loc = c.count_loc;
      cmp.detail = capped(total);
      r.comparisons.push_back(std::move(cmp));
    }
    if (c.count_per_period) {
      for (int i : scope) {
        Total t = totals.period(i, sel);
        Comparison cmp{Figure::count_per_period, &c, i};
        cmp.published = Interval::exact(*c.count_per_period);
        cmp.computed = Interval::exact(t.count);
        cmp.agrees = *c.count_per_period == t.count;
        cmp.loc = c.count_per_period_loc;
        cmp.detail = capped(std::move(t));
        r.comparisons.push_back(std::move(cmp));
      }
    }
    if (c.hours_each) {
      // One figure per period (and one for what runs throughout): each activity the category
      // counts there must last what is published. The first activity that does not is the
      // figure's face, the others that do not are its detail. (One figure per activity made
      // categories × activities of them.)
      Interval published = Interval::from(*c.hours_each);
      struct Group {
        std::size_t index;
        bool disagrees;
      };
      std::map<int, Group> groups;
      for (const auto &part : total.parts) {
        if (part.share) {
          continue;
        }
        Interval each = Interval::from(part.activity->hours);
        bool agrees = published.compatible(each);
        auto [it, fresh] =
            groups.try_emplace(part.activity->period, Group{r.comparisons.size(), !agrees});
        if (fresh) {
          Comparison cmp{Figure::each, &c};
          cmp.activity = part.activity;
          cmp.published = published;
          cmp.computed = each;
          cmp.agrees = agrees;
          cmp.loc = c.hours_each->loc;
          cmp.detail.parts.push_back(part);
          r.comparisons.push_back(std::move(cmp));
          continue;
        }
        if (agrees) {
          continue;
        }
        Comparison &cmp = r.comparisons[it->second.index];
        if (!it->second.disagrees) {
          it->second.disagrees = true;
          cmp.activity = part.activity;
          cmp.computed = each;
          cmp.agrees = false;
          cmp.detail.parts.clear();
        }
        if (cmp.detail.parts.size() < kDetailParts) {
          cmp.detail.parts.push_back(part);
        } else {
          ++cmp.detail.omitted;
        }
      }
    }
    if (c.days && s.hours_per_day) {
      Comparison cmp{Figure::days, &c};
      cmp.published = Interval::exact(*c.days * *s.hours_per_day);
      cmp.computed = total.hours;
      cmp.agrees = cmp.published.compatible(cmp.computed);
      cmp.loc = c.days_loc;
      cmp.detail = capped(total);
      r.comparisons.push_back(std::move(cmp));
    }
  }
  if (s.total_hours) {
    Total total = totals.programme(Selector::all());
    Comparison cmp{Figure::programme_total};
    cmp.published = Interval::from(*s.total_hours);
    cmp.computed = total.hours;
    cmp.agrees = cmp.published.compatible(cmp.computed);
    cmp.loc = s.total_hours->loc;
    cmp.detail = capped(std::move(total));
    r.comparisons.push_back(std::move(cmp));
  }
  if (s.period_count) {
    Comparison cmp{Figure::period_count};
    cmp.published = Interval::exact(*s.period_count);
    cmp.computed = Interval::exact(static_cast<double>(p.route_map.periods.size()));
    cmp.agrees = static_cast<std::size_t>(*s.period_count) == p.route_map.periods.size();
    cmp.loc = s.period_count_loc;
    r.comparisons.push_back(std::move(cmp));
  }
  return r;
}

} // namespace npq::analysis
