// Stable diagnostic codes and their metadata, generated from codes.def.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace npq {

enum class Severity { note, warning, error };
enum class Category { input, syntax, structure, reference, domain };

enum class Code {
#define NPQ_CODE(id, code, severity, category, slug, summary, explanation) id,
#include "npq/diag/codes.def"
#undef NPQ_CODE
};

struct CodeInfo {
  Code id;
  std::string_view code; ///< "NPQ012"
  Severity severity;     ///< default severity
  Category category;
  std::string_view slug;
  std::string_view summary;
  std::string_view explanation;
};

/// Every code, in table order.
std::span<const CodeInfo> all_codes();
const CodeInfo &info(Code code);
/// Finds a code by its "NPQ012" name or its slug; case-insensitive.
std::optional<Code> find_code(std::string_view name);

std::string_view to_string(Severity severity);
std::string_view to_string(Category category);
std::optional<Severity> parse_severity(std::string_view text);

} // namespace npq
