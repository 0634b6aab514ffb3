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

/// A cell's or an item's pieces joined: `text(piece)` escapes a plain piece, `link(piece)` writes
/// one with a target. The spaces between pieces ("a, b") are kept, which escaping would trim.
template <typename Text, typename Link>
std::string join_pieces(const std::vector<PageText> &pieces, Text text, Link link) {
  std::string out;
  for (const auto &t : pieces) {
    out += !t.text.empty() && t.text.front() == ' ' ? " " : "";
    out += t.href.empty() ? text(t) : link(t);
    out += t.text.size() > 1 && t.text.back() == ' ' ? " " : "";
  }
  return out;
}

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
