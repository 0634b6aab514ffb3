// 'npq compare': programmes side by side, fact by fact (see profile.hpp).
#pragma once

#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <vector>

namespace npq::report {

enum class TableFormat { text, markdown, json };

std::string render_compare(const std::vector<const model::Programme *> &programmes,
                           const ReferenceData &data, TableFormat format);

} // namespace npq::report
