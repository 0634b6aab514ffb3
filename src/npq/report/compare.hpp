// 'npq compare': programmes (and suites) side by side, fact by fact (see profile.hpp), one
// column per programme headed by its provider.
#pragma once

#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <variant>
#include <vector>

namespace npq::report {

enum class TableFormat { text, markdown, json };

/// The most programmes one comparison lays side by side: its table has a column for each and a
/// row for each fact any of them has, so it grows with the square of their number.
constexpr std::size_t kMaxCompared = 50;

/// A column: a programme, or a suite (what its programmes share).
using Compared = std::variant<const model::Programme *, const model::Suite *>;

/// One column per item, in order. Text is fitted to `width` columns (0: no limit).
std::string render_compare(const std::vector<Compared> &items, const ReferenceData &data,
                           TableFormat format, std::size_t width = 0);

} // namespace npq::report
