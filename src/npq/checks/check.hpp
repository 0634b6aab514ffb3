// Checks that run on the model: references against reference data, and the domain rules.
// Each check appends findings; none prints, throws on bad data, or depends on check order.
#pragma once

#include "npq/data/reference.hpp"
#include "npq/diag/diagnostic.hpp"
#include "npq/model/model.hpp"

#include <functional>
#include <optional>
#include <string>

namespace npq::checks {

/// Shared by every check: where reference data comes from and where findings go.
struct Context {
  const ReferenceData& data;
  Diagnostics& out;
  /// Reads a file relative to the checked file (for source documents); empty optional if it
  /// cannot be read. Left unset in contexts without file access (the fuzzer, unit tests).
  std::function<std::optional<std::string>(const std::string& from_file, const std::string& path)>
      read_relative;
};

inline Location at(const model::DocumentInfo& doc, const model::Loc& loc) {
  return Location{doc.file, loc.line, loc.column, loc.pointer, doc.document};
}

void check_references(const model::Programme& programme, const Context& ctx);
void check_references(const model::Suite& suite, const Context& ctx);
void check_references(const model::Framework& framework, const Context& ctx);
void check_references(const model::Catalogue& catalogue, const Context& ctx);

/// Runs every check that applies to a document.
void check_document(const model::Document& document, const Context& ctx);

} // namespace npq::checks
