#include "npq/analysis/constraints.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace npq::analysis::detail {

namespace {

constexpr double kEps = 1e-7;

// Every way to take `choose` of `options`, in lexicographic order.
void combinations(const std::vector<int> &options, int choose, std::size_t from,
                  std::vector<int> &current, std::vector<std::vector<int>> &out,
                  std::size_t limit) {
  if (out.size() > limit) {
    return;
  }
  if (static_cast<int>(current.size()) == choose) {
    out.push_back(current);
    return;
  }
  for (std::size_t i = from; i < options.size(); ++i) {
    current.push_back(options[i]);
    combinations(options, choose, i + 1, current, out, limit);
    current.pop_back();
  }
}

} // namespace

std::vector<Selection> selections(const model::Programme &p, const Totals &totals) {
  const auto &periods = p.route_map.periods;
  Selection base;
  base.included.assign(periods.size(), true);
  for (int e : totals.electives()) {
    base.included[static_cast<std::size_t>(e)] = false;
  }
  // The choice groups as Totals reads them: each elective period belongs to its first rule.
  std::set<int> taken;
  std::vector<std::vector<std::vector<int>>> groups;
  for (const auto &c : p.route_map.choices) {
    std::vector<int> options;
    for (const auto &ref : c.from) {
      int index = totals.period_index(ref.value);
      if (index >= 0 && taken.insert(index).second) {
        options.push_back(index);
      }
    }
    int choose = std::clamp(c.choose, 0, static_cast<int>(options.size()));
    std::vector<std::vector<int>> ways;
    std::vector<int> current;
    combinations(options, choose, 0, current, ways, kMaxSelections);
    groups.push_back(std::move(ways));
  }
  std::size_t count = 1;
  for (const auto &g : groups) {
    count =
        g.size() > kMaxSelections ? kMaxSelections + 1 : count * std::max<std::size_t>(1, g.size());
    if (count > kMaxSelections) {
      break;
    }
  }
  std::vector<Selection> out;
  auto finish = [&](std::vector<int> chosen) {
    Selection s = base;
    std::sort(chosen.begin(), chosen.end());
    for (int c : chosen) {
      s.included[static_cast<std::size_t>(c)] = true;
    }
    s.chosen = std::move(chosen);
    out.push_back(std::move(s));
  };
  if (count > kMaxSelections) {
    // Too many to judge one by one: the lightest and the heaviest stand for the rest.
    for (const auto &extreme :
         {totals.lightest(Selector::all()), totals.heaviest(Selector::all())}) {
      if (extreme) {
        finish(extreme->periods);
      }
    }
    return out;
  }
  std::vector<int> chosen;
  std::function<void(std::size_t)> product = [&](std::size_t g) {
    if (g == groups.size()) {
      finish(chosen);
      return;
    }
    if (groups[g].empty()) {
      product(g + 1);
      return;
    }
    for (const auto &way : groups[g]) {
      chosen.insert(chosen.end(), way.begin(), way.end());
      product(g + 1);
      chosen.resize(chosen.size() - way.size());
    }
  };
  product(0);
  return out;
}

Requirement requirement(const model::Hours &h, double m, double tolerance) {
  using Form = model::Hours::Form;
  switch (h.form) {
  case Form::exact:
    return {h.low * m, h.low * m};
  case Form::at_least:
    return {h.low * m, lp::kInfinity};
  case Form::up_to:
    return {0, h.high * m};
  case Form::about:
    return {h.low * m * (1 - tolerance), h.high * m * (1 + tolerance)};
  case Form::range:
    return {h.low * m, h.high * m};
  case Form::not_published:
    break;
  }
  return {0, lp::kInfinity};
}

