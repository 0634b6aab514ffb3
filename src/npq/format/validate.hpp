// Structural validation: does a YAML document have the shape its kind requires? This is exactly
// what the JSON Schemas express (plus YAML-level typing warnings); references and figures are
// checked later, on the model.
#pragma once

#include "npq/diag/diagnostic.hpp"
#include "npq/format/spec.hpp"
#include "npq/text/source.hpp"
#include "npq/yaml/node.hpp"

namespace npq::format {

/// Validates one document. Returns its kind, or nullptr when 'kind' is missing or unknown (a
/// finding has then been reported). Findings are added to `out`.
const Kind *validate_structure(const yaml::Node &root, const SourceFile &source, int document,
                               Diagnostics &out);

} // namespace npq::format
