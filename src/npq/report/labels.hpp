// Human labels for vocabulary words, shared by every report.
#pragma once

#include <string>
#include <string_view>

namespace npq::report {

/// "peer-learning-group" -> "Peer learning group", keeping compounds such as "self-directed",
/// "face-to-face" and "check-in" hyphenated.
std::string label(std::string_view word);

} // namespace npq::report
