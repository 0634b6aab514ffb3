// Finding many short texts in one long text at once (quotes in a source document).
#pragma once

#include <string_view>
#include <vector>

namespace npq {

/// Which of `needles` occur in `haystack` (an empty needle always does). One pass over the
/// haystack with an Aho–Corasick automaton of the needles: time and memory are linear in the
/// haystack plus the needles' total length, where searching for each needle on its own costs
/// haystack × needle length in the worst case.
std::vector<bool> occurs_in(std::string_view haystack,
                            const std::vector<std::string_view> &needles);

} // namespace npq
