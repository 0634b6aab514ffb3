// The route map as a standalone SVG for sites where Mermaid does not render: readable at 100 %
// (no text under 12 px at its natural width of 960 px), one band per period with the activities
// grouped by kind and their hours, electives framed under "Choose N of M", the strands that run
// throughout drawn beside every band, and what comes before the programme starts and after the
// taught programme as dashed bands across the whole width, above and below the periods. Text is
// real <text>, wrapped here with DejaVu Sans's advance widths (slightly over-estimated, so lines
// never run past their box); every box names its kind in words, so colour is never the only cue.
// tests/pages measures the result in Chromium.
#include "npq/markup/html.hpp"
#include "npq/markup/markdown.hpp"
#include "npq/report/glossary.hpp"
#include "npq/report/page_render.hpp"
#include "npq/text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace npq::report {

namespace {

using markup::html;

constexpr int kWidth = 960;
constexpr int kMargin = 24;
constexpr int kStripWidth = 250; // the "throughout" strip
constexpr int kGap = 16;
constexpr int kPad = 12;
constexpr double kLine = 1.35; // line height, in font sizes

struct Palette {
  const char *fill;
  const char *stroke;
};

// Light fills under dark text (contrast well above 4.5:1), one per family.
Palette palette(int family) {
  switch (static_cast<glossary::Family>(family)) {
  case glossary::Family::live:
    return {"#e8f1fb", "#1d70b8"};
  case glossary::Family::self_study:
    return {"#e9f5ec", "#00703c"};
  case glossary::Family::in_school:
    return {"#fff3e0", "#a65400"};
  case glossary::Family::assessment:
    return {"#f3eaf7", "#6f3c8f"};
  case glossary::Family::other:
    break;
  }
  return {"#eeeeee", "#505a5f"};
}

// An upper bound of the width DejaVu Sans gives a text (its advances, in ems, rounded up).
double text_width(std::string_view text, double size, bool bold) {
  double ems = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t c = utf8::next(text, i);
    double w = 0.62;
    if (c == ' ') {
      w = 0.33;
    } else if (std::string_view("il.,:;'!|j").find(static_cast<char>(c)) !=
                   std::string_view::npos &&
               c < 0x80) {
      w = 0.3;
    } else if (c < 0x80 &&
               std::string_view("ftr()[]-/").find(static_cast<char>(c)) != std::string_view::npos) {
      w = 0.43;
    } else if (c == 'm' || c == 'M' || c == 'W' || c == 'w') {
      w = 1.0;
    } else if (c >= 'A' && c <= 'Z') {
      w = 0.78;
    } else if (c >= '0' && c <= '9') {
      w = 0.64;
    } else if (c >= 0x80) {
      w = 0.85;
    }
    ems += w;
  }
  return ems * size * (bold ? 1.12 : 1.0);
}

std::vector<std::string> wrap(const std::string &raw, double width, double size, bool bold) {
  std::string text = markup::clean_text(raw, 400);
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    std::string word =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string candidate = line;
    candidate += (line.empty() ? "" : " ") + word;
    if (text_width(candidate, size, bold) <= width || line.empty()) {
      line = candidate;
    } else {
      lines.push_back(line);
      line = word;
    }
    // A word wider than the box is cut between characters.
    while (text_width(line, size, bold) > width && line.size() > 1) {
      std::size_t cut = 0;
      std::size_t i = 0;
      std::string head;
      while (i < line.size()) {
        std::size_t before = i;
        utf8::next(line, i);
        if (text_width(line.substr(0, i), size, bold) > width) {
          break;
        }
        cut = i;
        (void)before;
      }
      cut = std::max<std::size_t>(cut, 1);
      lines.push_back(line.substr(0, cut));
      line = line.substr(cut);
    }
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  if (!line.empty()) {
    lines.push_back(line);
  }
  return lines;
}

struct Canvas {
  std::string body;

