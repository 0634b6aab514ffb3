#include "npq/report/labels.hpp"

#include <array>
#include <cctype>
#include <utility>

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

std::string delivery_words(std::string_view dimension, std::string_view value) {
  if (dimension == "synchrony") {
    return value == "synchronous"    ? "Live, at a set time"
           : value == "asynchronous" ? "In the participant's own time"
                                     : "Timing not stated";
  }
  if (dimension == "facilitation") {
    return value == "facilitated"     ? "Led by a facilitator"
           : value == "self-directed" ? "Self-directed"
                                      : "Who leads it not stated";
  }
  return value == "face-to-face" ? "Face to face, away from school"
         : value == "in-school"  ? "In the participant's school"
         : value == "online"     ? "Online"
         : value == "blended"    ? "Blended: online and in person"
                                 : "Place not stated";
}

const std::vector<std::string_view> &activity_families() {
  static const std::vector<std::string_view> kFamilies{"Live sessions", "Self-study", "In school",
                                                       "Assessment", "Other"};
  return kFamilies;
}

std::string_view activity_family(std::string_view kind) {
  // Live: taught or led sessions at a set time, in person or online. Self-study: material and
  // reflection in the participant's own time. In school: work done in a school (the participant's
  // or another). Assessment: preparing for and sitting it.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kFamily{{
      {"induction-conference", "Live sessions"},
      {"conference", "Live sessions"},
      {"face-to-face-event", "Live sessions"},
      {"seminar", "Live sessions"},
      {"webinar", "Live sessions"},
      {"workshop", "Live sessions"},
      {"clinic", "Live sessions"},
      {"community-session", "Live sessions"},
      {"peer-learning-group", "Live sessions"},
      {"coaching", "Live sessions"},
      {"mentor-check-in", "Live sessions"},
      {"self-directed-study", "Self-study"},
      {"module", "Self-study"},
      {"online-learning", "Self-study"},
      {"reading", "Self-study"},
      {"learning-journal", "Self-study"},
      {"audit", "Self-study"},
      {"implementation-project", "In school"},
      {"practical-learning", "In school"},
      {"school-visit", "In school"},
      {"placement", "In school"},
      {"assessment-briefing", "Assessment"},
      {"assessment", "Assessment"},
      {"formative-task", "Assessment"},
      {"other", "Other"},
  }};
  for (const auto &[k, family] : kFamily) {
    if (k == kind) {
      return family;
    }
  }
  return "Other";
}

} // namespace npq::report
