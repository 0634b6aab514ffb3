#include "npq/text/width.hpp"

#include "npq/text/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace npq::text {

namespace {

// A deliberately small table: the scripts npq's data can hold. Ranges from Unicode's
// EastAsianWidth.txt (W and F) and the combining-mark blocks.
bool zero_width(std::uint32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x200B && c <= 0x200F) || c == 0x2060 ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xFE20 && c <= 0xFE2F) || c == 0xFEFF;
}

bool wide(std::uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t width_of(std::uint32_t c) {
  return zero_width(c) ? 0 : wide(c) ? 2 : 1;
}

// Cuts a word that is wider than `width` into pieces that fit, preferring to break after '/'
// or '-' (paths, ids) and otherwise between any two characters.
std::vector<std::string> cut_word(std::string_view word, std::size_t width) {
  std::vector<std::string> pieces;
  while (display_width(word) > width) {
    std::size_t i = 0;
    std::size_t used = 0;
    std::size_t last_fit = 0;   // bytes that fit
    std::size_t last_break = 0; // bytes up to and including the last '/' or '-' that fit
    while (i < word.size()) {
      std::size_t start = i;
      std::uint32_t c = utf8::next(word, i);
      if (used + width_of(c) > width) {
        i = start;
        break;
      }
      used += width_of(c);
      last_fit = i;
      if (c == '/' || c == '-') {
        last_break = i;
      }
    }
    std::size_t cut = last_break > 0 ? last_break : std::max<std::size_t>(last_fit, 1);
    pieces.emplace_back(word.substr(0, cut));
    word.remove_prefix(cut);
  }
  if (!word.empty()) {
    pieces.emplace_back(word);
  }
  return pieces;
}

} // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    width += width_of(utf8::next(s, i));
  }
  return width;
}

std::vector<std::string> wrap(std::string_view s, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = std::min(s.find('\n', start), s.size());
    std::string_view paragraph = s.substr(start, end - start);
    std::string line;
    std::size_t line_width = 0;
    for (std::size_t i = 0; i < paragraph.size();) {
      // A word and the spaces before it, which are kept while it stays on the same line (they
      // may align columns), and dropped where the line breaks.
      std::size_t word_start = std::min(paragraph.find_first_not_of(' ', i), paragraph.size());
      std::size_t gap = line.empty() ? 0 : word_start - i;
      std::size_t space = std::min(paragraph.find(' ', word_start), paragraph.size());
      std::string_view word = paragraph.substr(word_start, space - word_start);
      i = space;
      if (word.empty()) {
        continue;
      }
      std::size_t w = display_width(word);
      if (width == 0 || line_width + gap + w <= width) {
        line += std::string(gap, ' ') + std::string(word);
        line_width += gap + w;
        continue;
      }
      for (auto &piece : cut_word(word, width)) {
        if (!line.empty()) {
          lines.push_back(line);
        }
        line = piece;
        line_width = display_width(piece);
      }
    }
    lines.push_back(line);
    if (end == s.size()) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

std::string wrap_paragraph(std::string_view s, std::size_t width, std::string_view first,
                           std::string_view rest) {
  std::size_t indent = std::max(display_width(first), display_width(rest));
  std::size_t room = width == 0 ? 0 : width > indent + 20 ? width - indent : 20;
  std::string out;
  bool at_start = true;
  for (const auto &line : wrap(s, room)) {
    out += std::string(at_start ? first : rest) + line + "\n";
    at_start = false;
  }
  return out;
}

} // namespace npq::text
