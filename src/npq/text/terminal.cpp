#include "npq/text/terminal.hpp"

#include "npq/text/utf8.hpp"

#include <cstdint>
#include <fmt/format.h>

namespace npq {

namespace {

std::string make_safe(std::string_view text, bool keep_line_feeds) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    std::uint32_t cp = utf8::next(text, i);
    if (cp == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
      out += "\xEF\xBF\xBD";
    } else if (cp == '\n') {
      out += keep_line_feeds ? "\n" : "\\n";
    } else if (utf8::is_unsafe_for_display(cp) || utf8::is_invisible(cp)) {
      out += cp <= 0xFF ? fmt::format("\\x{:02x}", cp) : fmt::format("\\u{:04x}", cp);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

} // namespace

std::string terminal_safe(std::string_view text) {
  return make_safe(text, false);
}

std::string terminal_safe_lines(std::string_view text) {
  return make_safe(text, true);
}

} // namespace npq