System::System(const model::Programme &p, const Totals &totals, const Selection &selection,
               const std::vector<Figure> &figures, bool with_categories,
               const FigureOptions &options, lp::Budget *budget)
    : m_p(p), m_selection(selection), m_options(options), m_budget(budget) {
  (void)totals;
  const auto &s = p.summary;
  m_exprs.resize(figures.size());
  m_required.resize(figures.size());
  m_hours_figure.resize(figures.size(), false);
  std::vector<Expression> category_totals; // of categories the route map does not show
  for (std::size_t f = 0; f < figures.size(); ++f) {
    const Figure &fig = figures[f];
    const model::Category *c = fig.category;
    Selector sel = c != nullptr ? selector_of(*c) : Selector::all();
    std::vector<int> restriction;
    if (c != nullptr) {
      for (const auto &r : c->periods) {
        if (int i = totals.period_index(r.value); i >= 0) {
          restriction.push_back(i);
        }
      }
    }
    bool virtual_hours = with_categories && fig.counts_nothing;
    for (const auto &part : fig.parts) {
      Expression e;
      Requirement req;
      using Kind = Figure::Kind;
      switch (fig.kind) {
      case Kind::total:
      case Kind::days:
      case Kind::weekly:
        if (virtual_hours) {
          e = category_hours(*c, figures);
        } else {
          e = hours_of(sel, restriction.empty() ? nullptr : &restriction);
        }
        if (fig.kind == Kind::total) {
          req = requirement(*c->total_hours, 1.0, options.about_tolerance);
        } else if (fig.kind == Kind::weekly) {
          req = requirement(*c->hours_per_week, fig.factor, options.about_tolerance);
        } else {
          double h = *c->days * fig.factor;
          req = {h, h};
        }
        m_hours_figure[f] = fig.convertible;
        break;
      case Kind::per_period:
      case Kind::by_period:
        if (part.period >= 0 && !m_selection.included[static_cast<std::size_t>(part.period)]) {
          e.applicable = false;
        } else if (virtual_hours || part.period < 0) {
          // A category the route map does not show, or "every term" of terms it does not list:
          // one period's worth of the category's own hours.
          e.terms.push_back({category_unknown(*c, part.period < 0 ? -2 : part.period), 1.0});
        } else {
          std::vector<int> one{part.period};
          e = hours_of(sel, &one);
        }
        req = requirement(fig.kind == Kind::by_period ? *part.hours : *c->hours_per_period, 1.0,
                          options.about_tolerance);
        m_hours_figure[f] = true;
        break;
      case Kind::each: {
        const model::Activity &a = *part.activity;
        if (a.period >= 0 && !m_selection.included[static_cast<std::size_t>(a.period)]) {
          e.applicable = false;
        } else {
          add_activity(e, a);
        }
        req = requirement(*c->hours_each, std::max(a.count, 0), options.about_tolerance);
        m_hours_figure[f] = true;
        break;
      }
      case Kind::programme_total:
        // Filled once every category's expression is known (below).
        req = requirement(*s.total_hours, 1.0, options.about_tolerance);
        m_hours_figure[f] = true;
        break;
      case Kind::count:
      case Kind::count_per_period: {
        // Occurrences are always published (an activity's count): a constant per selection.
        const auto &periods = p.route_map.periods;
        for (std::size_t i = 0; i < periods.size(); ++i) {
          bool wanted =
              fig.kind == Kind::count
                  ? (restriction.empty() || std::find(restriction.begin(), restriction.end(),
                                                      static_cast<int>(i)) != restriction.end())
                  : static_cast<int>(i) == part.period;
          if (!wanted || !m_selection.included[i]) {
            continue;
          }
          for (const auto &a : periods[i].activities) {
            e.constant += sel.matches(a) ? std::max(a.count, 0) : 0;
          }
        }
        if (fig.kind == Kind::count) {
          for (const auto *slot :
               {&p.route_map.throughout, &p.route_map.before, &p.route_map.after}) {
            for (const auto &a : *slot) {
              bool in = restriction.empty() || slot == &p.route_map.throughout;
              e.constant += in && sel.matches(a) ? std::max(a.count, 0) : 0;
            }
          }
        } else if (part.period >= 0 &&
                   !m_selection.included[static_cast<std::size_t>(part.period)]) {
          e.applicable = false;
        }
        e.any_published = true;
        double n = fig.kind == Kind::count ? *c->count : *c->count_per_period;
        req = {n, n};
        break;
      }
      case Kind::period_count:
        e.constant = static_cast<double>(p.route_map.periods.size());
        e.any_published = true;
        req = {static_cast<double>(*s.period_count), static_cast<double>(*s.period_count)};
        break;
      }
      if (virtual_hours &&
          (fig.kind == Kind::total || fig.kind == Kind::days || fig.kind == Kind::weekly)) {
        category_totals.push_back(e);
      }
      m_exprs[f].push_back(std::move(e));
      m_required[f].push_back(req);
    }
  }
  // Categories the route map lacks that publish figures for periods only: their hours count in
  // the programme total too ("2 hours every term" is at least 2 hours).
  if (with_categories) {
    std::set<const model::Category *> counted;
    for (const auto &fig : figures) {
      bool total = fig.kind == Figure::Kind::total || fig.kind == Figure::Kind::days ||
                   fig.kind == Figure::Kind::weekly;
      if (fig.counts_nothing && total) {
        counted.insert(fig.category);
      }
    }
    for (const auto &fig : figures) {
      if (fig.counts_nothing && counted.insert(fig.category).second &&
          (fig.kind == Figure::Kind::per_period || fig.kind == Figure::Kind::by_period)) {
        category_totals.push_back(category_hours(*fig.category, figures));
      }
    }
  }
  // The programme total: every activity, and the hours of categories the route map lacks (once
  // per category).
  m_programme = hours_of(Selector::all(), nullptr);
  std::set<int> seen;
  for (const auto &e : category_totals) {
    for (const auto &t : e.terms) {
      if (seen.insert(t.first).second) {
        m_programme.terms.push_back(t);
      }
    }
  }
  for (std::size_t f = 0; f < figures.size(); ++f) {
    if (figures[f].kind == Figure::Kind::programme_total) {
      for (auto &e : m_exprs[f]) {
        e = m_programme;
      }
    }
  }
}

