// The summary of learning hours: what UCL publishes by hand beside its route map ("hours per
// category, per term and in total"), generated so that it always agrees with the route map. Every
// number is added up from the route map; a figure the provider publishes is shown as published
// with its verdict from the figures engine, so the table never passes off a computed or open
// figure as published, and a period whose hours are unpublished says so instead of showing 0.
#include "npq/report/glossary.hpp"
#include "npq/report/page_parts.hpp"
#include "npq/report/profile.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace npq::report::parts {

namespace {

using analysis::Figure;
using analysis::Interval;
using analysis::Verdict;
namespace g = glossary;

struct Row {
  std::string label;
  analysis::Selector selector;
  const model::Category *category = nullptr;
  std::set<int> periods; ///< a category's own periods; empty: all, throughout included
};

struct Column {
  std::string title;
  int period = -1; ///< a period's index, model::kThroughout, kBefore, kAfter, or kTotal
};

constexpr int kTotal = -4; // beside model::kThroughout, kBefore and kAfter

// Hours added up from the route map, said as partly inferred where some of them were.
std::string computed(const analysis::Total &t, const model::DocumentInfo &doc) {
  return t.parts.empty() ? std::string(g::kNone) : g::hours(t.hours, false) + inferred_part(t, doc);
}

// How a published figure reads: in a cell ("at least 13", "8 days", "1 to 2 hours a week"), in a
// note ("at least 13 hours"), and how it came to the page ("published", "inferred").
struct Said {
  std::string cell;
  std::string words;
  std::string marker = "published";
  std::string as = "as published";
  std::string detail;    ///< what the figure comes to: ", 52 to 104 hours over 52 weeks (…)"
  std::string route_map; ///< " (partly inferred)" when the route map's hours it matches are

