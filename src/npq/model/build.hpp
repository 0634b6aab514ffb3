// Builds the model from a structurally valid YAML document.
#pragma once

#include "npq/model/model.hpp"
#include "npq/text/source.hpp"
#include "npq/yaml/node.hpp"

#include <optional>
#include <string_view>

namespace npq::model {

/// Builds the model of one document of a known kind. Call only after validate_structure()
/// reported no errors for it; missing or malformed parts are left empty rather than guessed.
Document build(const yaml::Node &root, std::string_view kind, const SourceFile &source,
               int document);

/// Parses "18 months" or "1 half-term" into a value and a singular unit.
std::optional<Quantity> parse_quantity(std::string_view text, Loc loc = {});

} // namespace npq::model
