// JSON Schema (draft 2020-12) for each document kind, generated from spec.cpp.
#pragma once

#include <string>
#include <string_view>

namespace npq::format {

/// The schema for a kind ("programme", ...), pretty-printed with a trailing newline; empty if the
/// kind is unknown.
std::string json_schema(std::string_view kind);

} // namespace npq::format
