// 'npq export': the resolved programme as JSON for other tools, with every computed total and the
// reconciliation and coverage results. Its shape is described by schemas/export.schema.json.
#pragma once

#include "npq/data/reference.hpp"
#include "npq/diag/diagnostic.hpp"
#include "npq/model/model.hpp"

#include <string>

namespace npq::report {

std::string export_json(const model::Programme &programme, const ReferenceData &data,
                        const Diagnostics &findings);
std::string export_json(const model::Suite &suite, const ReferenceData &data,
                        const Diagnostics &findings);

} // namespace npq::report
