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
std::pair<std::string, std::string> item(const model::Activity &a, const model::DocumentInfo &doc) {
  std::string h = g::activity_hours(a);
  if (a.hours.form != model::Hours::Form::not_published) {
    h = a.count == 1 ? g::hours(a.hours) : fmt::format("{} × {}", a.count, g::hours(a.hours));
  } else {
    h = a.count == 1 ? "hours " + std::string(g::kNotPublished)
                     : fmt::format("{} times, hours {}", a.count, g::kNotPublished);
  }
  return {a.title, h + (hours_inferred(a, doc) ? " (inferred)" : "")};
}

std::vector<MapGroup> groups(const std::vector<const model::Activity *> &activities,
                             const model::DocumentInfo &doc) {
  std::vector<MapGroup> out;
  for (auto family : g::kFamilies) {
    MapGroup group;
    group.family = static_cast<int>(family);
    group.label = std::string(g::family_label(family));
    Interval sum;
    std::vector<const model::Activity *> members;
    for (const auto *a : activities) {
      if (g::family_of(a->kind) == family) {
        sum += hours_of(*a);
        group.items.push_back(item(*a, doc));
        members.push_back(a);
      }
    }
    if (!group.items.empty()) {
      group.hours = sum.unpublished > 0 && sum.low == 0 ? "hours " + std::string(g::kNotPublished)
                                                        : g::hours(sum);
      group.hours += inferred_part(members, doc);
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
void period_rows(std::vector<PageBlock> &blocks, const model::Programme &programme,
                 const std::vector<int> &indices, const model::Framework *framework,
                 const std::string &caption) {
  const auto &rm = programme.route_map;
  PageTable t;
  t.caption = caption;
  t.columns = {g::capitalise(g::noun(rm.period_kind.empty() ? "period" : rm.period_kind)),
               "Framework areas", "About it", "Topics"};
  Inferences inferences{&programme.doc, {}};
  for (int i : indices) {
    const auto &p = rm.periods[static_cast<std::size_t>(i)];
    const std::string &at = p.loc.pointer;
    t.rows.push_back(
        {inferences.mark(p.title, at + "/title", p.title + ", its name"),
         inferences.mark(covers(p.covers, framework), at + "/covers",
                         p.title + ", framework areas"),
         inferences.mark(g::capitalise(p.description), at + "/description", p.title + ", about it"),
         inferences.mark(g::capitalise(join(p.topics, "; ")), at + "/topics",
                         p.title + ", topics")});
  }
  drop_empty_columns(t, false);
  if (t.columns.size() > 1) {
    blocks.emplace_back(std::move(t));
    inferences.add_notes(blocks);
    return;
  }
  PageList list;
  for (int i : indices) {
    const auto &p = rm.periods[static_cast<std::size_t>(i)];
    list.items.push_back({marked(programme.doc, p.title, p.loc.pointer + "/title")});
  }
  blocks.emplace_back(std::move(list));
}

// One period (or a run of identical ones): what it is about, then its activities.
void period_blocks(std::vector<PageBlock> &blocks, const model::Programme &programme,
                   const std::vector<int> &run, const model::Framework *framework,
                   const std::string &title) {
  const auto &p = programme.route_map.periods[static_cast<std::size_t>(run.front())];
  const auto &doc = programme.doc;
  if (run.size() > 1) {
    blocks.emplace_back(PageParagraph{
        fmt::format("The same activities each {}.", g::noun(p.kind.empty() ? "period" : p.kind))});
  }
  if (!p.description.empty()) {
    blocks.emplace_back(PageParagraph{marked(doc, p.description, p.loc.pointer + "/description")});
  }
  if (auto c = covers(p.covers, framework); !c.empty()) {
    blocks.emplace_back(
        PageParagraph{marked(doc, "Framework areas: " + c, p.loc.pointer + "/covers")});
  }
  if (!p.topics.empty()) {
    PageList topics;
    for (std::size_t k = 0; k < p.topics.size(); ++k) {
      topics.items.push_back(
          {marked(doc, p.topics[k], p.loc.pointer + "/topics/" + std::to_string(k))});
    }
    blocks.emplace_back(std::move(topics));
  }
  if (!p.activities.empty()) {
    Inferences inferences{&doc, {}};
    blocks.emplace_back(
        activity_table(pointers(p.activities), framework, "Activities in " + title, inferences));
    inferences.add_notes(blocks);
  } else {
    blocks.emplace_back(PageParagraph{"No activities are published for this " +
                                      g::noun(p.kind.empty() ? "period" : p.kind) + "."});
  }
}

// A slot outside the periods (before, throughout, after): what it is, then its activities.
PageSection slot_section(const model::Programme &programme,
                         const std::vector<model::Activity> &activities, std::string_view title,
                         std::string sentence, const model::Framework *framework) {
  PageSection s{3, std::string(title), {}};
  s.blocks.emplace_back(PageParagraph{std::move(sentence)});
  Inferences inferences{&programme.doc, {}};
  s.blocks.emplace_back(activity_table(pointers(activities), framework,
                                       "Activities " + g::lower_first(std::string(title)),
                                       inferences));
  inferences.add_notes(s.blocks);
  return s;
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
                         const model::Framework *framework, const std::string &caption,
                         Inferences &inferences) {
  PageTable t;
  t.caption = caption;
  t.columns = {"Activity", "About it", "Hours", "How", "Framework areas"};
  t.numeric = {false, false, true, false, false};
  for (const auto *a : activities) {
    const std::string &at = a->loc.pointer;
    std::string hours = g::activity_hours(*a);
    std::string marked_hours = inferences.mark(hours, at + "/hours", a->title + ", hours");
    if (marked_hours == hours) {
      marked_hours = inferences.mark(hours, at + "/count", a->title + ", how many");
    }
    t.rows.push_back(
        {inferences.mark(a->title, at + "/title", a->title + ", its name"),
         inferences.mark(g::capitalise(a->description), at + "/description",
                         a->title + ", about it"),
         marked_hours,
         inferences.mark(g::delivery(a->delivery), at + "/delivery", a->title + ", how"),
         inferences.mark(covers(a->covers, framework), at + "/covers",
                         a->title + ", framework areas")});
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

  if (!rm.before.empty()) {
    out.push_back(slot_section(p, rm.before, kBefore,
                               fmt::format("These come before the first {}.", g::noun(kind)),
                               framework));
  }
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
      hours += hours_inferred(a, p.doc) ? " (inferred)" : "";
      std::string heading = fmt::format(
          "{} {}{}, {} each; {}", g::count_words(static_cast<long long>(rm.periods.size()), true),
          length.empty() ? "" : length + " ", g::plural(kind), what, hours);
      PageSection s{3, heading, {}};
      if (!a.description.empty()) {
        s.blocks.emplace_back(PageParagraph{a.description});
      }
      period_rows(s.blocks, p, essential, framework, "The " + g::plural(kind));
      out.push_back(std::move(s));
    } else {
      PageSection s{3, "Every " + g::noun(kind) + " includes", {}};
      Inferences inferences{&p.doc, {}};
      s.blocks.emplace_back(activity_table(pointers(acts), framework,
                                           "Activities in every " + g::noun(kind), inferences));
      inferences.add_notes(s.blocks);
      out.push_back(std::move(s));
      if (!essential.empty()) {
        PageSection e{3,
                      electives.empty() ? g::capitalise(g::plural(kind))
                                        : "Essential " + g::plural(kind),
                      {}};
        period_rows(e.blocks, p, essential, framework, e.title);
        out.push_back(std::move(e));
      }
      for (std::size_t c = 0; c < rm.choices.size(); ++c) {
        PageSection s2{3, choice_label(rm.choices[c], rm), {}};
        period_rows(s2.blocks, p, options_of(c), framework, s2.title);
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
            period_blocks(s.blocks, p, {option}, framework, s.title);
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
      period_blocks(s.blocks, p, run, framework, s.title);
      out.push_back(std::move(s));
      i += run.size();
    }
  }
  if (!rm.throughout.empty()) {
    out.push_back(slot_section(p, rm.throughout, g::kThroughout,
                               fmt::format("These run alongside every {}.", g::noun(kind)),
                               framework));
  }
  if (!rm.after.empty()) {
    out.push_back(slot_section(p, rm.after, kAfter,
                               fmt::format("These come after the last {}.", g::noun(kind)),
                               framework));
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
            band.hours += "; " + g::hours(f.published) + " " + figure_words(f, p);
          }
        }
      }
    }
    band.hours += inferred_part(pointers(period.activities), p.doc);
    band.groups = groups(pointers(period.activities), p.doc);
    for (std::size_t c = 0; c < rm.choices.size(); ++c) {
      for (const auto &ref : rm.choices[c].from) {
        if (band.choice < 0 && ref.value == period.id) {
          band.choice = static_cast<int>(c);
        }
      }
    }
    pic.bands.push_back(std::move(band));
  }
  // The slots outside the periods, each counted whole (analysis::Totals).
  auto slot = [&](const std::vector<model::Activity> &activities, std::string_view title,
                  std::string note, const analysis::Total &sum) {
    MapBand band;
    band.title = std::string(title);
    band.note = std::move(note);
    band.hours = band_hours(sum.hours) + inferred_part(pointers(activities), p.doc);
    band.groups = groups(pointers(activities), p.doc);
    return band;
  };
  auto all = analysis::Selector::all();
  if (!rm.throughout.empty()) {
    pic.throughout = slot(rm.throughout, g::kThroughout,
                          fmt::format("Alongside every {}", g::noun(kind)), totals.throughout(all));
  }
  if (!rm.before.empty()) {
    pic.before = slot(rm.before, kBefore, fmt::format("Before the first {}", g::noun(kind)),
                      totals.outside(model::kBefore, all));
  }
  if (!rm.after.empty()) {
    pic.after = slot(rm.after, kAfter, fmt::format("After the last {}", g::noun(kind)),
                     totals.outside(model::kAfter, all));
  }
  // "…, and what comes before the programme starts, the activities that run throughout the
  // programme and what comes after it".
  std::vector<std::string> others;
  if (!rm.before.empty()) {
    others.emplace_back("what comes before the programme starts");
  }
  if (!rm.throughout.empty()) {
    others.emplace_back("the activities that run throughout the programme");
  }
  if (!rm.after.empty()) {
    others.emplace_back("what comes after the taught programme");
  }
  std::string rest;
  for (std::size_t k = 0; k < others.size(); ++k) {
    rest += (k == 0 ? ", and " : k + 1 == others.size() ? " and " : ", ") + others[k];
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
      rest);
  return pic;
}

} // namespace npq::report::parts
