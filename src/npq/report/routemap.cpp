#include "npq/report/routemap.hpp"

#include "npq/analysis/totals.hpp"
#include "npq/report/glossary.hpp"
#include "npq/report/page.hpp"
#include "npq/report/page_parts.hpp"
#include "npq/report/page_render.hpp"
#include "npq/report/profile.hpp"

#include <fmt/format.h>

namespace npq::report {

namespace {

namespace g = glossary;

// "'Audit before start of the programme' in total", "the programme total".
std::string figure_name(const analysis::Figure &f) {
  if (f.category == nullptr) {
    return f.kind == analysis::Figure::Kind::period_count ? "the number of periods"
                                                          : "the programme total";
  }
  std::string what = "'" + f.category->label + "'";
  switch (f.kind) {
  case analysis::Figure::Kind::per_period:
    return what + " in each period";
  case analysis::Figure::Kind::count:
  case analysis::Figure::Kind::count_per_period:
    return "the number of '" + f.category->label + "'";
  case analysis::Figure::Kind::each:
    return what + ", each session";
  case analysis::Figure::Kind::days:
    return what + " in days";
  default:
    return what + " in total";
  }
}

std::string figure_value(const analysis::Figure &f, const analysis::Interval &i) {
  bool counted = f.kind == analysis::Figure::Kind::count ||
                 f.kind == analysis::Figure::Kind::count_per_period ||
                 f.kind == analysis::Figure::Kind::period_count;
  return counted ? g::hours(i, false) : g::hours(i);
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
    std::string rm = f.counts_nothing
                         ? "the route map has no activity it counts"
                         : "the route map gives " + figure_value(f, f.parts.front().route_map);
    if (f.parts.size() > 1 && !f.counts_nothing) {
      rm = "not in every period";
      for (const auto &part : f.parts) {
        if (part.verdict == analysis::Verdict::contradicted && part.period >= 0) {
          rm = fmt::format("{} gives {}",
                           p.route_map.periods[static_cast<std::size_t>(part.period)].title,
                           figure_value(f, part.route_map));
          break;
        }
      }
    }
    bool read = !parts::figure_inferred(f, p);
    out.push_back(fmt::format("{} is {} as {}, but {}", g::capitalise(figure_name(f)),
                              read ? "published" : "inferred (not published)",
                              figure_value(f, f.published), rm));
  }
  for (const auto &c : j.conflicts) {
    std::vector<std::string> names;
    for (std::size_t i : c.figures) {
      const auto &f = j.figures[i];
      names.push_back(fmt::format("{} ({}{})", figure_name(f), figure_value(f, f.published),
                                  parts::figure_inferred(f, p) ? ", inferred" : ""));
    }
    out.push_back(fmt::format("These published figures cannot all be true: {}", join(names, "; ")));
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
    // "75 hours as published", or "inferred, not published" when the encoder concluded it.
    std::string published = g::hours(f.published) + " " + parts::figure_words(f, p);
    switch (f.verdict) {
    case Verdict::confirmed:
      return published + ", which the route map confirms" +
             (f.cancels.empty() ? "" : "; but " + f.cancels);
    case Verdict::open:
      return published + "; this " + f.condition + (f.cancels.empty() ? "" : "; " + f.cancels);
    case Verdict::unverifiable:
      return published + "; the route map cannot confirm it";
    case Verdict::contradicted:
      return published + "; this contradicts the route map, which gives " +
             g::hours(f.parts.front().route_map);
    }
  }
  // No published total: the sum of the route map, or of the published figures, said as such.
  auto t = totals.programme(analysis::Selector::all());
  // Route map hours the encoder inferred make the sum partly (or wholly) inferred, and it says so.
  std::string inferred = parts::inferred_part(t, p.doc);
  if (p.route_map.present && t.hours.unpublished == 0) {
    return g::hours(t.hours) + ", the sum of the route map" + inferred;
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
                       g::hours(analysis::Interval::exact(sum)), join(parts, " + "));
  }
  if (!p.route_map.present) {
    return {};
  }
  std::string least = t.hours.low > 0
                          ? fmt::format("at least {}{}", t.hours.approximate ? "about " : "",
                                        g::hours(analysis::Interval::exact(t.hours.low)))
                          : std::string("not published");
  if (!j.route_map_alone && j.programme.bounded()) {
    least += fmt::format(" and at most {} by the published figures",
                         g::hours(analysis::Interval::exact(j.programme.high)));
  }
  return fmt::format("{}{}; the hours of {} activit{} are not published", least, inferred,
                     t.hours.unpublished, t.hours.unpublished == 1 ? "y" : "ies");
}

std::string render_routemap(const model::Programme &p, const ReferenceData &data,
                            const RouteMapOptions &options, std::vector<std::string> *missing) {
  PageOptions po;
  po.allow_contradictions = options.allow_contradictions;
  po.figures = options.figures;
  Page page = build_page(p, data, po);
  RenderOptions ro{options.mermaid, options.front_matter, options.standalone, options.flags};
  switch (options.format) {
  case PageFormat::markdown:
    break;
  case PageFormat::html:
    return page_html(page, ro);
  case PageFormat::svg:
    return page_svg(page);
  case PageFormat::jsonld:
    return page_jsonld(page, missing);
  }
  return page_markdown(page, ro);
}

std::string render_routemap(const model::Suite &s, const ReferenceData &data,
                            const RouteMapOptions &options) {
  PageOptions po;
  po.link_extension = options.format == PageFormat::html ? "html" : "md";
  Page page = build_page(s, data, po);
  RenderOptions ro{false, options.front_matter, options.standalone, options.flags};
  return options.format == PageFormat::html ? page_html(page, ro) : page_markdown(page, ro);
}

} // namespace npq::report
