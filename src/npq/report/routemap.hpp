// The route map page: a GFM Markdown page for a provider's website, generated from a programme
// (or a suite), with an optional Mermaid picture of the route map.
#pragma once

#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>

namespace npq::report {

struct RouteMapOptions {
  bool mermaid = false; ///< add a Mermaid timeline of the periods and their activities
};

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