// The hours of a category the route map does not show: one unknown, or its per-period unknowns
// when it also publishes figures for periods (they add up to the total); "every term" of terms
// the source does not list is one term's unknown plus the rest.
Expression System::category_hours(const model::Category &c, const std::vector<Figure> &figures) {
  Expression e;
  std::vector<int> scope;
  for (const auto &g : figures) {
    if (g.category == &c &&
        (g.kind == Figure::Kind::per_period || g.kind == Figure::Kind::by_period)) {
      for (const auto &gp : g.parts) {
        if (std::find(scope.begin(), scope.end(), gp.period) == scope.end()) {
          scope.push_back(gp.period);
        }
      }
    }
  }
  if (scope.empty()) {
    e.terms.push_back({category_unknown(c, -1), 1.0});
    return e;
  }
  for (int period : scope) {
    if (period < 0 || m_selection.included[static_cast<std::size_t>(period)]) {
      e.terms.push_back({category_unknown(c, period < 0 ? -2 : period), 1.0});
    }
  }
  if (scope.size() == 1 && scope.front() < 0) {
    e.terms.push_back({category_unknown(c, -1), 1.0}); // the other periods
  }
  return e;
}

int System::activity_unknown(const model::Activity &a) {
  if (auto it = m_activity_var.find(&a); it != m_activity_var.end()) {
    return it->second;
  }
  using Form = model::Hours::Form;
  double n = std::max(a.count, 0);
  double lo = 0;
  double hi = lp::kInfinity;
  if (a.hours.form != Form::not_published) {
    Requirement r = requirement(a.hours, n, m_options.about_tolerance);
    lo = r.low;
    hi = r.high;
  }
  int v = m_base.add_variable(lo, hi);
  m_unknowns.push_back(
      {Unknown::Kind::activity, &a, nullptr, -1, a.hours.form != Form::not_published});
  m_activity_var[&a] = v;
  return v;
}

int System::share_unknown(const model::Activity &a, int period) {
  auto key = std::make_pair(&a, period);
  if (auto it = m_share_var.find(key); it != m_share_var.end()) {
    return it->second;
  }
  // First use: a share for every period taken, tied to the activity's hours.
  lp::Row tie;
  for (std::size_t i = 0; i < m_selection.included.size(); ++i) {
    if (!m_selection.included[i]) {
      continue;
    }
    int v = m_base.add_variable(0, lp::kInfinity);
    m_unknowns.push_back({Unknown::Kind::share, &a, nullptr, static_cast<int>(i),
                          a.hours.form != model::Hours::Form::not_published});
    m_share_var[{&a, static_cast<int>(i)}] = v;
    tie.terms.push_back({v, 1.0});
  }
  if (a.hours.form == model::Hours::Form::exact) {
    double h = a.hours.low * std::max(a.count, 0);
    tie.low = h;
    tie.high = h;
  } else {
    tie.terms.push_back({activity_unknown(a), -1.0});
    tie.low = 0;
    tie.high = 0;
  }
  m_base.rows.push_back(std::move(tie));
  return m_share_var.at(key);
}

int System::category_unknown(const model::Category &c, int period) {
  auto key = std::make_pair(&c, period);
  if (auto it = m_category_var.find(key); it != m_category_var.end()) {
    return it->second;
  }
  int v = m_base.add_variable(0, lp::kInfinity);
  m_unknowns.push_back({Unknown::Kind::category, nullptr, &c, period, false});
  m_category_var[key] = v;
  return v;
}

void System::add_activity(Expression &e, const model::Activity &a) {
  if (a.hours.form == model::Hours::Form::exact) {
    e.constant += a.hours.low * std::max(a.count, 0);
    e.any_published = true;
    return;
  }
  e.terms.push_back({activity_unknown(a), 1.0});
  e.any_published = e.any_published || a.hours.form != model::Hours::Form::not_published;
}

