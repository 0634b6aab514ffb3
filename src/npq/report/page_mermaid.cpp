// The Mermaid timeline for GitHub: one section per period, or per run of periods that hold the
// same activities, and one box per kind of activity with its hours; what comes before the
// programme starts opens the timeline, and what comes after the taught programme closes it. Labels
// are plain text; only the characters Mermaid's timeline grammar reads as syntax are written as
// codes (tests/mermaid).
#include "npq/markup/markdown.hpp"
#include "npq/report/page_render.hpp"
#include "npq/report/routemap.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace npq::report {

namespace {

bool starts_with_keyword(std::string_view text) {
  // Mermaid's lexers match keywords case-insensitively at the start of a line.
  for (std::string_view k : {"title", "section", "timeline", "acctitle", "accdescr", "click"}) {
    if (text.size() >= k.size()) {
      bool same = true;
      for (std::size_t i = 0; i < k.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') {
          c = static_cast<char>(c - 'A' + 'a');
        }
        same = same && c == k[i];
      }
      if (same) {
        return true;
      }
    }
  }
  return false;
}

// "Live sessions, 7 hours": Mermaid's timeline boxes are narrow, and a list of activities ran
// out of them (seen in the screenshots); the tables under the picture name every activity.
std::string label(const MapGroup &g) {
  return fmt::format("{}, {}", g.label, g.hours);
}

bool same_groups(const MapBand &a, const MapBand &b) {
  if (a.groups.size() != b.groups.size() || a.choice != b.choice) {
    return false;
  }
  for (std::size_t i = 0; i < a.groups.size(); ++i) {
    // The same activities in another order are the same box.
    auto x = a.groups[i].items;
    auto y = b.groups[i].items;
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    if (a.groups[i].label != b.groups[i].label || a.groups[i].hours != b.groups[i].hours ||
        x != y) {
      return false;
    }
  }
  return true;
}

void section(std::string &out, const std::string &title, const MapBand &band) {
  out += "    section " + mermaid_text(title) + "\n";
  if (band.groups.empty()) {
    out += "        " + mermaid_text("no activities published") + "\n";
  }
  for (const auto &g : band.groups) {
    out += "        " + mermaid_text(label(g)) + "\n";
  }
}

} // namespace

std::string mermaid_text(std::string_view raw) {
  // What breaks a timeline label (tests/mermaid/README.md): ':' ends a section or period and
  // splits events, '#' and '%' start comments and codes, ';' ends a statement in Mermaid 10,
  // '<' and '&' meet the HTML sanitiser, and a leading keyword changes the line's meaning.
  std::string text = markup::clean_text(raw, 500);
  if (text.empty()) {
    return "#8203;";
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool code = c == ':' || c == '#' || c == '%' || c == ';' || c == '<' || c == '>' || c == '&' ||
                c == '`' || (i == 0 && starts_with_keyword(text));
    if (code) {
      out += fmt::format("#{};", static_cast<int>(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

std::string page_mermaid(const Page &page) {
  const auto &pic = page.picture;
  std::string out = "```mermaid\ntimeline\n";
  out += "    title " + mermaid_text(pic.title) + "\n";
  if (pic.before) {
    section(out, pic.before->title, *pic.before);
  }
  // Runs of periods with the same boxes are one section: "Term two to Term four".
  for (std::size_t i = 0; i < pic.bands.size();) {
    std::size_t end = i + 1;
    while (end < pic.bands.size() && same_groups(pic.bands[i], pic.bands[end])) {
      ++end;
    }
    const auto &band = pic.bands[i];
    std::string title = band.title;
    if (band.choice >= 0 && end - i > 1) {
      title = pic.choices[static_cast<std::size_t>(band.choice)].label;
    } else if (end - i > 1) {
      title = end - i == 2 ? fmt::format("{} and {}", band.title, pic.bands[end - 1].title)
                           : fmt::format("{} to {} ({} in all)", band.title,
                                         pic.bands[end - 1].title, end - i);
    } else if (band.choice >= 0) {
      title = fmt::format("{} ({})", band.title,
                          pic.choices[static_cast<std::size_t>(band.choice)].label);
    }
    section(out, title, band);
    i = end;
  }
  if (pic.throughout) {
    section(out, pic.throughout->title, *pic.throughout);
  }
  if (pic.after) {
    section(out, pic.after->title, *pic.after);
  }
  out += "```\n";
  return out;
}

} // namespace npq::report
