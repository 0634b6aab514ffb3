// The route map page: a GFM Markdown page for a provider's website, generated from a programme
// (or a suite), with an optional Mermaid picture of the route map.
#pragma once

#include "npq/analysis/figures.hpp"
#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <vector>

namespace npq::report {

/// The formats of the route map page; all are written from one page model (page.hpp).
enum class PageFormat { markdown, html, svg, jsonld };

struct RouteMapOptions {
  PageFormat format = PageFormat::markdown;
  bool mermaid = false;      ///< Markdown: add a Mermaid picture of the route map
  bool front_matter = false; ///< Markdown, HTML: YAML front matter (title, description, npq's)
  bool standalone = false;   ///< HTML: a whole page rather than a fragment
  /// Write the page although published figures contradict each other or the route map; each
  /// contradiction is then shown on the page, beside the figures concerned.
  bool allow_contradictions = false;
  analysis::FigureOptions figures;
  std::vector<std::string> flags; ///< the command's flags, recorded in the front matter
};

/// The programme's contradicted figures and conflicting sets, one sentence each: a page must not
/// be published with these unless the provider says so (--allow-contradictions).
std::vector<std::string> contradictions(const model::Programme &programme,
                                        const analysis::FigureOptions &options = {});

/// What the page says the programme's total is, never passing off a computed or open figure as
/// published: "75 hours as published; this holds only if …", "60 hours, the sum of the published
/// figures (20 + 30 + 10)", "at least 50 hours; the hours of 6 activities are not published".
std::string total_statement(const model::Programme &programme,
                            const analysis::FigureOptions &options = {});

/// The page in the requested format. `missing` (JSON-LD) receives the properties Google requires
/// that the programme does not publish.
std::string render_routemap(const model::Programme &programme, const ReferenceData &data,
                            const RouteMapOptions &options,
                            std::vector<std::string> *missing = nullptr);
/// A suite's page (Markdown or HTML), linking its members' pages.
std::string render_routemap(const model::Suite &suite, const ReferenceData &data,
                            const RouteMapOptions &options);

/// Text made safe for a Mermaid timeline label: white space collapsed, and only the characters
/// Mermaid's grammar gives a meaning (':', ';', '#', '%', '<', '>', '&', '`', a leading keyword)
/// written as '#<code>;'.
std::string mermaid_text(std::string_view text);

} // namespace npq::report
