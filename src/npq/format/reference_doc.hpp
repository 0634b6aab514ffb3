// docs/format-reference.md, generated from spec.cpp: every key of every kind with its type,
// whether it is required, its meaning and an example.
#pragma once

#include <string>

namespace npq::format {

std::string reference_markdown();

} // namespace npq::format
