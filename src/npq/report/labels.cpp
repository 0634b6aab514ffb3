#include "npq/report/labels.hpp"

#include <array>
#include <cctype>

namespace npq::report {

std::string label(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kCompounds = {
      "self-directed", "face-to-face", "check-in", "in-school", "half-term", "16-19"};
  std::string out;
  std::size_t i = 0;
  while (i < word.size()) {
    bool compound = false;
    for (auto c : kCompounds) {
      if (word.substr(i, c.size()) == c &&
          (i + c.size() == word.size() || word[i + c.size()] == '-')) {
        out += c;
        i += c.size();
        compound = true;
        break;
      }
    }
    if (compound) {
      continue;
    }
    out += word[i] == '-' ? ' ' : word[i];
    ++i;
  }
  if (!out.empty()) {
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  return out;
}

} // namespace npq::report
