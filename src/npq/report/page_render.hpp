// The renderers of the page model (page.hpp), one per format. Each escapes by its own rules and
// adds no words of its own beyond markup: what the page says comes from the model.
#pragma once

#include "npq/report/page.hpp"

#include <string>

namespace npq::report {

struct RenderOptions {
  bool mermaid = false;             ///< Markdown: a Mermaid picture of the route map
  bool front_matter = false;        ///< Markdown and HTML: YAML front matter for site generators
  bool standalone = false;          ///< HTML: a whole page, with the schema.org data in its head
  std::vector<std::string> options; ///< the flags the page was made with, for the front matter
};

std::string page_markdown(const Page &page, const RenderOptions &options);
std::string page_html(const Page &page, const RenderOptions &options);
/// A standalone SVG picture of the route map (one band per period).
std::string page_svg(const Page &page);
/// schema.org Course as JSON-LD. `missing` receives the properties Google requires that the
/// programme does not publish (they are left out, never made up).
std::string page_jsonld(const Page &page, std::vector<std::string> *missing = nullptr);
/// The ```mermaid block: periods with their activities grouped by kind.
std::string page_mermaid(const Page &page);

/// The YAML front matter: title, description, and what npq needs to check the page.
std::string front_matter(const Page &page, const std::string &format,
                         const std::vector<std::string> &options);
/// The footer every format that has comments carries.
std::string footer_text(const Page &page);

} // namespace npq::report
