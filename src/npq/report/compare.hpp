// 'npq compare': programmes side by side, fact by fact (see profile.hpp).
#pragma once

#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <vector>

namespace npq::report {

enum class TableFormat { text, markdown, json };

/// The most programmes one comparison lays side by side: its table has a column for each and a
/// row for each fact any of them has, so it grows with the square of their number.
constexpr std::size_t kMaxCompared = 50;

std::string render_compare(const std::vector<const model::Programme *> &programmes,
                           const ReferenceData &data, TableFormat format);

} // namespace npq::report