  std::string sentence() const { return words + " " + as + detail; }
};

// `route_map`: the route map's hours for the same cell, which the figure may confirm.
Said said(const Figure &f, const model::Programme &p, const Interval &published,
          const analysis::Total &route_map) {
  return {g::hours(published, false),
          g::hours(published),
          figure_marker(f, p),
          figure_words(f, p),
          {},
          inferred_part(route_map, p.doc)};
}

// A cell where the provider publishes a figure: the figure as published, and what the route map
// makes of it. Notes collect what an open or unverifiable figure rests on.
std::string published_cell(const Said &s, Verdict verdict, const std::string &condition,
                           const Interval &published, const Interval &route_map,
                           const analysis::Total &from_route_map, const std::string &where,
                           std::vector<std::string> &notes) {
  // Short cells, read across a table; what an unconfirmed figure rests on goes in a note.
  switch (verdict) {
  case Verdict::confirmed:
    if (from_route_map.hours.is_exact() && published.is_exact() &&
        from_route_map.hours.low == published.low && s.cell == g::hours(published, false)) {
      return s.cell + s.route_map; // the route map's own figure, as it reads there
    }
    return s.cell + " (" + s.marker + ")";
  case Verdict::open:
    notes.push_back(fmt::format("{}: {}; this {}", where, s.sentence(), condition));
    return s.cell + " (" + s.marker + ")";
  case Verdict::unverifiable:
    notes.push_back(fmt::format("{}: {}; the route map cannot confirm it", where, s.sentence()));
    return s.cell + " (" + s.marker + ")";
  case Verdict::contradicted:
    break;
  }
  return fmt::format("{} ({}; route map: {})", s.cell, s.marker,
                     from_route_map.parts.empty() ? std::string(g::kNone)
                                                  : g::hours(route_map, false));
}

const Figure *find_figure(const analysis::Judgement &j, const model::Category *c, Figure::Kind k) {
  for (const auto &f : j.figures) {
    if (f.category == c && f.kind == k) {
      return &f;
    }
  }
  return nullptr;
}

// Activities no category counts, added up directly (a Selector cannot name activities without
// ids).
analysis::Total uncounted(const std::vector<const model::Activity *> &activities) {
  analysis::Total t;
  for (const auto *a : activities) {
    Interval h = Interval::from(a->hours).times(static_cast<double>(std::max(a->count, 0)));
    t.hours += h;
    t.parts.push_back({a, h, false});
  }
  return t;
}

// A category's total where the provider publishes something other than hours in total: days, a
// weekly rate, or hours for each of a number of periods it does not give. Empty when none.
std::string other_total(const model::Programme &p, const analysis::Judgement &j, const Row &r,
                        const analysis::Total &t, const std::string &where,
                        std::vector<std::string> &notes) {
  if (const Figure *f = find_figure(j, r.category, Figure::Kind::days)) {
    // Days are shown as days: the provider's unit, whatever they come to in hours.
    Said s = said(*f, p, f->published, t);
    s.cell = g::days(*r.category->days);
    s.words = s.cell;
    if (!f->convertible) {
      notes.push_back(fmt::format("{}: {}; the provider does not say how many hours a day", where,
                                  s.sentence()));
      return s.cell + " (" + s.marker + ")";
    }
    s.detail = fmt::format(", {} ({})", g::hours(f->published), f->basis);
    return published_cell(s, f->verdict, f->condition, f->published, f->parts.front().route_map, t,
                          where, notes);
  }
  if (const Figure *f = find_figure(j, r.category, Figure::Kind::weekly)) {
    Said s = said(*f, p, f->published, t);
    s.cell = g::hours(*r.category->hours_per_week) + " a week";
    s.words = s.cell;
    if (!f->convertible) {
      notes.push_back(fmt::format("{}: {}; the programme's length in weeks is not published, so "
                                  "it is not counted in hours",
                                  where, s.sentence()));
      return s.cell + " (" + s.marker + ")";
    }
    // basis: "1–2 hours a week over 52 weeks (12 months, the programme's length)".
    std::string over = f->basis.substr(std::min(f->basis.find(" over "), f->basis.size()));
    s.detail = fmt::format(", {}{}", g::hours(f->published), over);
    return published_cell(s, f->verdict, f->condition, f->published, f->parts.front().route_map, t,
                          where, notes);
  }
  const Figure *f = find_figure(j, r.category, Figure::Kind::per_period);
  if (f != nullptr && f->parts.size() == 1 && f->parts.front().period < 0) {
    // "2 hours every term" over terms the provider does not list: never a total of its own.
    std::string each =
        "each " + g::noun(p.route_map.period_kind.empty() ? "period" : p.route_map.period_kind);
    Said s = said(*f, p, f->published, t);
    s.words += " " + each;
    notes.push_back(fmt::format(
        "{}: {}, over a number of {} the provider does not give", where, s.sentence(),
        g::plural(p.route_map.period_kind.empty() ? "period" : p.route_map.period_kind)));
    return fmt::format("{} ({})", s.words, s.marker);
  }
  return {};
}

// What the encoder inferred among the figures the table shows, said once each under it.
void inference_notes(const model::Programme &p, const analysis::Judgement &j,
                     std::vector<std::string> &notes) {
  for (const auto &f : j.figures) {
    if (f.inferred.empty()) {
      continue;
    }
    std::string what = f.category != nullptr ? f.category->label : std::string(g::kAllLearning);
    if (figure_inferred(f, p)) {
      notes.push_back(fmt::format("{}: inferred, not published: {}", what, f.inferred));
    } else {
      std::string kind = p.route_map.period_kind.empty() ? "period" : p.route_map.period_kind;
      notes.push_back(fmt::format("Which {} the figures for each {} apply to is inferred, not "
                                  "published: {}",
                                  g::plural(kind), g::noun(kind), f.inferred));
    }
  }
}

} // namespace

