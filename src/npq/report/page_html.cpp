// The page as HTML for sites that run a CMS: a fragment with no script (headings, lists, semantic
// tables with <caption> and scope, the route map picture as inline SVG), or with --standalone a
// whole page whose head carries the schema.org data, the only script npq ever writes.
#include "npq/markup/html.hpp"
#include "npq/report/page_render.hpp"

#include <fmt/format.h>

namespace npq::report {

namespace {

using markup::html;

// A small, readable style for the standalone page; a fragment takes the site's own.
constexpr std::string_view kStyle =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;"
    "line-height:1.5;color:#1b1b1b;background:#fff;margin:0}"
    "main{max-width:64rem;margin:0 auto;padding:1rem 1.5rem 3rem}"
    "table{border-collapse:collapse;margin:0.5rem 0 1.5rem}"
    "th,td{border:1px solid #8c8c8c;padding:0.35rem 0.6rem;text-align:left;vertical-align:top}"
    "thead th{background:#f0f0f0}"
    "caption{text-align:left;font-weight:bold;padding:0.3rem 0}"
    ".npq-num{text-align:right}"
    ".npq-total th,.npq-total td{font-weight:bold;border-top:2px solid #1b1b1b}"
    "figure{margin:1rem 0}"
    "figure svg{max-width:100%;height:auto}"
    "a{color:#1d4f91}"
    ".npq-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}";

std::string pieces(const std::vector<PageText> &texts) {
  return join_pieces(
      texts, [](const PageText &t) { return html(t.text, 2000); },
      [](const PageText &t) {
        return fmt::format("<a href=\"{}\">{}</a>", html(t.href), html(t.text));
      });
}

// A caption that repeats the heading above it is for screen readers only (seen twice in the
// screenshots); the standalone page's style hides it from the eye.
std::string table(const PageTable &t, const std::string &heading) {
  std::string out = "<table>\n";
  if (!t.caption.empty()) {
    out += (t.caption == heading ? "<caption class=\"npq-visually-hidden\">" : "<caption>") +
           html(t.caption) + "</caption>\n";
  }
  out += "<thead>\n<tr>";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    bool num = i < t.numeric.size() && t.numeric[i];
    out += fmt::format("<th scope=\"col\"{}>{}</th>", num ? " class=\"npq-num\"" : "",
                       html(t.columns[i]));
  }
  out += "</tr>\n</thead>\n<tbody>\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto &row = t.rows[r];
    bool total = t.last_row_total && r + 1 == t.rows.size();
    out += total ? "<tr class=\"npq-total\">" : "<tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      std::string cell = i < row.size() ? pieces(row[i].pieces) : std::string();
      bool num = i < t.numeric.size() && t.numeric[i];
      if (i == 0) {
        out += "<th scope=\"row\">" + cell + "</th>";
      } else {
        out += fmt::format("<td{}>{}</td>", num ? " class=\"npq-num\"" : "", cell);
      }
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

struct Writer {
  const Page &page;
  std::string out;
  std::string heading; ///< the section's title, which a table's caption may repeat

  void operator()(const PageParagraph &p) { out += "<p>" + html(p.text, 2000) + "</p>\n"; }
  void operator()(const PageList &l) {
    out += "<ul>\n";
    for (const auto &item : l.items) {
      out += "<li>" + pieces(item) + "</li>\n";
    }
    out += "</ul>\n";
  }
  void operator()(const PageFacts &f) {
    out += "<ul class=\"npq-facts\">\n";
    for (const auto &[label, value] : f.items) {
      out += fmt::format("<li><strong>{}:</strong> {}</li>\n", html(label), html(value, 2000));
    }
    out += "</ul>\n";
  }
  void operator()(const PageTable &t) { out += table(t, heading); }
  void operator()(const PagePicture &) {
    if (page.picture.present) {
      out += "<figure class=\"npq-picture\">\n" + page_svg(page) + "</figure>\n";
    }
  }
};

std::string fragment(const Page &page) {
  Writer w{page, {}, {}};
  w.out += "<article class=\"npq-page\">\n";
  w.out += "<h1>" + html(page.title) + "</h1>\n";
  if (!page.description.empty()) {
    w.out += "<p>" + html(page.description, 2000) + "</p>\n";
  }
  for (const auto &s : page.sections) {
    w.out += fmt::format("<h{0}>{1}</h{0}>\n", s.level, html(s.title));
    w.heading = s.title;
    for (const auto &b : s.blocks) {
      std::visit(w, b);
    }
  }
  w.out += "</article>\n";
  w.out += "<!-- " + footer_text(page) + " -->\n";
  return w.out;
}

} // namespace

std::string page_html(const Page &page, const RenderOptions &options) {
  std::string out;
  if (options.front_matter) {
    out += front_matter(page, options.standalone ? "html-standalone" : "html", options.options);
  }
  if (!options.standalone) {
    return out + fragment(page);
  }
  out += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html(page.title) + "</title>\n";
  if (!page.description.empty()) {
    out += "<meta name=\"description\" content=\"" + html(page.description, 2000) + "\">\n";
  }
  out += "<style>" + std::string(kStyle) + "</style>\n";
  if (!page.suite) {
    out += "<script type=\"application/ld+json\">\n" + page_jsonld(page) + "</script>\n";
  }
  out += "</head>\n<body>\n<main>\n" + fragment(page) + "</main>\n</body>\n</html>\n";
  return out;
}

} // namespace npq::report
