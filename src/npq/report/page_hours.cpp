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
  int period = -1; ///< -1: throughout; -2: total
};

constexpr int kThroughout = -1;
constexpr int kTotal = -2;

std::string computed(const analysis::Total &t) {
  return t.parts.empty() ? std::string(g::kNone) : g::hours(t.hours, false);
}

// A cell where the provider publishes a figure: the figure as published, and what the route map
// makes of it. Notes collect what an open or unverifiable figure rests on.
std::string published_cell(const Interval &published, Verdict verdict, const std::string &condition,
                           const Interval &route_map, const analysis::Total &from_route_map,
                           const std::string &where, std::vector<std::string> &notes) {
  // Short cells, read across a table; what an unconfirmed figure rests on goes in a note.
  std::string figure = g::hours(published, false);
  switch (verdict) {
  case Verdict::confirmed:
    if (from_route_map.hours.is_exact() && published.is_exact() &&
        from_route_map.hours.low == published.low) {
      return figure;
    }
    return figure + " (published)";
  case Verdict::open:
    notes.push_back(
        fmt::format("{}: {} as published; this {}", where, g::hours(published), condition));
    return figure + " (published)";
  case Verdict::unverifiable:
    notes.push_back(fmt::format("{}: {} as published; the route map cannot confirm it", where,
                                g::hours(published)));
    return figure + " (published)";
  case Verdict::contradicted:
    break;
  }
  return fmt::format("{} (published; route map: {})", figure,
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

  std::vector<Column> columns;
  for (std::size_t i = 0; i < rm.periods.size(); ++i) {
    columns.push_back({rm.periods[i].title, static_cast<int>(i)});
  }
  if (!rm.throughout.empty()) {
    columns.push_back({std::string(g::kThroughout), kThroughout});
  }
  columns.push_back({std::string(g::kTotal), kTotal});

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
        cell = computed(t);
        if (const Figure *f = find_figure(j, r.category, Figure::Kind::per_period)) {
          for (const auto &part : f->parts) {
            if (part.period == col.period) {
              cell = published_cell(f->published, part.verdict, part.condition, part.route_map, t,
                                    where(r.label, col.title), notes);
            }
          }
        }
      } else if (col.period == kThroughout) {
        if (r.periods.empty()) {
          t = totals.throughout(r.selector);
        }
        cell = computed(t);
      } else {
        if (r.periods.empty()) {
          t = totals.programme(r.selector);
        } else {
          t = totals.periods(std::vector<int>(r.periods.begin(), r.periods.end()), r.selector);
        }
        cell = rm.present ? computed(t) : std::string(g::kNotPublished);
        if (const Figure *f = find_figure(j, r.category, Figure::Kind::total)) {
          cell = published_cell(f->published, f->verdict, f->condition, f->parts.front().route_map,
                                t, where(r.label, col.title), notes);
        } else if (r.category != nullptr && r.category->days) {
          // A figure in days is shown as published: the provider gives no hours for it.
          cell = g::days(*r.category->days);
          if (!p.summary.hours_per_day) {
            notes.push_back(fmt::format("{}: published as {}; the provider does not say how "
                                        "many hours a day",
                                        where(r.label, col.title), g::days(*r.category->days)));
          }
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
      } else if (col.period == kThroughout) {
        for (const auto &a : rm.throughout) {
          consider(a, kThroughout);
        }
      } else {
        left = all;
      }
      if (col.period != kTotal) {
        all.insert(all.end(), left.begin(), left.end());
      }
      any = any || !left.empty();
      std::string cell = computed(uncounted(left));
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
      total.emplace_back(computed(totals.within(col.period, analysis::Selector::all())));
    } else if (col.period == kThroughout) {
      total.emplace_back(computed(totals.throughout(analysis::Selector::all())));
    } else {
      auto t = totals.programme(analysis::Selector::all());
      // The route map's total, bounded above by published ceilings ("up to 50 hours a module").
      Interval range = t.hours;
      if (!j.route_map_alone && p.summary.present && j.programme.bounded() && !range.bounded()) {
        range.high = j.programme.high;
        range.unpublished = 0;
      }
      std::string cell = rm.present ? g::hours(range, false) : std::string(g::kNotPublished);
      if (const Figure *f = find_figure(j, nullptr, Figure::Kind::programme_total)) {
        cell = published_cell(f->published, f->verdict, f->condition, f->parts.front().route_map, t,
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
    bool same = true;
    for (const auto &row : table.rows) {
      for (std::size_t i = 2; i <= periods; ++i) {
        same = same && row[i].text() == row[1].text();
      }
    }
    if (same) {
      for (auto &row : table.rows) {
        row.erase(row.begin() + 2, row.begin() + static_cast<std::ptrdiff_t>(periods) + 1);
      }
      table.columns.erase(table.columns.begin() + 2,
                          table.columns.begin() + static_cast<std::ptrdiff_t>(periods) + 1);
      table.numeric.resize(table.columns.size());
      table.columns[1] = "Each " + g::noun(rm.period_kind.empty() ? "period" : rm.period_kind);
      // The notes name each period; one note now stands for them all.
      for (auto &n : notes) {
        for (const auto &period : rm.periods) {
          std::string tail = ", " + period.title + ": ";
          if (auto at = n.find(tail); at != std::string::npos) {
            n.replace(at, tail.size(), ", " + g::lower_first(table.columns[1]) + ": ");
          }
        }
      }
    }
  }
  drop_empty_columns(table, true);
  section.blocks.emplace_back(std::move(table));

  std::vector<std::string> unique;
  for (const auto &n : notes) {
    if (std::find(unique.begin(), unique.end(), n) == unique.end()) {
      unique.push_back(n);
    }
  }
  if (rm.present) {
    section.blocks.emplace_back(PageParagraph{
        "Hours are added up from the route map. A figure marked (published) is the provider's "
        "own; where the route map does not confirm it, a note below says what it rests on."});
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
