// The route map on the page: its sections (periods, choices, strands that run throughout) and its
// picture. Periods that hold the same activities are said once ("Nine half-termly courses, six
// modules each; hours not published"), and "Choose N of M" comes before the choices it governs.
#include "npq/report/glossary.hpp"
#include "npq/report/labels.hpp"
#include "npq/report/page_parts.hpp"
#include "npq/report/profile.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace npq::report::parts {

namespace {

using analysis::Interval;
namespace g = glossary;

Interval hours_of(const model::Activity &a) {
  return Interval::from(a.hours).times(static_cast<double>(std::max(a.count, 0)));
}

std::string signature(const model::Activity &a) {
  std::vector<std::string> areas;
  for (const auto &r : a.covers.areas) {
    areas.push_back(r.value);
  }
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", a.title,
                     a.kind, static_cast<int>(a.hours.form), a.hours.low, a.hours.high, a.count,
                     g::delivery(a.delivery), a.description, a.covers.all, join(areas, ","),
                     a.covers.present);
}

std::vector<std::string> signatures(const model::Period &p) {
  std::vector<std::string> out;
  for (const auto &a : p.activities) {
    out.push_back(signature(a));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool has_own_content(const model::Period &p) {
  return !p.description.empty() || !p.topics.empty() || p.covers.present;
}

std::string joined_titles(const model::RouteMap &rm, const std::vector<int> &indices) {
  std::string out;
  for (std::size_t k = 0; k < indices.size(); ++k) {
    out += (k == 0                    ? ""
            : k + 1 == indices.size() ? " and "
                                      : ", ") +
           rm.periods[static_cast<std::size_t>(indices[k])].title;
  }
  return out;
}

// ("Two-hour clinics", "6 × 2 hours").
std::pair<std::string, std::string> item(const model::Activity &a) {
  std::string h = g::activity_hours(a);
  if (a.hours.form != model::Hours::Form::not_published) {
    h = a.count == 1 ? g::hours(a.hours) : fmt::format("{} × {}", a.count, g::hours(a.hours));
  } else {
    h = a.count == 1 ? "hours " + std::string(g::kNotPublished)
                     : fmt::format("{} times, hours {}", a.count, g::kNotPublished);
  }
  return {a.title, h};
}

std::vector<MapGroup> groups(const std::vector<const model::Activity *> &activities) {
  std::vector<MapGroup> out;
  for (auto family : g::kFamilies) {
    MapGroup group;
    group.family = static_cast<int>(family);
    group.label = std::string(g::family_label(family));
    Interval sum;
    for (const auto *a : activities) {
      if (g::family_of(a->kind) == family) {
        sum += hours_of(*a);
        group.items.push_back(item(*a));
      }
    }
    if (!group.items.empty()) {
      group.hours = sum.unpublished > 0 && sum.low == 0 ? "hours " + std::string(g::kNotPublished)
                                                        : g::hours(sum);
      out.push_back(std::move(group));
    }
  }
  return out;
}

// "18 hours", "hours not published".
std::string band_hours(const Interval &i) {
  std::string h = g::hours(i);
  return h == g::kNotPublished ? "hours " + h : h;
}

std::vector<const model::Activity *> pointers(const std::vector<model::Activity> &activities) {
  std::vector<const model::Activity *> out;
  out.reserve(activities.size());
  for (const auto &a : activities) {
    out.push_back(&a);
  }
  return out;
}

std::string choice_label(const model::Choice &c, const model::RouteMap &rm) {
  std::string what = c.title.empty() ? g::plural(rm.period_kind.empty() ? "option" : rm.period_kind)
                                     : g::lower_first(c.title);
  return g::choose(c.choose, c.from.size()) + " " + what;
}

// The periods as rows (name, framework areas, description, topics) when their activities are said
// once for all of them; a list when they have nothing but a name.
PageBlock period_rows(const model::RouteMap &rm, const std::vector<int> &indices,
                      const model::Framework *framework, const std::string &caption) {
  PageTable t;
  t.caption = caption;
  t.columns = {g::capitalise(g::noun(rm.period_kind.empty() ? "period" : rm.period_kind)),
               "Framework areas", "About it", "Topics"};
  for (int i : indices) {
    const auto &p = rm.periods[static_cast<std::size_t>(i)];
    t.rows.push_back({p.title, covers(p.covers, framework), g::capitalise(p.description),
                      g::capitalise(join(p.topics, "; "))});
  }
  drop_empty_columns(t, false);
  if (t.columns.size() > 1) {
    return t;
  }
  PageList list;
  for (int i : indices) {
    list.items.push_back({rm.periods[static_cast<std::size_t>(i)].title});
  }
  return list;
}

// One period (or a run of identical ones): what it is about, then its activities.
void period_blocks(std::vector<PageBlock> &blocks, const model::RouteMap &rm,
                   const std::vector<int> &run, const model::Framework *framework,
                   const std::string &title) {
  const auto &p = rm.periods[static_cast<std::size_t>(run.front())];
  if (run.size() > 1) {
    blocks.emplace_back(PageParagraph{
        fmt::format("The same activities each {}.", g::noun(p.kind.empty() ? "period" : p.kind))});
  }
  if (!p.description.empty()) {
    blocks.emplace_back(PageParagraph{p.description});
  }
  if (auto c = covers(p.covers, framework); !c.empty()) {
    blocks.emplace_back(PageParagraph{"Framework areas: " + c});
  }
  if (!p.topics.empty()) {
    PageList topics;
    for (const auto &topic : p.topics) {
      topics.items.push_back({topic});
    }
    blocks.emplace_back(std::move(topics));
  }
  if (!p.activities.empty()) {
    blocks.emplace_back(
        activity_table(pointers(p.activities), framework, "Activities in " + title));
  } else {
    blocks.emplace_back(PageParagraph{"No activities are published for this " +
                                      g::noun(p.kind.empty() ? "period" : p.kind) + "."});
  }
}

} // namespace

std::string covers(const model::Coverage &c, const model::Framework *framework) {
  if (!c.present) {
    return {};
  }
  if (c.all) {
    return "The whole framework";
  }
  std::vector<std::string> titles;
  for (const auto &a : c.areas) {
    const model::Area *area = framework != nullptr ? framework->find_area(a.value) : nullptr;
    titles.push_back(area != nullptr ? area->title : a.value);
  }
  return join(titles, "; ");
}

void drop_empty_columns(PageTable &t, bool keep_last) {
  for (std::size_t col = t.columns.size(); col-- > 1;) {
    if (keep_last && col + 1 == t.columns.size()) {
      continue;
    }
    bool empty = std::all_of(t.rows.begin(), t.rows.end(), [&](const std::vector<PageCell> &r) {
      return col >= r.size() || r[col].text().empty() || r[col].text() == g::kNone;
    });
    if (empty) {
      t.columns.erase(t.columns.begin() + static_cast<std::ptrdiff_t>(col));
      for (auto &r : t.rows) {
        if (col < r.size()) {
          r.erase(r.begin() + static_cast<std::ptrdiff_t>(col));
        }
      }
      if (col < t.numeric.size()) {
        t.numeric.erase(t.numeric.begin() + static_cast<std::ptrdiff_t>(col));
      }
    }
  }
}

PageTable activity_table(const std::vector<const model::Activity *> &activities,
                         const model::Framework *framework, const std::string &caption) {
  PageTable t;
  t.caption = caption;
  t.columns = {"Activity", "About it", "Hours", "How", "Framework areas"};
  t.numeric = {false, false, true, false, false};
  for (const auto *a : activities) {
    t.rows.push_back({a->title, g::capitalise(a->description), g::activity_hours(*a),
                      g::delivery(a->delivery), covers(a->covers, framework)});
  }
  drop_empty_columns(t, false);
  return t;
}

std::vector<PageSection> route_map_sections(const model::Programme &p,
                                            const analysis::Totals &totals,
                                            const model::Framework *framework) {
  std::vector<PageSection> out;
  const auto &rm = p.route_map;
  const auto &electives = totals.electives();
  std::vector<std::vector<std::string>> sigs;
  for (const auto &period : rm.periods) {
    sigs.push_back(signatures(period));
  }
  std::string kind = rm.period_kind.empty() ? "period" : rm.period_kind;
  bool shared = rm.periods.size() >= 2 && !rm.periods.front().activities.empty() &&
                std::all_of(sigs.begin(), sigs.end(), [&](const auto &s) { return s == sigs[0]; });

  std::vector<int> essential;
  for (std::size_t i = 0; i < rm.periods.size(); ++i) {
    if (electives.count(static_cast<int>(i)) == 0) {
      essential.push_back(static_cast<int>(i));
    }
  }
  // Which choice each elective belongs to, so that a choice is said where its first option is.
  std::map<int, std::size_t> choice_of;
  for (std::size_t c = 0; c < rm.choices.size(); ++c) {
    for (const auto &ref : rm.choices[c].from) {
      if (int i = totals.period_index(ref.value); i >= 0 && choice_of.count(i) == 0) {
        choice_of[i] = c;
      }
    }
  }
  auto options_of = [&](std::size_t c) {
    std::vector<int> options;
    for (const auto &[i, owner] : choice_of) {
      if (owner == c) {
        options.push_back(i);
      }
    }
    return options;
  };

  if (shared) {
    const auto &acts = rm.periods.front().activities;
    if (acts.size() == 1 && electives.empty()) {
      // "Nine half-termly courses, six modules each; hours not published."
      const auto &a = acts.front();
      std::string length;
      if (rm.period_length && rm.period_length->value == 1) {
        length = g::every(rm.period_length->unit);
      }
      std::string what = a.count > 1 ? g::count_words(a.count) + " " + g::lower_first(a.title)
                                     : g::lower_first(a.title);
      std::string hours = a.hours.form == model::Hours::Form::not_published
                              ? "hours " + std::string(g::kNotPublished)
                              : g::hours(hours_of(a)) + " each";
      std::string heading = fmt::format(
          "{} {}{}, {} each; {}", g::count_words(static_cast<long long>(rm.periods.size()), true),
          length.empty() ? "" : length + " ", g::plural(kind), what, hours);
      PageSection s{3, heading, {}};
      if (!a.description.empty()) {
        s.blocks.emplace_back(PageParagraph{a.description});
      }
      s.blocks.push_back(period_rows(rm, essential, framework, "The " + g::plural(kind)));
      out.push_back(std::move(s));
    } else {
      PageSection s{3, "Every " + g::noun(kind) + " includes", {}};
      s.blocks.emplace_back(
          activity_table(pointers(acts), framework, "Activities in every " + g::noun(kind)));
      out.push_back(std::move(s));
      if (!essential.empty()) {
        PageSection e{3,
                      electives.empty() ? g::capitalise(g::plural(kind))
                                        : "Essential " + g::plural(kind),
                      {}};
        e.blocks.push_back(period_rows(rm, essential, framework, e.title));
        out.push_back(std::move(e));
      }
      for (std::size_t c = 0; c < rm.choices.size(); ++c) {
        PageSection s2{3, choice_label(rm.choices[c], rm), {}};
        s2.blocks.push_back(period_rows(rm, options_of(c), framework, s2.title));
        out.push_back(std::move(s2));
      }
    }
  } else {
    std::vector<bool> said(rm.choices.size(), false);
    for (std::size_t i = 0; i < rm.periods.size();) {
      int index = static_cast<int>(i);
      if (electives.count(index) != 0) {
        std::size_t c = choice_of.count(index) != 0 ? choice_of[index] : 0;
        if (!said[c]) {
          said[c] = true;
          out.push_back(PageSection{3, choice_label(rm.choices[c], rm), {}});
          for (int option : options_of(c)) {
            PageSection s{4, rm.periods[static_cast<std::size_t>(option)].title, {}};
            period_blocks(s.blocks, rm, {option}, framework, s.title);
            out.push_back(std::move(s));
          }
        }
        ++i;
        continue;
      }
      std::vector<int> run{index};
      while (!has_own_content(rm.periods[i]) && i + run.size() < rm.periods.size()) {
        std::size_t k = i + run.size();
        if (electives.count(static_cast<int>(k)) != 0 || sigs[k] != sigs[i] ||
            has_own_content(rm.periods[k]) || rm.periods[k].activities.empty()) {
          break;
        }
        run.push_back(static_cast<int>(k));
      }
      PageSection s{3, joined_titles(rm, run), {}};
      period_blocks(s.blocks, rm, run, framework, s.title);
      out.push_back(std::move(s));
      i += run.size();
    }
  }
  if (!rm.throughout.empty()) {
    PageSection s{3, std::string(g::kThroughout), {}};
    s.blocks.emplace_back(
        PageParagraph{fmt::format("These run alongside every {}.", g::noun(kind))});
    s.blocks.emplace_back(
        activity_table(pointers(rm.throughout), framework,
                       std::string("Activities ") + g::lower_first(std::string(g::kThroughout))));
    out.push_back(std::move(s));
  }
  return out;
}

RouteMapPicture route_map_picture(const model::Programme &p, const analysis::Totals &totals,
                                  const analysis::Judgement &j, const std::string &total) {
  RouteMapPicture pic;
  const auto &rm = p.route_map;
  std::string kind = rm.period_kind.empty() ? "period" : rm.period_kind;
  pic.present = rm.present;
  pic.title = p.title;
  pic.total = total.empty() ? "" : "Total: " + total; // a short form, made by the page
  for (const auto &c : rm.choices) {
    pic.choices.push_back({choice_label(c, rm)});
  }
  for (std::size_t i = 0; i < rm.periods.size(); ++i) {
    const auto &period = rm.periods[i];
    MapBand band;
    band.title = period.title;
    band.hours =
        period.activities.empty()
            ? "no activities published"
            : band_hours(totals.within(static_cast<int>(i), analysis::Selector::all()).hours);
    // A figure the provider publishes for the whole period ("up to 50 hours a module").
    for (const auto &f : j.figures) {
      if (f.kind == analysis::Figure::Kind::per_period && f.category != nullptr &&
          f.category->kinds.empty() && f.category->activities.empty()) {
        for (const auto &part : f.parts) {
          if (part.period == static_cast<int>(i)) {
            band.hours += "; " + g::hours(f.published) + " as published";
          }
        }
      }
    }
    band.groups = groups(pointers(period.activities));
    for (std::size_t c = 0; c < rm.choices.size(); ++c) {
      for (const auto &ref : rm.choices[c].from) {
        if (band.choice < 0 && ref.value == period.id) {
          band.choice = static_cast<int>(c);
        }
      }
    }
    pic.bands.push_back(std::move(band));
  }
  if (!rm.throughout.empty()) {
    MapBand band;
    band.title = std::string(g::kThroughout);
    band.note = fmt::format("Alongside every {}", g::noun(kind));
    band.hours = band_hours(totals.throughout(analysis::Selector::all()).hours);
    band.groups = groups(pointers(rm.throughout));
    pic.throughout = std::move(band);
  }
  pic.description = fmt::format(
      "The route map of {}: {} {}{}, each with its activities grouped by kind and their hours{}.",
      p.title, g::count_words(static_cast<long long>(rm.periods.size())),
      rm.periods.size() == 1 ? g::noun(kind) : g::plural(kind),
      rm.choices.empty() ? ""
                         : " (" +
                               join(
                                   [&] {
                                     std::vector<std::string> labels;
                                     for (const auto &c : pic.choices) {
                                       labels.push_back(g::lower_first(c.label));
                                     }
                                     return labels;
                                   }(),
                                   "; ") +
                               ")",
      rm.throughout.empty() ? "" : ", and the activities that run throughout the programme");
  return pic;
}

} // namespace npq::report::parts