  // Lines of text from (x, y) down; returns the height used.
  int text(int x, int y, const std::vector<std::string> &lines, int size, bool bold,
           const char *colour = "#1b1b1b") {
    int step = static_cast<int>(std::lround(size * kLine));
    int at = y;
    for (const auto &l : lines) {
      body += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{}\">{}</text>\n", x,
                          at + size, size, bold ? " font-weight=\"bold\"" : "", colour, html(l));
      at += step;
    }
    return at - y;
  }
  void rect(int x, int y, int w, int h, const char *fill, const char *stroke, bool dashed = false,
            int radius = 4) {
    body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\" "
                        "stroke=\"{}\"{}/>\n",
                        x, y, w, h, radius, fill, stroke,
                        dashed ? " stroke-dasharray=\"6 4\" stroke-width=\"2\"" : "");
  }
};

// A box for one family: its label and hours, then each activity. Returns its height.
int group_height(const MapGroup &g, int width) {
  int inner = width - 2 * kPad;
  int h = kPad;
  h += static_cast<int>(wrap(g.label + ", " + g.hours, inner, 14, true).size()) *
       static_cast<int>(std::lround(14 * kLine));
  h += 4;
  for (const auto &[name, hours] : g.items) {
    h += static_cast<int>(wrap(fmt::format("{} – {}", name, hours), inner, 13, false).size()) *
         static_cast<int>(std::lround(13 * kLine));
  }
  return h + kPad;
}

void draw_group(Canvas &c, const MapGroup &g, int x, int y, int width, int height) {
  auto p = palette(g.family);
  c.rect(x, y, width, height, p.fill, p.stroke);
  // A solid bar on the left edge in the family's colour: a second cue beside the label.
  c.body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"5\" height=\"{}\" fill=\"{}\"/>\n", x, y,
                        height, p.stroke);
  int inner = width - 2 * kPad;
  int at = y + kPad;
  at += c.text(x + kPad, at, wrap(g.label + ", " + g.hours, inner, 14, true), 14, true);
  at += 4;
  for (const auto &[name, hours] : g.items) {
    at += c.text(x + kPad, at, wrap(fmt::format("{} – {}", name, hours), inner, 13, false), 13,
                 false);
  }
}

constexpr int kColumns = 3; // group boxes side by side in a band

// A band: its title and hours, then its groups in rows of up to three. Returns its height.
// `dashed`: a band outside the periods (before or after them), drawn like the throughout strip.
int band(Canvas *c, const MapBand &b, int x, int y, int width, bool dashed = false) {
  int inner = width - 2 * kPad;
  std::vector<std::string> title = wrap(b.title, inner, 16, true);
  std::vector<std::string> hours = wrap(b.hours, inner, 13, false);
  std::vector<std::string> note =
      b.note.empty() ? std::vector<std::string>{} : wrap(b.note, inner, 13, false);
  int head =
      static_cast<int>(title.size()) * static_cast<int>(std::lround(16 * kLine)) +
      static_cast<int>(hours.size() + note.size()) * static_cast<int>(std::lround(13 * kLine));
  int top = y + kPad + head + 8;
  int columns = std::max(1, std::min(kColumns, static_cast<int>(b.groups.size())));
  int box = (inner - (columns - 1) * 10) / columns;
  std::vector<int> heights; // of each row of boxes
  for (std::size_t row = 0; row < b.groups.size(); row += static_cast<std::size_t>(columns)) {
    int tallest = 0;
    for (std::size_t k = row; k < std::min(b.groups.size(), row + columns); ++k) {
      tallest = std::max(tallest, group_height(b.groups[k], box));
    }
    heights.push_back(tallest);
  }
  int height = top - y;
  for (int h : heights) {
    height += h + 10;
  }
  height += b.groups.empty() ? 0 : kPad - 10;
  if (c == nullptr) {
    return height;
  }
  // The band first, then what sits on it.
  if (dashed) {
    c->rect(x, y, width, height, "#ffffff", "#1b1b1b", true);
  } else {
    c->rect(x, y, width, height, "#ffffff", "#6f777b");
  }
  int t = y + kPad;
  t += c->text(x + kPad, t, title, 16, true);
  t += c->text(x + kPad, t, hours, 13, false, "#3d4244");
  c->text(x + kPad, t, note, 13, false, "#3d4244");
  int at = top;
  for (std::size_t r = 0; r < heights.size(); ++r) {
    std::size_t row = r * static_cast<std::size_t>(columns);
    for (std::size_t k = row; k < std::min(b.groups.size(), row + columns); ++k) {
      int gx = x + kPad + static_cast<int>(k - row) * (box + 10);
      draw_group(*c, b.groups[k], gx, at, box, heights[r]);
    }
    at += heights[r] + 10;
  }
  return height;
}

