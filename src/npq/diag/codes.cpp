#include "npq/diag/codes.hpp"

#include <array>
#include <cctype>

namespace npq {

namespace {

constexpr std::array kCodes = {
#define NPQ_CODE(id, code, severity, category, slug, summary, explanation)                         \
  CodeInfo{Code::id, code, Severity::severity, Category::category, slug, summary, explanation},
#include "npq/diag/codes.def"
#undef NPQ_CODE
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

} // namespace

std::span<const CodeInfo> all_codes() {
  return kCodes;
}

const CodeInfo &info(Code code) {
  return kCodes[static_cast<std::size_t>(code)];
}

std::optional<Code> find_code(std::string_view name) {
  for (const auto &entry : kCodes) {
    if (iequals(entry.code, name) || iequals(entry.slug, name)) {
      return entry.id;
    }
  }
  return std::nullopt;
}

std::string_view to_string(Severity severity) {
  switch (severity) {
  case Severity::note:
    return "note";
  case Severity::warning:
    return "warning";
  case Severity::error:
    return "error";
  }
  return "error";
}

std::string_view to_string(Category category) {
  switch (category) {
  case Category::input:
    return "input";
  case Category::syntax:
    return "syntax";
  case Category::structure:
    return "structure";
  case Category::reference:
    return "reference";
  case Category::domain:
    return "domain";
  }
  return "domain";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (auto s : {Severity::note, Severity::warning, Severity::error}) {
    if (text == to_string(s)) {
      return s;
    }
  }
  return std::nullopt;
}

} // namespace npq
