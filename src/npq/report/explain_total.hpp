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

/// `what` is "programme", "period:ID", "kind:KIND", "mode:MODE", "synchrony:VALUE" or
/// "category:N" (1-based, in summary order) / "category:LABEL".
Explanation explain_total(const model::Programme &programme, std::string_view what);

} // namespace npq::report
