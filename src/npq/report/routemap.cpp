#include "npq/report/routemap.hpp"

#include "npq/analysis/totals.hpp"
#include "npq/markup/markdown.hpp"
#include "npq/report/labels.hpp"
#include "npq/report/profile.hpp"
#include "npq/text/utf8.hpp"

#include <fmt/format.h>

namespace npq::report {

namespace {

using markup::md;

std::string covers_text(const model::Coverage &c, const model::Framework *framework) {
  if (!c.present) {
    return {};
  }
  if (c.all) {
    return "the whole framework (general claim)";
  }
  std::vector<std::string> titles;
  for (const auto &a : c.areas) {
    const model::Area *area = framework != nullptr ? framework->find_area(a.value) : nullptr;
    titles.push_back(area != nullptr ? area->title : a.value);
  }
  return join(titles, "; ");
}

void activity_table(std::string &out, const std::vector<model::Activity> &activities,
                    const model::Framework *framework) {
  markup::MarkdownTable t;
  t.header = {"Activity", "Kind", "Delivery", "Hours", "Covers"};
  t.right_aligned = {false, false, false, true, false};
  for (const auto &a : activities) {
    std::string title = a.title;
    if (!a.description.empty()) {
      title += ": " + a.description;
    }
    t.rows.push_back({title, label(a.kind), describe_delivery(a.delivery), describe_hours(a),
                      covers_text(a.covers, framework)});
  }
  out += t.str() + "\n";
}

std::string assessment_rows(const model::Assessment &a, const model::Framework *framework,
                            markup::MarkdownTable &t) {
  if (!a.kind.empty()) {
    t.rows.push_back({"Kind", label(a.kind)});
  }
  if (!a.description.empty()) {
    t.rows.push_back({"What it is", a.description});
  }
  if (a.window) {
    t.rows.push_back({"Window", model::to_string(*a.window) +
                                    (a.open_book && *a.open_book ? ", open book" : "")});
  }
  if (!a.timing_starts.empty()) {
    t.rows.push_back(
        {"When", label(a.timing_starts) +
                     (a.timing_within ? ", within " + model::to_string(*a.timing_within) : "")});
  }
  if (a.engagement_threshold) {
    t.rows.push_back(
        {"Engagement needed", fmt::format("{} %", analysis::number(*a.engagement_threshold))});
  }
  if (a.word_limit) {
    t.rows.push_back({"Word limit", std::to_string(*a.word_limit)});
  }
  for (const auto &part : a.parts) {
    t.rows.push_back({part.title.empty() ? part.id : part.title,
                      join({part.description, covers_text(part.assesses, framework)}, " — ")});
  }
  if (!a.assessor.empty()) {
    t.rows.push_back({"Assessed by", a.assessor});
  }
  return {};
}

std::string plural_hours(const std::string &figure) {
  return figure + (figure == "1" ? " hour" : " hours");
}

} // namespace

std::vector<std::string> contradictions(const model::Programme &p,
                                        const analysis::FigureOptions &options) {
  std::vector<std::string> out;
  if (!p.summary.present) {
    return out;
  }
  analysis::Totals totals(p);
  auto j = analysis::judge(p, totals, options);
  for (const auto &f : j.figures) {
    if (f.verdict != analysis::Verdict::contradicted) {
      continue;
    }
    std::string rm = f.counts_nothing ? "the route map has no activity it counts"
                                      : "the route map gives " + f.parts.front().route_map.str();
    if (f.parts.size() > 1 && !f.counts_nothing) {
      rm = "not in every period";
      for (const auto &part : f.parts) {
        if (part.verdict == analysis::Verdict::contradicted && part.period >= 0) {
          rm = fmt::format("{} gives {}",
                           p.route_map.periods[static_cast<std::size_t>(part.period)].title,
                           part.route_map.str());
          break;
        }
      }
    }
    out.push_back(
        fmt::format("{} is published as {}, but {}", analysis::describe(f), f.published.str(), rm));
  }
  for (const auto &c : j.conflicts) {
    std::vector<std::string> names;
    for (std::size_t i : c.figures) {
      names.push_back(
          fmt::format("{} ({})", analysis::describe(j.figures[i]), j.figures[i].published.str()));
    }
    out.push_back(fmt::format("these published figures cannot all be true: {}", join(names, "; ")));
  }
  return out;
}

std::string total_statement(const model::Programme &p, const analysis::FigureOptions &options) {
  using analysis::Verdict;
  analysis::Totals totals(p);
  auto j = analysis::judge(p, totals, options);
  for (const auto &f : j.figures) {
    if (f.kind != analysis::Figure::Kind::programme_total) {
      continue;
    }
    std::string published = plural_hours(f.published.str()) + " as published";
    switch (f.verdict) {
    case Verdict::confirmed:
      return published + ", confirmed" + (f.cancels.empty() ? "" : "; but " + f.cancels);
    case Verdict::open:
      return published + "; this " + f.condition + (f.cancels.empty() ? "" : "; " + f.cancels);
    case Verdict::unverifiable:
      return published + "; the route map cannot confirm it";
    case Verdict::contradicted:
      return published + "; this contradicts the route map, which gives " +
             plural_hours(f.parts.front().route_map.str());
    }
  }
  // No published total: the sum of the route map, or of the published figures, said as such.
  auto t = totals.programme(analysis::Selector::all());
  if (p.route_map.present && t.hours.unpublished == 0) {
    return plural_hours(t.hours.str()) + ", the sum of the route map";
  }
  std::vector<std::string> parts;
  bool all_totals = !p.summary.categories.empty();
  double sum = 0;
  for (const auto &f : j.figures) {
    if (f.kind == analysis::Figure::Kind::total && f.published.low == f.published.high &&
        !f.published.approximate) {
      parts.push_back(f.published.str());
      sum += f.published.low;
    }
  }
  for (const auto &c : p.summary.categories) {
    all_totals = all_totals && c.total_hours && c.periods.empty();
  }
  if (all_totals && !parts.empty() && parts.size() == p.summary.categories.size() &&
      !j.route_map_alone) {
    return fmt::format("{}, the sum of the published figures ({})",
                       plural_hours(analysis::number(sum)), join(parts, " + "));
  }
  if (!p.route_map.present) {
    return {};
  }
  std::string least = t.hours.low > 0
                          ? fmt::format("at least {}{}", t.hours.approximate ? "about " : "",
                                        plural_hours(analysis::number(t.hours.low)))
                          : std::string("not published");
  if (!j.route_map_alone && j.programme.bounded()) {
    least += fmt::format(" and at most {} by the published figures",
                         plural_hours(analysis::number(j.programme.high)));
  }
  return fmt::format("{}; the hours of {} activit{} are not published", least, t.hours.unpublished,
                     t.hours.unpublished == 1 ? "y" : "ies");
}

std::string mermaid_text(std::string_view text) {
  // The rule tests/mermaid verified in the real renderer (Mermaid 10 and 11): collapse white
  // space, drop control characters, and write the first character and every character that is
  // not an ASCII letter, digit or space as '#<code point>;'. Mermaid decodes these after
  // parsing, so no label can be read as syntax (':', '#', '%%', keywords such as 'section').
  std::string clean;
  std::size_t i = 0;
  bool space = false;
  while (i < text.size()) {
    std::size_t start = i;
    std::uint32_t cp = utf8::next(text, i);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C ||
        cp == 0x85 || cp == 0xA0 || cp == 0x2028 || cp == 0x2029) {
      space = !clean.empty();
      continue;
    }
    if (utf8::is_unsafe_for_display(cp)) {
      continue; // control and bidirectional characters
    }
    if (space) {
      clean += ' ';
      space = false;
    }
    clean.append(text.substr(start, i - start));
  }
  if (clean.empty()) {
    return "#8203;";
  }
  std::string out;
  i = 0;
  bool first = true;
  while (i < clean.size()) {
    std::size_t start = i;
    std::uint32_t cp = utf8::next(clean, i);
    bool plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
                 cp == ' ';
    if (first || !plain) {
      out += fmt::format("#{};", cp);
    } else {
      out.append(clean.substr(start, i - start));
    }
    first = false;
  }
  return out;
}