// The throughout strip: title, then its groups stacked.
int strip_height(const MapBand &b, int width) {
  int inner = width - 2 * kPad;
  int h = kPad + static_cast<int>(wrap(b.title, inner, 16, true).size()) * 22 +
          static_cast<int>(wrap(b.hours, inner, 13, false).size()) * 18 +
          static_cast<int>(wrap(b.note, inner, 13, false).size()) * 18 + 8;
  for (const auto &g : b.groups) {
    h += group_height(g, inner) + 10;
  }
  return h + kPad;
}

} // namespace

std::string page_svg(const Page &page) {
  const auto &pic = page.picture;
  Canvas c;
  int content = kWidth - 2 * kMargin;
  int left = pic.throughout ? content - kStripWidth - kGap : content;

  int y = kMargin;
  y += c.text(kMargin, y, wrap(pic.title, content, 20, true), 20, true);
  if (!pic.total.empty()) {
    y += 4 + c.text(kMargin, y + 4, wrap(pic.total, content, 14, false), 14, false);
  }
  y += 16;
  // Before the programme starts: across the whole width, since the strands that run throughout
  // the programme do not run beside it.
  if (pic.before) {
    y += band(&c, *pic.before, kMargin, y, content, true) + 12;
  }
  int top = y;

  // Bands, with each choice's options framed under its "Choose N of M".
  for (std::size_t i = 0; i < pic.bands.size();) {
    const auto &b = pic.bands[i];
    if (b.choice < 0) {
      y += band(&c, b, kMargin, y, left) + 12;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < pic.bands.size() && pic.bands[end].choice == b.choice) {
      ++end;
    }
    int frame_top = y;
    std::vector<std::string> label =
        wrap(pic.choices[static_cast<std::size_t>(b.choice)].label, left - 2 * kPad, 16, true);
    int label_h = static_cast<int>(label.size()) * static_cast<int>(std::lround(16 * kLine));
    int inner_y = frame_top + kPad + label_h + 8;
    int at = inner_y;
    Canvas inner;
    for (std::size_t k = i; k < end; ++k) {
      at += band(&inner, pic.bands[k], kMargin + kPad, at, left - 2 * kPad) + 10;
    }
    int frame_h = at - frame_top + kPad - 10;
    c.rect(kMargin, frame_top, left, frame_h, "#fafafa", "#1b1b1b", true);
    c.text(kMargin + kPad, frame_top + kPad, label, 16, true);
    c.body += inner.body;
    y = frame_top + frame_h + 12;
    i = end;
  }
  int bottom = y - 12;

  if (pic.throughout) {
    const auto &t = *pic.throughout;
    int x = kMargin + left + kGap;
    int height = std::max(bottom - top, strip_height(t, kStripWidth));
    c.rect(x, top, kStripWidth, height, "#ffffff", "#1b1b1b", true);
    int inner = kStripWidth - 2 * kPad;
    int at = top + kPad;
    at += c.text(x + kPad, at, wrap(t.title, inner, 16, true), 16, true);
    at += c.text(x + kPad, at, wrap(t.hours, inner, 13, false), 13, false, "#3d4244");
    at += c.text(x + kPad, at, wrap(t.note, inner, 13, false), 13, false, "#3d4244") + 8;
    for (const auto &g : t.groups) {
      int h = group_height(g, inner);
      draw_group(c, g, x + kPad, at, inner, h);
      at += h + 10;
    }
    bottom = std::max(bottom, top + height);
  }
  if (pic.after) {
    bottom += 12;
    bottom += band(&c, *pic.after, kMargin, bottom, content, true);
  }
  int height = bottom + kMargin;

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-labelledby=\"npq-map-title npq-map-desc\" "
      "font-family=\"DejaVu Sans, Verdana, sans-serif\">\n",
      kWidth, height);
  out += "<title id=\"npq-map-title\">" + html(glossary::capitalise("Route map: ") + pic.title) +
         "</title>\n";
  out += "<desc id=\"npq-map-desc\">" + html(pic.description, 2000) + "</desc>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  out += c.body;
  out += "<!-- " + footer_text(page) + " -->\n";
  out += "</svg>\n";
  return out;
}

} // namespace npq::report
