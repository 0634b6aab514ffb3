#include "npq/markup/markdown.hpp"

#include "npq/text/utf8.hpp"

#include <algorithm>

namespace npq::markup {

namespace {

bool ascii_punctuation(std::uint32_t c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

std::string pad(std::string_view text, std::size_t width, bool right) {
  std::size_t w = display_width(text);
  std::string spaces(width > w ? width - w : 0, ' ');
  return right ? spaces + std::string(text) : std::string(text) + spaces;
}

} // namespace

std::size_t display_width(std::string_view text) {
  return utf8::count_code_points(text);
}

std::string md(std::string_view text, std::size_t max_length) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t i = 0;
  std::size_t length = 0;
  bool space = false;
  while (i < text.size()) {
    std::size_t start = i;
    std::uint32_t cp = utf8::next(text, i);
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == ' ' || cp == 0x2028 || cp == 0x2029 ||
        cp == 0x85) {
      space = !out.empty();
      continue;
    }
    if (utf8::is_unsafe_for_display(cp)) {
      continue;
    }
    if (length >= max_length) {
      out += "…";
      break;
    }
    if (space) {
      out += ' ';
      ++length;
      space = false;
    }
    if (ascii_punctuation(cp)) {
      out += '\\';
      out += static_cast<char>(cp);
      if (cp == '@') {
        // cmark-gfm's autolink extension finds e-mail addresses after escapes are resolved
        // (cmark-gfm issue #278); a word joiner after '@' keeps them literal text.
        out += "&#8288;";
      }
    } else if (cp == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(start, i - start));
    }
    ++length;
  }
  return out;
}

std::string MarkdownTable::str() const {
  auto cell = [&](const std::string &c) {
    std::string v = cells_are_markdown ? c : md(c);
    return v.empty() ? std::string(" ") : v;
  };
  std::string out = "|";
  for (const auto &h : header) {
    out += " " + cell(h) + " |";
  }
  out += "\n|";
  for (std::size_t i = 0; i < header.size(); ++i) {
    bool right = i < right_aligned.size() && right_aligned[i];
    out += right ? "---:|" : "---|";
  }
  out += "\n";
  for (const auto &row : rows) {
    out += "|";
    for (std::size_t i = 0; i < header.size(); ++i) {
      out += " " + cell(i < row.size() ? row[i] : std::string()) + " |";
    }
    out += "\n";
  }
  return out;
}

std::string TextTable::str() const {
  std::vector<std::size_t> width(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) {
    width[i] = display_width(header[i]);
  }
  for (const auto &row : rows) {
    for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) {
      width[i] = std::max(width[i], display_width(row[i]));
    }
  }
  auto line = [&](const std::vector<std::string> &cells) {
    std::string out;
    for (std::size_t i = 0; i < header.size(); ++i) {
      bool right = i < right_aligned.size() && right_aligned[i];
      std::string c = i < cells.size() ? cells[i] : std::string();
      out += (i == 0 ? "" : "  ") + pad(c, width[i], right);
    }
    while (!out.empty() && out.back() == ' ') {
      out.pop_back();
    }
    return out + "\n";
  };
  std::string out = line(header);
  std::vector<std::string> rule;
  for (auto w : width) {
    std::string r;
    for (std::size_t k = 0; k < w; ++k) {
      r += "─";
    }
    rule.push_back(r);
  }
  out += line(rule);
  for (const auto &row : rows) {
    out += line(row);
  }
  return out;
}

std::string csv_field(std::string_view text) {
  // Control and bidirectional characters would reach a terminal or spreadsheet verbatim.
  std::string value;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    std::uint32_t cp = utf8::next(text, i);
    if (cp == 0xFFFD && text.substr(start, i - start) != "\xEF\xBF\xBD") {
      value += "\xEF\xBF\xBD";
    } else if (cp == '\t' || cp == '\n' || cp == '\r' || !utf8::is_unsafe_for_display(cp)) {
      value.append(text.substr(start, i - start));
    }
  }
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    value = "'" + value;
  }
  bool quote = value.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) {
    return value;
  }
  std::string out = "\"";
  for (char c : value) {
    out += c == '"' ? "\"\"" : std::string(1, c);
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string> &fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += (i == 0 ? "" : ",") + csv_field(fields[i]);
  }
  return out + "\r\n";
}

} // namespace npq::markup