std::string mermaid_timeline(const model::Programme &p) {
  std::string out = "```mermaid\ntimeline\n";
  out += "    title " + mermaid_text(p.title) + "\n";
  for (const auto &period : p.route_map.periods) {
    out += "    section " + mermaid_text(period.title) + "\n";
    if (period.activities.empty()) {
      out += "        " + mermaid_text("no activities published") + "\n";
    }
    for (const auto &a : period.activities) {
      out += "        " + mermaid_text(fmt::format("{} ({})", a.title, describe_hours(a))) + "\n";
    }
  }
  if (!p.route_map.throughout.empty()) {
    out += "    section Throughout\n";
    for (const auto &a : p.route_map.throughout) {
      out += "        " + mermaid_text(fmt::format("{} ({})", a.title, describe_hours(a))) + "\n";
    }
  }
  out += "```\n";
  return out;
}

std::string render_routemap(const model::Programme &p, const ReferenceData &data,
                            const RouteMapOptions &options) {
  const model::Framework *framework = p.framework ? data.framework(p.framework->value) : nullptr;
  const model::Qualification *q = data.qualification(p.qualification.value);
  std::string out = fmt::format("# {}\n\n", md(p.title));
  if (!p.description.empty()) {
    out += md(p.description, 2000) + "\n\n";
  }
  markup::MarkdownTable facts;
  facts.header = {"", ""};
  std::string qualification = p.qualification.value;
  if (q != nullptr) {
    qualification += " — " + q->name;
    if (!q->identifier.empty()) {
      qualification += " (DfE course " + q->identifier + ")";
    }
  }
  facts.rows.push_back({"Qualification", qualification});
  facts.rows.push_back({"Provider", p.provider.empty() ? "not named by the source" : p.provider});
  if (!p.delivery_partner.empty()) {
    facts.rows.push_back({"Delivery partner", p.delivery_partner});
  }
  if (framework != nullptr) {
    facts.rows.push_back({"Framework", join({framework->title, framework->reference}, ", ")});
  }
  if (auto d = describe_duration(p.duration); !d.empty()) {
    facts.rows.push_back({"Duration", d});
  }
  std::vector<std::string> starts;
  for (const auto &s : p.starts) {
    starts.push_back(s.label.empty() ? s.date.value : s.label);
  }
  if (!starts.empty()) {
    facts.rows.push_back({"Starts", join(starts, "; ")});
  }
  if (p.audience.present) {
    std::vector<std::string> roles;
    for (const auto &r : p.audience.roles) {
      roles.push_back(role_label(data, r.value));
    }
    facts.rows.push_back(
        {"Who it is for", join({p.audience.description, join(roles, ", ")}, " Roles: ")});
  }
  if (!p.funding.empty()) {
    std::vector<std::string> lines;
    for (const auto &f : p.funding) {
      lines.push_back(describe_funding(f, data));
    }
    facts.rows.push_back({"Cost and funding", join(lines, "; ")});
  }
  if (auto total = total_statement(p, options.figures); !total.empty()) {
    facts.rows.push_back({"Total hours", total});
  }
  facts.rows.push_back({"Source", join({p.source.title, p.source.url, p.source.published}, ", ")});
  out += facts.str() + "\n";
  if (options.allow_contradictions) {
    // Published anyway, at the provider's request: the contradictions are on the page.
    auto found = contradictions(p, options.figures);
    if (!found.empty()) {
      out += "## Figures that do not agree\n\n";
      for (const auto &c : found) {
        out += "- " + md(c, 2000) + "\n";
      }
      out += "\n";
    }
  }

  if (p.route_map.present) {
    out += "## Route map\n\n";
    if (options.mermaid) {
      out += mermaid_timeline(p) + "\n";
    }
    analysis::Totals totals(p);
    for (std::size_t i = 0; i < p.route_map.periods.size(); ++i) {
      const auto &period = p.route_map.periods[i];
      bool elective = totals.electives().count(static_cast<int>(i)) != 0;
      out += fmt::format("### {}{}\n\n", md(period.title), elective ? " (elective)" : "");
      if (!period.description.empty()) {
        out += md(period.description, 2000) + "\n\n";
      }
      if (auto c = covers_text(period.covers, framework); !c.empty()) {
        out += "Covers: " + md(c) + "\n\n";
      }
      for (const auto &topic : period.topics) {
        out += "- " + md(topic) + "\n";
      }
      if (!period.topics.empty()) {
        out += "\n";
      }
      if (!period.activities.empty()) {
        activity_table(out, period.activities, framework);
        out += fmt::format(
            "Hours in this period: {}\n\n",
            md(totals.within(static_cast<int>(i), analysis::Selector::all()).hours.str()));
      }
    }
    if (!p.route_map.throughout.empty()) {
      out += "### Throughout the programme\n\n";
      activity_table(out, p.route_map.throughout, framework);
    }
    if (!p.route_map.before.empty()) {
      out += "### Before the programme starts\n\n";
      activity_table(out, p.route_map.before, framework);
    }
    if (!p.route_map.after.empty()) {
      out += "### After the taught programme\n\n";
      activity_table(out, p.route_map.after, framework);
    }
    for (const auto &c : p.route_map.choices) {
      std::vector<std::string> names;
      for (const auto &ref : c.from) {
        int index = totals.period_index(ref.value);
        names.push_back(index >= 0 ? p.route_map.periods[static_cast<std::size_t>(index)].title
                                   : ref.value);
      }
      out += fmt::format("Choose {} of: {}.\n\n", c.choose, md(join(names, "; ")));
    }
  }
  if (!p.topics.empty()) {
    out += "## What you will learn\n\n";
    for (const auto &t : p.topics) {
      std::string line = join({t.title, t.description}, ": ");
      std::string covers = covers_text(t.covers, framework);
      if (covers == t.title) {
        covers.clear(); // "Teaching (Teaching)" says nothing twice
      }
      out += "- " + md(line, 2000) + (covers.empty() ? "" : " (" + md(covers) + ")") + "\n";
    }
    out += "\n";
  }
  if (!p.behaviours.empty()) {
    out += "## Leadership behaviours\n\n";
    for (const auto &b : p.behaviours) {
      out += "- " + md(join({b.title.empty() ? b.id.value : b.title, b.description}, ": "), 2000) +
             "\n";
    }
    out += "\n";
  }
  if (p.assessment.present) {
    markup::MarkdownTable a;
    a.header = {"", ""};
    assessment_rows(p.assessment, framework, a);
    out += "## Assessment\n\n" + a.str() + "\n";
  }
  out += fmt::format("Generated by npq from {}; do not edit by hand.\n", md(p.doc.file));
  return out;
}

