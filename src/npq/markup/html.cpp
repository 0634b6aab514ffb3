#include "npq/markup/html.hpp"

#include "npq/markup/markdown.hpp"

namespace npq::markup {

std::string html(std::string_view text, std::size_t max_length) {
  std::string out;
  for (char c : clean_text(text, max_length)) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string comment_text(std::string_view text) {
  std::string out;
  for (char c : clean_text(text, 2000)) {
    if (c == '>' || (c == '-' && !out.empty() && out.back() == '-')) {
      continue;
    }
    out += c;
  }
  return out;
}

} // namespace npq::markup
