// Human labels for vocabulary words, shared by every report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace npq::report {

/// "peer-learning-group" -> "Peer learning group", keeping compounds such as "self-directed",
/// "face-to-face" and "check-in" hyphenated.
std::string label(std::string_view word);

/// How a delivery value reads to a participant: ("synchrony", "synchronous") -> "Live, at a set
/// time"; an empty value -> "Timing not stated" (or who leads it, or where).
std::string delivery_words(std::string_view dimension, std::string_view value);

/// The families a participant compares hours by, in order: "Live sessions", "Self-study",
/// "In school", "Assessment", "Other".
const std::vector<std::string_view> &activity_families();
/// The family of an activity kind (docs/format.md lists them).
std::string_view activity_family(std::string_view kind);

} // namespace npq::report
