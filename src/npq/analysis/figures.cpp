#include "npq/analysis/figures.hpp"

#include "npq/analysis/constraints.hpp"
#include "npq/analysis/figure_text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <tuple>

namespace npq::analysis {

namespace {

// lp::Budget for one judgement: about a second of simplex work. The bundled programmes use under
// a thousandth of it (bench/run.sh measures them).
constexpr std::uint64_t kWorkBudget = 1'000'000'000;

using detail::Requirement;
using detail::Selection;
using detail::System;

constexpr double kEps = 1e-7;

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
  for (const auto *a : totals.activities()) {
    if (sel.matches(*a) &&
        (!restricted || a->period == model::kThroughout ||
         std::find(restriction.begin(), restriction.end(), a->period) != restriction.end())) {
      return true;
    }
  }
  return false;
}

// The weeks a weekly rate runs for: the category's own, else the programme's nominal length, with
// the wording of that assumption ("78 weeks (18 months)").
std::optional<std::pair<double, std::string>> weeks_of(const model::Category &c,
                                                       const model::Programme &p) {
  if (c.weeks) {
    return std::make_pair(*c.weeks, fmt::format("{} weeks", number(*c.weeks)));
  }
  if (!p.duration.nominal) {
    return std::nullopt;
  }
  const auto &q = *p.duration.nominal;
  double per = q.unit == "week"        ? 1
               : q.unit == "month"     ? 52.0 / 12
               : q.unit == "year"      ? 52
               : q.unit == "term"      ? 13
               : q.unit == "half-term" ? 6.5
               : q.unit == "day"       ? 1.0 / 7
                                       : 0;
  if (per == 0) {
    return std::nullopt;
  }
  double weeks = std::round(q.value * per);
  return std::make_pair(weeks, fmt::format("{} weeks ({}, the programme's length)", number(weeks),
                                           model::to_string(q)));
}

// Every figure of the summary, with one part per checkable statement, in document order.
std::vector<Figure> collect(const model::Programme &p, const Totals &totals,
                            const std::vector<int> &scope, const FigureOptions &options) {
  using Kind = Figure::Kind;
  std::vector<Figure> out;
  const auto &s = p.summary;
  auto add = [&](Kind kind, const model::Category *c, Interval published, const model::Loc &loc) {
    Figure f;
    f.kind = kind;
    f.category = c;
    f.published = published;
    f.loc = loc;
    out.push_back(std::move(f));
    return &out.back();
  };
  for (const auto &c : s.categories) {
    Selector sel = selector_of(c);
    std::vector<int> restriction = indices(totals, c.periods);
    bool restricted = !c.periods.empty();
    bool nothing = !counts_anything(totals, sel, restriction, restricted);
    static const std::vector<int> unstated;
    const std::vector<int> &periods = c.periods_unstated ? unstated
                                      : restricted       ? restriction
                                                         : scope;
    Total whole = restricted ? totals.periods(restriction, sel) : totals.programme(sel);
    auto per_period = [&](Figure *f) {
      if (periods.empty()) {
        f->parts.push_back({}); // "each term" over terms the programme does not list
        return;
      }
      for (int i : periods) {
        Figure::Part part;
        part.period = i;
        part.detail = totals.period(i, sel);
        f->parts.push_back(std::move(part));
      }
    };
    if (c.total_hours) {
      auto *f = add(Kind::total, &c, Interval::from(*c.total_hours), c.total_hours->loc);
      f->parts.push_back({});
      f->parts.back().detail = whole;
    }
    if (c.hours_per_period) {
      auto *f =
          add(Kind::per_period, &c, Interval::from(*c.hours_per_period), c.hours_per_period->loc);
      per_period(f);
    }
    if (c.count) {
      auto *f = add(Kind::count, &c, Interval::exact(*c.count), c.count_loc);
      f->parts.push_back({});
      f->parts.back().detail = whole;
    }
    if (c.count_per_period) {
      auto *f = add(Kind::count_per_period, &c, Interval::exact(*c.count_per_period),
                    c.count_per_period_loc);
      per_period(f);
    }
    if (c.hours_each && !nothing) {
      // Every occurrence the category counts, electives and activities that run throughout
      // included: "each is 2 hours" speaks of all of them.
      auto *f = add(Kind::each, &c, Interval::from(*c.hours_each), c.hours_each->loc);
      for (const auto *a : totals.activities()) {
        bool in_scope =
            !restricted || a->period == model::kThroughout ||
            std::find(restriction.begin(), restriction.end(), a->period) != restriction.end();
        if (!sel.matches(*a) || !in_scope) {
          continue;
        }
        Figure::Part fp;
        fp.activity = a;
        fp.detail.parts.push_back(
            {a, Interval::from(a->hours).times(std::max(a->count, 0)), false});
        f->parts.push_back(std::move(fp));
      }
      if (f->parts.empty()) {
        out.pop_back();
      }
    }
    if (c.days) {
      std::optional<double> per_day = s.hours_per_day ? s.hours_per_day : options.hours_per_day;
      auto *f = add(Kind::days, &c, Interval::exact(*c.days * per_day.value_or(1)), c.days_loc);
      f->convertible = per_day.has_value();
      f->factor = per_day.value_or(1);
      f->basis = per_day ? fmt::format("{} days of {} hours", number(*c.days), number(*per_day))
                         : fmt::format("{} days", number(*c.days));
      f->parts.push_back({});
      f->parts.back().detail = whole;
    }
    if (c.hours_per_week) {
      auto weeks = weeks_of(c, p);
      Interval rate = Interval::from(*c.hours_per_week);
      auto *f = add(Kind::weekly, &c, rate.times(weeks ? weeks->first : 1), c.hours_per_week->loc);
      f->convertible = weeks.has_value();
      f->factor = weeks ? weeks->first : 1;
      f->basis = weeks ? fmt::format("{} hours a week over {}", rate.str(), weeks->second)
                       : fmt::format("{} hours a week", rate.str());
      f->parts.push_back({});
      f->parts.back().detail = whole;
    }
    if (!c.hours_by_period.empty()) {
      auto *f = add(Kind::by_period, &c, Interval::from(c.hours_by_period.front().hours),
                    c.hours_by_period.front().hours.loc);
      for (const auto &split : c.hours_by_period) {
        for (int i : indices(totals, split.periods)) {
          Figure::Part part;
          part.period = i;
          part.hours = &split.hours;
          part.published = Interval::from(split.hours);
          part.detail = totals.period(i, sel);
          f->parts.push_back(std::move(part));
        }
      }
      if (f->parts.empty()) {
        out.pop_back();
      }
    }
    for (std::size_t i = out.size(); i > 0 && out[i - 1].category == &c; --i) {
      out[i - 1].counts_nothing = nothing;
    }
  }
  if (s.total_hours) {
    auto *f =
        add(Kind::programme_total, nullptr, Interval::from(*s.total_hours), s.total_hours->loc);
    f->parts.push_back({});
    f->parts.back().detail = totals.programme(Selector::all());
  }
  if (s.period_count) {
    auto *f =
        add(Kind::period_count, nullptr, Interval::exact(*s.period_count), s.period_count_loc);
    f->parts.push_back({});
  }
  // What the encoder inferred: the figure itself, or (for "each term" figures without periods of
  // their own) the reading of which terms the summary's figures range over.
  for (auto &f : out) {
    f.inferred = p.doc.inferred(f.loc.pointer);
    if (f.inferred.empty() && (f.kind == Kind::per_period || f.kind == Kind::count_per_period) &&
        f.category != nullptr && f.category->periods.empty() && !f.category->periods_unstated) {
      f.inferred = p.doc.inferred(s.loc.pointer + "/periods");
    }
    for (auto &part : f.parts) {
      if (part.hours == nullptr) {
        part.published = f.published;
      }
    }
  }
  return out;
}

Verdict verdict_of(double lo, double hi, const Requirement &r) {
  if (hi < r.low - kEps || lo > r.high + kEps) {
    return Verdict::contradicted;
  }
  if (lo >= r.low - kEps && hi <= r.high + kEps) {
    return Verdict::confirmed;
  }
  return Verdict::open;
}

int severity(Verdict v) {
  switch (v) {
  case Verdict::contradicted:
    return 3;
  case Verdict::open:
    return 2;
  case Verdict::unverifiable:
    return 1;
  case Verdict::confirmed:
    return 0;
  }
  return 0;
}

// Judges part `k` of figure `f` over every selection, with the rows of `context` (indices of
// figures) holding; `feasible[s]` says whether the whole context is known to hold in selection s.
void judge_part(Figure &fig, std::size_t f, std::size_t k, const std::vector<System> &systems,
                const std::vector<Selection> &sels, const std::vector<std::size_t> &context,
                const std::vector<bool> &known_feasible, const model::Programme &p) {
  Figure::Part &part = fig.parts[k];
  int confirmed = 0;
  int contradicted = 0;
  int open = 0;
  double lo = lp::kInfinity;
  double hi = -lp::kInfinity;
  std::string first_open;
  Figure::Phrase first_phrase;
  const Selection *holds = nullptr;
  for (std::size_t s = 0; s < systems.size(); ++s) {
    const auto &e = systems[s].expression(f, k);
    if (!e.applicable) {
      continue;
    }
    auto range = systems[s].range(e, context, known_feasible[s]);
    if (!range) {
      continue; // the other figures cannot hold with this choice of electives
    }
    lo = std::min(lo, range->first);
    hi = std::max(hi, range->second);
    const Requirement &r = systems[s].required(f, k);
    switch (verdict_of(range->first, range->second, r)) {
    case Verdict::confirmed:
      ++confirmed;
      holds = holds != nullptr ? holds : &sels[s];
      break;
    case Verdict::contradicted:
      ++contradicted;
      break;
    default:
      ++open;
      holds = holds != nullptr ? holds : &sels[s];
      if (first_open.empty()) {
        first_phrase = condition_phrase(systems[s], e, r, *range, p);
        first_open = sentence(first_phrase);
      }
      break;
    }
  }
  part.allowed = Interval{std::isfinite(lo) ? lo : 0, hi, false, 0};
  if (confirmed + contradicted + open == 0) {
    part.verdict = Verdict::contradicted;
    part.condition = "no choice of electives is consistent with the other published figures";
  } else if (open == 0 && contradicted == 0) {
    part.verdict = Verdict::confirmed;
  } else if (open == 0 && confirmed == 0) {
    part.verdict = Verdict::contradicted;
  } else {
    part.verdict = Verdict::open;
    bool by_choice = contradicted + confirmed > 0 && holds != nullptr;
    part.condition = by_choice ? choice_condition(*holds, p) : first_open;
    part.phrase = by_choice ? Figure::Phrase{} : first_phrase;
    part.by_choice = by_choice;
  }
}

// The published figures that cannot all hold together. Greedily, smallest first: the first pair
// (in document order) that conflicts, or failing any pair an irreducible set found by the
// deletion filter; its figures leave `live`, and the search goes on until the rest can hold.
std::vector<Conflict> conflicts(std::vector<std::size_t> &live,
                                const std::vector<System> &systems) {
  auto holds = [&](const std::vector<std::size_t> &set) {
    return std::any_of(systems.begin(), systems.end(),
                       [&](const System &s) { return s.feasible(set); });
  };
  std::vector<Conflict> out;
  while (!live.empty() && !holds(live)) {
    std::vector<std::size_t> set;
    for (std::size_t i = 0; i < live.size() && set.empty(); ++i) {
      for (std::size_t j = i + 1; j < live.size(); ++j) {
        if (!holds({live[i], live[j]})) {
          set = {live[i], live[j]};
          break;
        }
      }
    }
    if (set.empty()) {
      set = live;
      for (std::size_t i = set.size(); i > 0; --i) {
        std::vector<std::size_t> without = set;
        without.erase(without.begin() + static_cast<long>(i - 1));
        if (!holds(without)) {
          set = std::move(without);
        }
      }
    }
    out.push_back({set});
    std::erase_if(live,
                  [&](std::size_t f) { return std::find(set.begin(), set.end(), f) != set.end(); });
  }
  return out;
}

} // namespace

