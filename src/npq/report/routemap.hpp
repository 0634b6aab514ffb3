// The route map page: a GFM Markdown page for a provider's website, generated from a programme
// (or a suite), with an optional Mermaid picture of the route map.
#pragma once

#include "npq/analysis/figures.hpp"
#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <vector>

namespace npq::report {

struct RouteMapOptions {
  bool mermaid = false; ///< add a Mermaid timeline of the periods and their activities
  /// Write the page although published figures contradict each other or the route map; each
  /// contradiction is then shown on the page, beside the figures concerned.
  bool allow_contradictions = false;
  analysis::FigureOptions figures;
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

std::string render_routemap(const model::Programme &programme, const ReferenceData &data,
                            const RouteMapOptions &options);
std::string render_routemap(const model::Suite &suite, const ReferenceData &data,
                            const RouteMapOptions &options);

/// The Mermaid block alone (used by the route map page).
std::string mermaid_timeline(const model::Programme &programme);

/// Text made safe for a Mermaid label: characters that Mermaid's grammar gives a meaning
/// (':', ';', '#', quotes, brackets, ...) become entity codes, line breaks become spaces.
std::string mermaid_text(std::string_view text);

} // namespace npq::report
