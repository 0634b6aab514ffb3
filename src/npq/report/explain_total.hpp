// 'npq explain FILE --total WHAT': how a total was reached, one contributing activity per line.
#pragma once

#include "npq/model/model.hpp"

#include <string>
#include <string_view>

namespace npq::report {

struct Explanation {
  bool ok = false;
  std::string text; ///< the explanation, or what was wrong with the request
};

/// `what` is "programme", "period:ID" or "period:TITLE", "kind:KIND", "mode:MODE",
/// "synchrony:VALUE" or "category:N" (1-based, in summary order) / "category:LABEL"; names and
/// titles in any case. A request that names nothing in the programme is refused with the list of
/// what it can total. Text for a terminal `width` columns wide (0: no limit).
Explanation explain_total(const model::Programme &programme, std::string_view what,
                          std::size_t width = 0);

/// Every total `explain_total` can give for this programme, as one sentence.
std::string totals_of(const model::Programme &programme);

} // namespace npq::report
