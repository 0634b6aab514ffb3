#include "npq/text/pointer.hpp"

namespace npq {

std::string escape_pointer_segment(std::string_view segment) {
  std::string out;
  for (char c : segment) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string PointerPath::str() const {
  std::string out;
  for (const auto &s : m_segments) {
    out += '/';
    if (const auto *key = std::get_if<std::string_view>(&s)) {
      out += escape_pointer_segment(*key);
    } else {
      out += std::to_string(std::get<std::size_t>(s));
    }
  }
  return out;
}

} // namespace npq