const char *to_string(Verdict verdict) {
  switch (verdict) {
  case Verdict::confirmed:
    return "confirmed";
  case Verdict::contradicted:
    return "contradicted";
  case Verdict::open:
    return "open";
  case Verdict::unverifiable:
    return "unverifiable";
  }
  return "";
}

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

const char *to_string(Figure::Kind kind) {
  using Kind = Figure::Kind;
  switch (kind) {
  case Kind::total:
    return "total";
  case Kind::per_period:
    return "each period";
  case Kind::count:
    return "count";
  case Kind::count_per_period:
    return "count in each period";
  case Kind::each:
    return "each session";
  case Kind::days:
    return "days";
  case Kind::programme_total:
    return "programme total";
  case Kind::period_count:
    return "number of periods";
  case Kind::by_period:
    return "in these periods";
  case Kind::weekly:
    return "a week";
  }
  return "";
}

std::string describe(const Figure &figure) {
  if (figure.category == nullptr) {
    return to_string(figure.kind);
  }
  return fmt::format("'{}' ({})", figure.category->label, to_string(figure.kind));
}

Judgement judge(const model::Programme &p, const Totals &totals, const FigureOptions &options) {
  Judgement j;
  const auto &s = p.summary;
  j.scope = indices(totals, s.periods);
  if (s.periods.empty()) {
    for (std::size_t i = 0; i < p.route_map.periods.size(); ++i) {
      j.scope.push_back(static_cast<int>(i));
    }
  }
  j.programme = totals.programme(Selector::all()).hours;
  if (!s.present) {
    return j;
  }
  j.figures = collect(p, totals, j.scope, options);
  auto sels = detail::selections(p, totals);
  if (sels.empty()) {
    return j;
  }
  // Work for every solve below together: see lp::Budget.
  lp::Budget budget{kWorkBudget};
  std::vector<System> alone;
  std::vector<System> full;
  // Without a route map there is nothing to judge a figure against alone: the categories' own
  // hours are the unknowns in both.
  bool has_route_map = p.route_map.present && !p.route_map.periods.empty();
  for (const auto &sel : sels) {
    alone.emplace_back(p, totals, sel, j.figures, !has_route_map, options, &budget);
    full.emplace_back(p, totals, sel, j.figures, true, options, &budget);
  }
  const std::size_t n = j.figures.size();
  std::vector<bool> yes(sels.size(), true);
  bool route_map = p.route_map.present && !p.route_map.periods.empty();

  auto worst = [](const Figure &f) {
    Verdict v = Verdict::confirmed;
    for (const auto &part : f.parts) {
      v = severity(part.verdict) > severity(v) ? part.verdict : v;
    }
    return v;
  };
  bool gave_up = false;
  try {
    // Each figure against the route map alone.
    std::vector<Figure> by_route_map = j.figures;
    for (std::size_t f = 0; f < n; ++f) {
      for (std::size_t k = 0; k < by_route_map[f].parts.size(); ++k) {
        judge_part(by_route_map[f], f, k, alone, sels, {}, yes, p);
      }
    }

    // The figures that constrain hours and are not already contradicted by the route map: can they
    // all hold together?
    std::vector<std::size_t> live;
    for (std::size_t f = 0; f < n; ++f) {
      bool hours = full.front().constrains(f);
      if (hours &&
          (j.figures[f].counts_nothing || worst(by_route_map[f]) != Verdict::contradicted)) {
        live.push_back(f);
      }
    }
    j.conflicts = conflicts(live, full);
    for (auto &c : j.conflicts) { // in the order the reader meets them
      std::sort(c.figures.begin(), c.figures.end(), [&](std::size_t a, std::size_t b) {
        const auto &la = j.figures[a].loc;
        const auto &lb = j.figures[b].loc;
        return std::tie(la.line, la.column, a) < std::tie(lb.line, lb.column, b);
      });
    }
    j.route_map_alone = !j.conflicts.empty();

    if (j.route_map_alone) {
      j.figures = std::move(by_route_map);
    } else {
      std::vector<bool> feasible;
      feasible.reserve(full.size());
      for (const auto &sys : full) {
        feasible.push_back(sys.feasible(live));
      }
      for (std::size_t f = 0; f < n; ++f) {
        if (!full.front().constrains(f) || worst(by_route_map[f]) == Verdict::contradicted) {
          j.figures[f] = by_route_map[f]; // counts are constants; a contradiction stays one
          continue;
        }
        std::vector<std::size_t> context;
        for (std::size_t g : live) {
          if (g != f) {
            context.push_back(g);
          }
        }
        for (std::size_t k = 0; k < j.figures[f].parts.size(); ++k) {
          judge_part(j.figures[f], f, k, full, sels, context, feasible, p);
        }
      }
      // The programme's range with every published figure but its own total (which would only
      // repeat itself).
      std::vector<std::size_t> others;
      for (std::size_t f : live) {
        if (j.figures[f].kind != Figure::Kind::programme_total) {
          others.push_back(f);
        }
      }
      double lo = lp::kInfinity;
      double hi = -lp::kInfinity;
      for (std::size_t i = 0; i < full.size(); ++i) {
        if (auto r = full[i].range(full[i].programme(), others, feasible[i])) {
          lo = std::min(lo, r->first);
          hi = std::max(hi, r->second);
        }
      }
      if (std::isfinite(lo)) {
        j.programme.low = lo;
        j.programme.high = hi;
      }
    }
  } catch (const lp::TooLarge &) {
    // A programme far beyond any published one (the format's list limits allow thousands of
    // unknown hours and figures): every figure is shown as published, and the reason given once.
    gave_up = true;
    j.conflicts.clear();
    j.route_map_alone = false;
    j.not_judged = fmt::format("npq did not judge the published figures: {} unknown hours and "
                               "{} figures are too many to reason about together",
                               full.front().unknowns().size(), n);
  }

  // Route-map figures for display, the verdicts nothing in the route map can check, and each
  // figure's own verdict (its worst part).
  for (std::size_t f = 0; f < n; ++f) {
    Figure &fig = j.figures[f];
    for (std::size_t k = 0; k < fig.parts.size(); ++k) {
      auto &part = fig.parts[k];
      bool counts = fig.kind == Figure::Kind::count || fig.kind == Figure::Kind::count_per_period ||
                    fig.kind == Figure::Kind::period_count;
      if (counts) {
        double lo = lp::kInfinity;
        double hi = -lp::kInfinity;
        for (const auto &sys : alone) {
          if (sys.expression(f, k).applicable) {
            lo = std::min(lo, sys.expression(f, k).constant);
            hi = std::max(hi, sys.expression(f, k).constant);
          }
        }
        part.route_map = Interval{std::isfinite(lo) ? lo : 0, std::isfinite(hi) ? hi : 0, false, 0};
      } else if (fig.kind == Figure::Kind::each) {
        part.route_map = Interval::from(part.activity->hours);
      } else {
        part.route_map = part.detail.hours;
      }
      if (fig.counts_nothing) {
        part.verdict = route_map ? Verdict::contradicted : part.verdict;
        part.condition = route_map ? "the route map has no activity it counts" : part.condition;
      }
      bool published = std::any_of(alone.begin(), alone.end(), [&](const System &sys) {
        return sys.expression(f, k).applicable && sys.expression(f, k).any_published;
      });
      if ((!published || (fig.counts_nothing && !route_map)) &&
          part.verdict != Verdict::contradicted) {
        part.verdict = Verdict::unverifiable;
        part.condition = unverifiable_text(part.allowed, j.route_map_alone, route_map);
      }
      if (!fig.convertible) {
        part.verdict = Verdict::unverifiable;
        part.condition = fig.kind == Figure::Kind::days
                             ? "cannot be checked: the source does not say how many hours make a "
                               "day"
                             : "cannot be checked: the programme's length in weeks is not "
                               "published";
      }
      if (gave_up) {
        part.verdict = Verdict::unverifiable;
        part.condition = "not judged: too many unknowns to reason about together";
      }
    }
    fig.verdict = worst(fig);
    fig.condition = summary_condition(fig, p);
  }
  if (!gave_up) {
    cancel_out(j, p);
  }
  return j;
}

} // namespace npq::analysis
