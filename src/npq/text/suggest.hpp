// "Did you mean ...?" suggestions by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace npq {

/// Levenshtein distance, case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word`, if it is near enough to be a plausible typo; else empty.
std::string nearest(std::string_view word, const std::vector<std::string_view> &candidates);

/// "did you mean 'x'?" or an empty string.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view> &candidates);

} // namespace npq