std::string render_routemap(const model::Suite &s, const ReferenceData &data,
                            const RouteMapOptions &) {
  std::string out = fmt::format("# {}\n\n", md(s.title));
  if (!s.description.empty()) {
    out += md(s.description, 2000) + "\n\n";
  }
  markup::MarkdownTable facts;
  facts.header = {"", ""};
  facts.rows.push_back({"Provider", s.provider});
  if (!s.delivery_partner.empty()) {
    facts.rows.push_back({"Delivery partner", s.delivery_partner});
  }
  if (auto d = describe_duration(s.common_duration); !d.empty()) {
    facts.rows.push_back({"Duration", d});
  }
  std::vector<std::string> lines;
  for (const auto &f : s.common_funding) {
    lines.push_back(describe_funding(f, data));
  }
  if (!lines.empty()) {
    facts.rows.push_back({"Cost and funding", join(lines, "; ")});
  }
  facts.rows.push_back({"Source", join({s.source.title, s.source.url, s.source.published}, ", ")});
  out += facts.str() + "\n";
  for (const auto &g : s.groups) {
    out += fmt::format("## {}\n\n", md(g.title));
    markup::MarkdownTable t;
    t.header = {"Qualification", "Who it is for", "Taught over"};
    for (const auto &m : g.members) {
      const auto *q = data.qualification(m.qualification.value);
      std::string name = m.title.empty() ? m.qualification.value : m.title;
      t.rows.push_back(
          {name, m.audience.description,
           q != nullptr && q->taught_months ? fmt::format("{} months", *q->taught_months) : ""});
    }
    out += t.str() + "\n";
  }
  if (!s.common_activities.empty()) {
    out += "## Every programme includes\n\n";
    activity_table(out, s.common_activities, nullptr);
  }
  if (s.common_assessment.present) {
    markup::MarkdownTable a;
    a.header = {"", ""};
    assessment_rows(s.common_assessment, nullptr, a);
    out += "## Assessment\n\n" + a.str() + "\n";
  }
  out += fmt::format("Generated by npq from {}; do not edit by hand.\n", md(s.doc.file));
  return out;
}

} // namespace npq::report