Expression System::hours_of(const Selector &selector, const std::vector<int> *periods) {
  Expression e;
  const auto &all = m_p.route_map.periods;
  std::vector<int> taken;
  for (std::size_t i = 0; i < all.size(); ++i) {
    bool in = periods == nullptr ||
              std::find(periods->begin(), periods->end(), static_cast<int>(i)) != periods->end();
    if (in && m_selection.included[i]) {
      taken.push_back(static_cast<int>(i));
    }
  }
  for (int i : taken) {
    for (const auto &a : all[static_cast<std::size_t>(i)].activities) {
      if (selector.matches(a)) {
        add_activity(e, a);
      }
    }
  }
  if (periods == nullptr) { // the whole programme: before it starts and after it too
    for (const auto *slot : {&m_p.route_map.before, &m_p.route_map.after}) {
      for (const auto &a : *slot) {
        if (selector.matches(a)) {
          add_activity(e, a);
        }
      }
    }
  }
  std::size_t included = static_cast<std::size_t>(
      std::count(m_selection.included.begin(), m_selection.included.end(), true));
  bool whole = periods == nullptr || taken.size() == included;
  for (const auto &a : m_p.route_map.throughout) {
    if (!selector.matches(a)) {
      continue;
    }
    if (whole) {
      add_activity(e, a);
      continue;
    }
    for (int i : taken) {
      e.terms.push_back({share_unknown(a, i), 1.0});
    }
    e.any_published = e.any_published || a.hours.form != model::Hours::Form::not_published;
  }
  return e;
}

std::vector<lp::Row> System::rows_of(const std::vector<std::size_t> &figures) const {
  std::vector<lp::Row> rows;
  for (std::size_t f : figures) {
    if (!m_hours_figure[f]) {
      continue;
    }
    for (std::size_t k = 0; k < m_exprs[f].size(); ++k) {
      const Expression &e = m_exprs[f][k];
      if (!e.applicable) {
        continue;
      }
      const Requirement &r = m_required[f][k];
      rows.push_back({e.terms, r.low - e.constant,
                      std::isfinite(r.high) ? r.high - e.constant : lp::kInfinity});
    }
  }
  return rows;
}

bool System::feasible(const std::vector<std::size_t> &figures) const {
  lp::Problem problem = m_base;
  for (auto &r : rows_of(figures)) {
    if (r.terms.empty()) {
      if (r.low > kEps || r.high < -kEps) {
        return false; // a constant figure that does not hold
      }
      continue;
    }
    problem.rows.push_back(std::move(r));
  }
  return lp::feasible(problem, m_budget);
}

std::optional<std::pair<double, double>> System::range(const Expression &e,
                                                       const std::vector<std::size_t> &figures,
                                                       bool known_feasible) const {
  if (!known_feasible && !feasible(figures)) {
    return std::nullopt;
  }
  // Only the rows connected to the expression's unknowns can move it: solve over those.
  std::vector<lp::Row> rows = m_base.rows;
  for (auto &r : rows_of(figures)) {
    if (!r.terms.empty()) {
      rows.push_back(std::move(r));
    }
  }
  std::set<int> vars;
  for (const auto &t : e.terms) {
    vars.insert(t.first);
  }
  std::vector<bool> used(rows.size(), false);
  std::uint64_t terms = 0;
  for (const auto &r : rows) {
    terms += r.terms.size();
  }
  for (bool grew = true; grew;) {
    grew = false;
    if (m_budget != nullptr) {
      m_budget->spend(terms); // each pass reads every row
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (used[i]) {
        continue;
      }
      bool touches = std::any_of(rows[i].terms.begin(), rows[i].terms.end(),
                                 [&](const auto &t) { return vars.count(t.first) != 0; });
      if (touches) {
        used[i] = true;
        grew = true;
        for (const auto &t : rows[i].terms) {
          vars.insert(t.first);
        }
      }
    }
  }
  if (std::none_of(used.begin(), used.end(), [](bool u) { return u; })) {
    // No row ties the unknowns together: each moves freely within its bounds.
    double lo = e.constant;
    double hi = e.constant;
    for (const auto &[v, a] : e.terms) {
      double l = m_base.low[static_cast<std::size_t>(v)];
      double h = m_base.high[static_cast<std::size_t>(v)];
      lo += a >= 0 ? a * l : a * h;
      hi += a >= 0 ? a * h : a * l;
    }
    return std::make_pair(lo, hi);
  }
  lp::Problem sub;
  std::map<int, int> index;
  for (int v : vars) {
    index[v] = sub.add_variable(m_base.low[static_cast<std::size_t>(v)],
                                m_base.high[static_cast<std::size_t>(v)]);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!used[i]) {
      continue;
    }
    lp::Row r = rows[i];
    for (auto &t : r.terms) {
      t.first = index.at(t.first);
    }
    sub.rows.push_back(std::move(r));
  }
  lp::Terms objective;
  for (const auto &[v, a] : e.terms) {
    objective.push_back({index.at(v), a});
  }
  auto lo = lp::minimise(sub, objective, m_budget);
  auto hi = lp::maximise(sub, objective, m_budget);
  if (lo.status == lp::Status::infeasible || hi.status == lp::Status::infeasible) {
    return std::nullopt;
  }
  return std::make_pair(e.constant + lo.value, e.constant + hi.value);
}

} // namespace npq::analysis::detail