PageSection hours_summary(const model::Programme &p, const analysis::Totals &totals,
                          const analysis::Judgement &j) {
  PageSection section{2, std::string(g::kSummary), {}};
  const auto &rm = p.route_map;
  std::vector<Row> rows;
  bool by_category = !p.summary.categories.empty();
  if (by_category) {
    for (const auto &c : p.summary.categories) {
      Row r{c.label, analysis::selector_of(c), &c, {}};
      for (const auto &ref : c.periods) {
        if (int i = totals.period_index(ref.value); i >= 0) {
          r.periods.insert(i);
        }
      }
      rows.push_back(std::move(r));
    }
  } else {
    for (auto family : g::kFamilies) {
      Row r{std::string(g::family_label(family)), {}, nullptr, {}};
      for (const auto *a : totals.activities()) {
        if (g::family_of(a->kind) == family) {
          r.selector.kinds.insert(a->kind);
        }
      }
      if (!r.selector.kinds.empty()) {
        rows.push_back(std::move(r));
      }
    }
  }
  auto counts = [&](const Row &r, const model::Activity &a, int period) {
    return r.selector.matches(a) &&
           (r.periods.empty() || (period >= 0 && r.periods.count(period) != 0));
  };

  // In time order: before the programme, the periods, throughout, after it; then the total. The
  // slots outside the periods are columns only when the route map has something in them.
  std::vector<Column> columns;
  if (!rm.before.empty()) {
    columns.push_back({std::string(kBefore), model::kBefore});
  }
  std::size_t first_period = columns.size() + 1; // the table's first column heads the rows
  for (std::size_t i = 0; i < rm.periods.size(); ++i) {
    columns.push_back({rm.periods[i].title, static_cast<int>(i)});
  }
  if (!rm.throughout.empty()) {
    columns.push_back({std::string(g::kThroughout), model::kThroughout});
  }
  if (!rm.after.empty()) {
    columns.push_back({std::string(kAfter), model::kAfter});
  }
  columns.push_back({std::string(g::kTotal), kTotal});
  // The activities in a column that is not a period (analysis::Totals counts each whole there).
  auto slot = [&](int period) -> const std::vector<model::Activity> & {
    return period == model::kBefore  ? rm.before
           : period == model::kAfter ? rm.after
                                     : rm.throughout;
  };
  auto outside = [&](int period, const analysis::Selector &selector) {
    return period == model::kThroughout ? totals.throughout(selector)
                                        : totals.outside(period, selector);
  };

  std::vector<std::string> notes;
  PageTable table;
  table.caption = by_category ? "Learning hours by the provider's categories"
                              : "Learning hours by kind of activity";
  table.columns.push_back(by_category ? "What" : "Kind of activity");
  for (const auto &c : columns) {
    table.columns.push_back(c.title);
  }
  auto where = [](const std::string &row, const std::string &column) {
    return column == g::kTotal ? row + ", in total" : row + ", " + column;
  };

  for (const auto &r : rows) {
    std::vector<PageCell> cells{r.label};
    for (const auto &col : columns) {
      analysis::Total t;
      std::string cell;
      if (col.period >= 0) {
        if (r.periods.empty() || r.periods.count(col.period) != 0) {
          t = totals.within(col.period, r.selector);
        }
        cell = computed(t, p.doc);
        // Hours for each period ("2 hours each term"), or for some ("8 hours in term 2").
        for (auto kind : {Figure::Kind::per_period, Figure::Kind::by_period}) {
          if (const Figure *f = find_figure(j, r.category, kind)) {
            for (const auto &part : f->parts) {
              if (part.period == col.period) {
                cell = published_cell(said(*f, p, part.published, t), part.verdict, part.condition,
                                      part.published, part.route_map, t, where(r.label, col.title),
                                      notes);
              }
            }
          }
        }
      } else if (col.period != kTotal) {
        if (r.periods.empty()) {
          t = outside(col.period, r.selector);
        }
        cell = computed(t, p.doc);
      } else {
        if (r.periods.empty()) {
          t = totals.programme(r.selector);
        } else {
          t = totals.periods(std::vector<int>(r.periods.begin(), r.periods.end()), r.selector);
        }
        cell = rm.present ? computed(t, p.doc) : std::string(g::kNotPublished);
        if (const Figure *f = find_figure(j, r.category, Figure::Kind::total)) {
          cell =
              published_cell(said(*f, p, f->published, t), f->verdict, f->condition, f->published,
                             f->parts.front().route_map, t, where(r.label, col.title), notes);
        } else if (auto other = other_total(p, j, r, t, where(r.label, col.title), notes);
                   !other.empty()) {
          cell = other;
        }
      }
      cells.emplace_back(cell);
    }
    table.rows.push_back(std::move(cells));
  }

  // The route map's activities that no category counts, so the rows add up to the total.
  if (by_category && rm.present) {
    std::vector<PageCell> cells{std::string(g::kNotInSummary)};
    bool any = false;
    std::vector<const model::Activity *> all;
    for (const auto &col : columns) {
      std::vector<const model::Activity *> left;
      auto consider = [&](const model::Activity &a, int period) {
        bool counted = std::any_of(rows.begin(), rows.end(),
                                   [&](const Row &r) { return counts(r, a, period); });
        if (!counted) {
          left.push_back(&a);
        }
      };
      if (col.period >= 0) {
        for (const auto &a : rm.periods[static_cast<std::size_t>(col.period)].activities) {
          consider(a, col.period);
        }
      } else if (col.period != kTotal) {
        for (const auto &a : slot(col.period)) {
          consider(a, col.period);
        }
      } else {
        left = all;
      }
      if (col.period != kTotal) {
        all.insert(all.end(), left.begin(), left.end());
      }
      any = any || !left.empty();
      std::string cell = computed(uncounted(left), p.doc);
      if (col.period == kTotal && !totals.electives().empty() &&
          std::any_of(left.begin(), left.end(), [&](const model::Activity *a) {
            return totals.electives().count(a->period) != 0;
          })) {
        cell = "depends on your choices";
      }
      cells.emplace_back(cell);
    }
    if (any) {
      table.rows.push_back(std::move(cells));
    }
  }

  // The whole programme.
  std::vector<PageCell> total{std::string(g::kAllLearning)};
  for (const auto &col : columns) {
    if (col.period >= 0) {
      total.emplace_back(computed(totals.within(col.period, analysis::Selector::all()), p.doc));
    } else if (col.period != kTotal) {
      total.emplace_back(computed(outside(col.period, analysis::Selector::all()), p.doc));
    } else {
      auto t = totals.programme(analysis::Selector::all());
      // The route map's total, bounded above by published ceilings ("up to 50 hours a module").
      Interval range = t.hours;
      if (!j.route_map_alone && p.summary.present && j.programme.bounded() && !range.bounded()) {
        range.high = j.programme.high;
        range.unpublished = 0;
      }
      std::string cell = rm.present ? g::hours(range, false) + inferred_part(t, p.doc)
                                    : std::string(g::kNotPublished);
      if (const Figure *f = find_figure(j, nullptr, Figure::Kind::programme_total)) {
        cell = published_cell(said(*f, p, f->published, t), f->verdict, f->condition, f->published,
                              f->parts.front().route_map, t,
                              std::string(g::kAllLearning) + ", in total", notes);
      }
      total.emplace_back(cell);
    }
  }
  table.rows.push_back(std::move(total));
  table.last_row_total = true;
  table.numeric.assign(table.columns.size(), true);
  table.numeric[0] = false;

  // Periods that all read the same are one column: "Each course".
  std::size_t periods = rm.periods.size();
  if (periods >= 2) {
    auto at = [&](std::size_t k) { return static_cast<std::ptrdiff_t>(first_period + k); };
    bool same = true;
    for (const auto &row : table.rows) {
      for (std::size_t i = 1; i < periods; ++i) {
        same = same && row[first_period + i].text() == row[first_period].text();
      }
    }
    if (same) {
      for (auto &row : table.rows) {
        row.erase(row.begin() + at(1), row.begin() + at(periods));
      }
      table.columns.erase(table.columns.begin() + at(1), table.columns.begin() + at(periods));
      table.numeric.resize(table.columns.size());
      table.columns[first_period] =
          "Each " + g::noun(rm.period_kind.empty() ? "period" : rm.period_kind);
      // The notes name each period; one note now stands for them all.
      for (auto &n : notes) {
        for (const auto &period : rm.periods) {
          std::string tail = ", " + period.title + ": ";
          if (auto found = n.find(tail); found != std::string::npos) {
            n.replace(found, tail.size(),
                      ", " + g::lower_first(table.columns[first_period]) + ": ");
          }
        }
      }
    }
  }
  drop_empty_columns(table, true);
  section.blocks.emplace_back(std::move(table));

  inference_notes(p, j, notes);
  std::vector<std::string> unique;
  for (const auto &n : notes) {
    if (std::find(unique.begin(), unique.end(), n) == unique.end()) {
      unique.push_back(n);
    }
  }
  bool inferences = std::any_of(j.figures.begin(), j.figures.end(),
                                [](const Figure &f) { return !f.inferred.empty(); });
  std::string how;
  if (rm.present) {
    how = "Hours are added up from the route map. A figure marked (published) is the provider's "
          "own; where the route map does not confirm it, a note below says what it rests on.";
  }
  if (inferences) {
    how += std::string(how.empty() ? "" : " ") +
           "A figure marked inferred is not the provider's own words but a reading of its page; "
           "a note below says why.";
  }
  if (!how.empty()) {
    section.blocks.emplace_back(PageParagraph{how});
  }
  if (!unique.empty()) {
    PageList list;
    for (auto &n : unique) {
      list.items.push_back({PageText(std::move(n))});
    }
    section.blocks.emplace_back(std::move(list));
  }
  return section;
}

PageSection common_hours(const std::vector<const model::Activity *> &activities) {
  PageTable table;
  table.caption = "Learning hours by kind of activity";
  table.columns = {"Kind of activity", "Every programme"};
  table.numeric = {false, true};
  Interval all;
  for (auto family : g::kFamilies) {
    Interval sum;
    bool any = false;
    for (const auto *a : activities) {
      if (g::family_of(a->kind) == family) {
        sum += Interval::from(a->hours).times(static_cast<double>(std::max(a->count, 0)));
        any = true;
      }
    }
    if (any) {
      all += sum;
      table.rows.push_back({std::string(g::family_label(family)), g::hours(sum, false)});
    }
  }
  table.rows.push_back({std::string(g::kAllLearning), g::hours(all, false)});
  table.last_row_total = true;
  return PageSection{2,
                     std::string(g::kSummary),
                     {std::move(table), PageParagraph{"Each programme's own page gives its hours "
                                                      "term by term, where they are published."}}};
}

} // namespace npq::report::parts
