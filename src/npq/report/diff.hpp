// 'npq diff OLD NEW': what changed between two versions of a programme, in the programme's own
// terms: hours per period and kind, activities added or removed, coverage gained or lost,
// eligibility, funding and assessment.
#pragma once

#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"
#include "npq/report/compare.hpp"

#include <string>
#include <vector>

namespace npq::report {

struct Change {
  std::string section; ///< "Programme", "Hours", "Activities", "Coverage", ...
  char sign = '~';     ///< '+' added, '-' removed, '~' changed
  std::string what;
  std::string before;
  std::string after;
};

std::vector<Change> diff_programmes(const model::Programme &before, const model::Programme &after,
                                    const ReferenceData &data);

std::string render_diff(const std::vector<Change> &changes, const std::string &before_name,
                        const std::string &after_name, TableFormat format, std::size_t width = 0);

} // namespace npq::report
