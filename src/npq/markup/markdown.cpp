#include "npq/markup/markdown.hpp"

#include "npq/text/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace npq::markup {

namespace {

std::string pad(std::string_view text, std::size_t width, bool right) {
  std::size_t w = display_width(text);
  std::string spaces(width > w ? width - w : 0, ' ');
  return right ? spaces + std::string(text) : std::string(text) + spaces;
}

} // namespace

std::size_t display_width(std::string_view text) {
  return utf8::count_code_points(text);
}

std::string clean_text(std::string_view text, std::size_t max_length) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  std::size_t length = 0;
  bool space = false;
  while (i < text.size()) {
    std::size_t start = i;
    std::uint32_t cp = utf8::next(text, i);
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == ' ' || cp == 0x0B || cp == 0x0C ||
        cp == 0x2028 || cp == 0x2029 || cp == 0x85 || cp == 0xA0) {
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
    if (cp == 0xFFFD && text.substr(start, i - start) != "\xEF\xBF\xBD") {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(start, i - start));
    }
    ++length;
  }
  return out;
}

namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "&amp;", "&#38;", "&#x26;": what a renderer would decode as a character reference.
bool entity_like(std::string_view rest) {
  std::size_t i = 1;
  if (i < rest.size() && rest[i] == '#') {
    ++i;
  }
  std::size_t first = i;
  while (i < rest.size() && is_alnum(rest[i])) {
    ++i;
  }
  return i > first && i < rest.size() && rest[i] == ';';
}

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) {
    return false;
  }
  for (std::size_t k = 0; k < word.size(); ++k) {
    char c = text[at + k];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != word[k]) {
      return false;
    }
  }
  return true;
}

} // namespace

std::string md(std::string_view raw, std::size_t max_length) {
  const std::string text = clean_text(raw, max_length);
  std::string out;
  out.reserve(text.size() + 8);
  // Block markers only count at the start: "- ", "+ ", "1. ", "# ", "> ", ": ", "^".
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    ++digits;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    bool spaced = next == ' ' || next == '\0';
    if (i == 0 &&
        (c == '#' || c == '>' || ((c == '+' || c == '-') && spaced) || (c == '-' && next == '-'))) {
      out += '\\';
      out += c;
      continue;
    }
    if (i == 0 && (c == ':' || c == '^')) {
      out += c == ':' ? "&#58;" : "&#94;";
      continue;
    }
    if (i == digits && digits > 0 && (c == '.' || c == ')') && spaced) {
      out += '\\';
      out += c;
      continue;
    }
    switch (c) {
    case '\\':
      // A backslash escapes the punctuation after it; before anything else it is literal.
      // Python-Markdown also reads a backslash that ends a heading as an escape.
      out += next == '\0' || std::ispunct(static_cast<unsigned char>(next)) != 0 ? "\\\\" : "\\";
      break;
    case '`':
      // kramdown pairs backticks across a table row's cells even when escaped.
      out += "&#96;";
      break;
    case '*':
    case '_':
    case '[':
    case '|':
      out += '\\';
      out += c;
      break;
    case '#':
      // Headings drop a closing run of '#' (Python-Markdown even without a space before it).
      out += i + 1 == text.size() ? "\\#" : "#";
      break;
    case '<':
      out += "&lt;";
      break;
    case '&':
      out += entity_like(std::string_view(text).substr(i)) ? "&amp;" : "&";
      break;
    case '~':
      out += "&#126;";
      break;
    case '$':
      out += i > 0 && text[i - 1] == '$' ? "&#36;" : "$";
      break;
    case '{':
      out += next == ':' ? "&#123;" : "{";
      break;
    case ':':
      // "https://…": cmark-gfm links a scheme followed by "://".
      out += text.compare(i, 3, "://") == 0 ? "&#58;" : ":";
      break;
    case '.':
      // "www.example.com": cmark-gfm links text that starts with "www.".
      out += i >= 3 && starts_with_ci(text, i - 3, "www") && (i == 3 || !is_alnum(text[i - 4]))
                 ? "\\."
                 : ".";
      break;
    case '@':
      // cmark-gfm's autolink extension finds e-mail addresses after escapes are resolved
      // (cmark-gfm issue #278); a word joiner after '@' keeps them literal text.
      out += "@&#8288;";
      break;
    default:
      out += c;
    }
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
