// Reconciliation: every figure the provider publishes about its programme (category totals,
// 'each term' figures, session counts and lengths, the programme total) is checked against what
// the route map adds up to. A mismatch is reported at the published figure, with a note for
// every activity that contributed.
#include "npq/analysis/figures.hpp"
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
void add_part_notes(Diagnostic &d, const Total &total, const model::Programme &p,
                    bool unknown_only = false) {
  std::set<std::pair<int, std::string>> seen;
  std::size_t shown = 0;
  for (const auto &part : total.parts) {
    if (unknown_only && !part.share && part.activity->hours.form == model::Hours::Form::exact) {
      continue; // an open figure: the notes name what is not published
    }
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

std::string figure_value(const analysis::Figure &f) {
  using Kind = analysis::Figure::Kind;
  bool counts =
      f.kind == Kind::count || f.kind == Kind::count_per_period || f.kind == Kind::period_count;
  return counts ? f.published.str() : hours_text(f.published);
}

// "'Peer learning group': 2 hours in each term", "the programme total of 75 hours".
std::string figure_phrase(const analysis::Figure &f, const model::Programme &p) {
  using Kind = analysis::Figure::Kind;
  std::string v = figure_value(f);
  std::string each =
      p.route_map.period_kind.empty() ? "each period" : "each " + p.route_map.period_kind;
  switch (f.kind) {
  case Kind::total:
    return fmt::format("{}: {} in all", what(*f.category), v);
  case Kind::per_period:
    return fmt::format("{}: {} in {}", what(*f.category), v, each);
  case Kind::count:
    return fmt::format("{}: {} in all", what(*f.category), v);
  case Kind::count_per_period:
    return fmt::format("{}: {} in {}", what(*f.category), v, each);
  case Kind::each:
    return fmt::format("{}: {} each", what(*f.category), v);
  case Kind::days:
    return fmt::format("{}: {}{}", what(*f.category), f.basis,
                       f.convertible ? " (" + v + ")" : std::string());
  case Kind::weekly:
    return fmt::format("{}: {}{}", what(*f.category), f.basis,
                       f.convertible ? " (" + v + ")" : std::string());
  case Kind::programme_total:
    return fmt::format("the programme total of {}", v);
  case Kind::period_count:
    return fmt::format("{} periods", v);
  case Kind::by_period: {
    std::vector<std::string> pieces;
    for (const auto &part : f.parts) {
      pieces.push_back(fmt::format(
          "{} in {}", hours_text(part.published),
          part.period >= 0 ? p.route_map.periods[static_cast<std::size_t>(part.period)].title
                           : std::string("a period")));
    }
    std::string list;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == pieces.size() ? " and " : ", ") + pieces[i];
    }
    return fmt::format("{}: {}", what(*f.category), list);
  }
  }
  return v;
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
    analysis::FigureOptions options;
    options.about_tolerance = m_ctx.about_tolerance;
    options.hours_per_day = m_ctx.hours_per_day;
    auto judgement = analysis::judge(m_p, m_totals, options);
    report_figures(judgement);
    report_conflicts(judgement);
    std::set<const model::Category *> empty;
    for (const auto &f : judgement.figures) {
      if (f.counts_nothing) {
        empty.insert(f.category);
      }
    }
    for (const auto &c : s.categories) {
      std::vector<int> scope = c.periods.empty() ? judgement.scope : periods_of(c);
      category_extras(c, scope, empty.count(&c) != 0);
    }
    placement();
    unaccounted();
    incomplete_note();
  }

  // A summary row that says when its activities happen (before the programme starts, after the
  // taught programme) against where the route map puts them.
  void placement() {
    for (const auto &c : m_p.summary.categories) {
      if (c.when.empty()) {
        continue;
      }
      int slot = c.when == "before-start" ? model::kBefore : model::kAfter;
      Selector sel = analysis::selector_of(c);
      for (const auto *a : m_totals.activities()) {
        if (!sel.matches(*a) || a->period == slot) {
          continue;
        }
        auto &d = report(Code::placement_differs, c.when_loc,
                         fmt::format("{} places it {}, but the route map puts '{}' {}", what(c),
                                     slot == model::kBefore ? "before the programme starts"
                                                            : "after the taught programme",
                                     a->title, where_phrase(*a)));
        d.notes.push_back({at(m_p.doc, a->loc), fmt::format("'{}' in the route map", a->title)});
        break; // one finding per row
      }
    }
  }

  std::string where_phrase(const model::Activity &a) const {
    switch (a.period) {
    case model::kThroughout:
      return "throughout the programme";
    case model::kBefore:
      return "before the programme starts";
    case model::kAfter:
      return "after the taught programme";
    default:
      return "in " + period_title(a.period);
    }
  }

private:
  std::vector<int> periods_of(const model::Category &c) const { return indices(c.periods); }

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
    return i >= 0 ? m_p.route_map.periods[static_cast<std::size_t>(i)].title
                  : std::string("each period");
  }

  Diagnostic &report(Code code, const model::Loc &loc, std::string message, std::string hint = {}) {
    return m_ctx.out.add(code, at(m_p.doc, loc), std::move(message), std::move(hint));
  }

  // One finding per figure that is not confirmed: contradicted figures are errors, open ones
  // warnings that say what would make them true, and figures nothing can check are notes.
  void report_figures(const analysis::Judgement &j) {
    if (!j.not_judged.empty()) {
      report(Code::figure_unverifiable, m_p.summary.loc, j.not_judged,
             "split the programme into smaller files, or publish the hours the route map leaves "
             "out");
      return;
    }
    std::set<const analysis::Figure *> in_conflict;
    for (const auto &c : j.conflicts) {
      for (std::size_t f : c.figures) {
        in_conflict.insert(&j.figures[f]);
      }
    }
    for (const auto &f : j.figures) {
      if (f.counts_nothing && m_p.route_map.present) {
        continue; // NPQ302, once per category (category_extras)
      }
      std::size_t before = m_ctx.out.items().size();
      report_figure(f, j, in_conflict);
      // A figure the encoder inferred is always reported as such.
      if (!f.inferred.empty() && m_ctx.out.items().size() > before) {
        m_ctx.out.items().back().notes.push_back(
            {at(m_p.doc, f.loc), "inferred by the encoder, not published: " + f.inferred});
      }
    }
  }

  void report_figure(const analysis::Figure &f, const analysis::Judgement &j,
                     const std::set<const analysis::Figure *> &in_conflict) {
    using Kind = analysis::Figure::Kind;
    using analysis::Verdict;
    {
      switch (f.verdict) {
      case Verdict::confirmed:
        if (!f.cancels.empty()) {
          auto &d =
              report(Code::figure_open, f.loc,
                     fmt::format("{} is confirmed, but {}", figure_phrase(f, m_p), f.cancels));
          (void)d;
        }
        break;
      case Verdict::contradicted:
        contradicted(f, j);
        break;
      case Verdict::open: {
        if (f.kind == Kind::programme_total && f.parts.front().by_choice) {
          break; // NPQ312 names the choice of electives that breaks it (checks/choices.cpp)
        }
        auto &d = report(Code::figure_open, f.loc,
                         fmt::format("{} is open: it {}", figure_phrase(f, m_p), f.condition),
                         j.route_map_alone
                             ? "the published figures contradict each other (see NPQ304), so "
                               "this one is judged against the route map alone"
                             : "");
        if (!f.cancels.empty()) {
          d.notes.push_back({at(m_p.doc, f.loc), f.cancels});
        }
        add_figure_notes(d, f);
        break;
      }
      case Verdict::unverifiable:
        if (in_conflict.count(&f) != 0 || (f.kind == Kind::days && !f.convertible)) {
          break; // NPQ304 names it; a figure in days is NPQ305's
        }
        report(Code::figure_unverifiable, f.loc,
               fmt::format("{} {}", figure_phrase(f, m_p), f.condition),
               m_p.route_map.present ? "publish the hours of the activities it counts, if the "
                                       "source gives them"
                                     : "add the route map, if the source publishes one");
        break;
      }
    }
  }

  // The activities behind a figure's parts, for notes.
  // What an open figure's parts are made of: the unpublished hours for a single figure, each
  // period's sum for a per-period one (its condition is already in the message).
  void add_figure_notes(Diagnostic &d, const analysis::Figure &f) {
    if (f.parts.size() == 1) {
      add_part_notes(d, f.parts.front().detail, m_p, true);
      return;
    }
    // Periods made of the same activities (modules that repeat one pattern) are said once.
    std::set<std::string> sums;
    std::size_t shown = 0;
    for (const auto &part : f.parts) {
      if (part.verdict != analysis::Verdict::confirmed && part.period >= 0) {
        sums.insert(hours_text(part.route_map) + sum_of(part.detail));
        ++shown;
      }
    }
    if (shown > 1 && sums.size() == 1) {
      for (const auto &part : f.parts) {
        if (part.verdict != analysis::Verdict::confirmed && part.period >= 0) {
          d.notes.push_back(
              {at(m_p.doc, m_p.route_map.periods[static_cast<std::size_t>(part.period)].loc),
               fmt::format("each of these {} periods: {}", shown, *sums.begin())});
          return;
        }
      }
    }
    for (const auto &part : f.parts) {
      if (part.verdict == analysis::Verdict::confirmed) {
        continue;
      }
      if (part.period < 0) {
        add_part_notes(d, part.detail, m_p, true);
        continue;
      }
      d.notes.push_back(
          {at(m_p.doc, m_p.route_map.periods[static_cast<std::size_t>(part.period)].loc),
           fmt::format("{}: {}{}", period_title(part.period), hours_text(part.route_map),
                       sum_of(part.detail))});
    }
  }

  // " = Online self-directed study 8 + Implementation project (share not published)".
  static std::string sum_of(const Total &t) {
    std::string parts;
    for (const auto &c : t.parts) {
      parts += fmt::format("{}{} {}", parts.empty() ? "" : " + ", c.activity->title,
                           c.share ? "(share " + c.hours.str() + ")" : c.hours.str());
    }
    if (t.omitted > 0) {
      parts += fmt::format(" + {} more", t.omitted);
    }
    return parts.empty() ? " (nothing)" : " = " + parts;
  }

  void contradicted(const analysis::Figure &f, const analysis::Judgement &j) {
    using Kind = analysis::Figure::Kind;
    const auto &part = f.parts.front();
    std::string rm = hours_text(part.route_map);
    switch (f.kind) {
    case Kind::total:
    case Kind::days:
    case Kind::weekly: {
      std::string days = f.kind != Kind::total ? " (" + f.basis + ")" : "";
      auto &d = report(Code::hours_mismatch, f.loc,
                       fmt::format("{}: the published total is {}{}, but the route map adds up "
                                   "to {}",
                                   what(*f.category), hours_text(f.published), days, rm));
      add_part_notes(d, part.detail, m_p);
      break;
    }
    case Kind::programme_total: {
      auto &d = report(Code::hours_mismatch, f.loc,
                       fmt::format("the published programme total is {}, but the route map adds "
                                   "up to {}",
                                   hours_text(f.published), rm));
      add_part_notes(d, part.detail, m_p);
      break;
    }
    case Kind::count:
      add_part_notes(
          report(Code::count_mismatch, f.loc,
                 fmt::format("{}: the published count is {}, but the route map has {}",
                             what(*f.category), f.published.str(), part.route_map.str())),
          part.detail, m_p);
      break;
    case Kind::period_count:
      report(Code::count_mismatch, f.loc,
             fmt::format("the published number of periods is {}, but the route map has {}",
                         f.published.str(), part.route_map.str()));
      break;
    case Kind::each:
      for (const auto &p : f.parts) {
        if (p.verdict != analysis::Verdict::contradicted) {
          continue;
        }
        auto &d = report(Code::hours_mismatch, f.loc,
                         fmt::format("{}: each is published as {}, but '{}' is {}",
                                     what(*f.category), hours_text(f.published), p.activity->title,
                                     hours_text(p.route_map)));
        add_part_notes(d, p.detail, m_p);
      }
      break;
    case Kind::per_period:
    case Kind::by_period:
    case Kind::count_per_period: {
      bool hours = f.kind != Kind::count_per_period;
      std::size_t differ = 0;
      for (const auto &p : f.parts) {
        differ += p.verdict == analysis::Verdict::contradicted ? 1 : 0;
      }
      std::string message =
          f.kind == Kind::by_period
              ? fmt::format("{}, but {} of {} periods differ", figure_phrase(f, m_p), differ,
                            f.parts.size())
              : fmt::format("{}: {} is published for each period, but {} of {} periods differ",
                            what(*f.category), figure_value(f), differ, f.parts.size());
      auto &d = report(hours ? Code::hours_mismatch : Code::count_mismatch, f.loc, message);
      for (const auto &p : f.parts) {
        if (p.verdict != analysis::Verdict::contradicted || p.period < 0) {
          continue;
        }
        std::string value = hours ? hours_text(p.route_map) : p.route_map.str();
        std::string sum = sum_of(p.detail);
        d.notes.push_back(
            {at(m_p.doc, m_p.route_map.periods[static_cast<std::size_t>(p.period)].loc),
             fmt::format("{}: {}{}", period_title(p.period), value,
                         hours || sum == " (nothing)" ? sum : "")});
      }
      break;
    }
    }
    if (f.kind == Kind::total && j.route_map_alone) {
      return;
    }
  }

  // Published figures that cannot all be true together: one finding per smallest set.
  void report_conflicts(const analysis::Judgement &j) {
    for (const auto &c : j.conflicts) {
      const auto &first = j.figures[c.figures.front()];
      std::vector<std::string> names;
      bool route_map = false; // whether the route map takes part in the conflict
      for (std::size_t f : c.figures) {
        names.push_back(figure_phrase(j.figures[f], m_p));
        route_map = route_map || j.figures[f].verdict != analysis::Verdict::unverifiable;
      }
      std::string list;
      for (std::size_t i = 0; i < names.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == names.size() ? " and " : "; ") + names[i];
      }
      auto &d = report(Code::declared_figures_disagree, first.loc,
                       fmt::format("these published figures cannot all be true{}: {}",
                                   route_map ? " with the route map" : "", list),
                       "check the source; until it is corrected, npq judges each figure against "
                       "the route map alone");
      for (std::size_t f : c.figures) {
        const auto &fig = j.figures[f];
        d.notes.push_back({at(m_p.doc, fig.loc), figure_phrase(fig, m_p)});
      }
    }
  }

  void category_extras(const model::Category &c, const std::vector<int> &scope, bool empty) {
    (void)scope;
    if (empty) {
      if (!m_p.route_map.present) {
        if (c.days && !m_p.summary.hours_per_day && !m_ctx.hours_per_day) {
          days_note(c);
        }
        return; // nothing to account for it with: its figures are notes (NPQ309)
      }
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
    if (c.days && !m_p.summary.hours_per_day && !m_ctx.hours_per_day) {
      days_note(c);
    }
  }

  // A figure in days with no hours in a day to convert it: shown as published, never an error.
  void days_note(const model::Category &c) {
    if (!m_p.route_map.present) {
      auto &d = report(Code::days_not_reconciled, c.days_loc,
                       fmt::format("{}: {} days is taken as published: there is no route map to "
                                   "check it against",
                                   what(c), analysis::number(*c.days)),
                       "give summary.hours-per-day and the route map if the source states them");
      for (const auto &note : c.notes) { // what else the source says about it ("replaced by …")
        d.notes.push_back({at(m_p.doc, c.loc), "the source also says: " + note});
      }
      return;
    }
    {
      Selector sel = analysis::selector_of(c);
      Total total = m_totals.programme(sel);
      report(Code::days_not_reconciled, c.days_loc,
             fmt::format("{}: {} days cannot be compared with the route map's {} without the "
                         "number of hours in a day",
                         what(c), analysis::number(*c.days), hours_text(total.hours)),
             "give summary.hours-per-day if the source states it");
    }
  }

  void unaccounted() {
    if (m_p.summary.categories.empty() || m_p.summary.partial) {
      return; // a partial list ("you will benefit from ...") leaves things out on purpose
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
               fmt::format("the source does not publish the hours of {} activit{}, so {}",
                           total.hours.unpublished, total.hours.unpublished == 1 ? "y" : "ies",
                           total.hours.low > 0 || total.hours.bounded()
                               ? "the programme total is " + hours_text(total.hours)
                               : std::string("the route map gives no programme total")));
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
