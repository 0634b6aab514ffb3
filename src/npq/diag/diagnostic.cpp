#include "npq/diag/diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

namespace npq {

Diagnostic &Diagnostics::add(Code code, Location where, std::string message, std::string hint) {
  if (m_limit > 0 && ++m_counts[code] > m_limit) {
    m_overflow = Diagnostic{};
    return m_overflow;
  }
  Diagnostic d;
  d.code = code;
  d.severity = info(code).severity;
  d.where = std::move(where);
  d.message = std::move(message);
  d.hint = std::move(hint);
  m_items.push_back(std::move(d));
  return m_items.back();
}

void Diagnostics::finish_limits() {
  for (const auto &[code, count] : m_counts) {
    if (m_limit > 0 && count > m_limit) {
      const Diagnostic *last = nullptr;
      for (const auto &d : m_items) {
        if (d.code == code) {
          last = &d;
        }
      }
      Diagnostic d;
      d.code = code;
      d.severity = info(code).severity;
      d.where = last != nullptr ? Location{last->where.file,
                                           last->where.line,
                                           last->where.column,
                                           {},
                                           last->where.document}
                                : Location{};
      d.message = fmt::format("... and {} more {} findings in this file, not shown",
                              count - m_limit, info(code).code);
      d.hint = "fix the ones shown first; they usually share one cause";
      m_items.push_back(std::move(d));
    }
  }
  m_counts.clear();
}

void Diagnostics::append(const Diagnostics &other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

void Diagnostics::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return std::tie(a.where.file, a.where.document, a.where.line, a.where.column, a.code,
                    a.message) < std::tie(b.where.file, b.where.document, b.where.line,
                                          b.where.column, b.code, b.message);
  });
}

std::size_t Diagnostics::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [&](const auto &d) {
    return d.severity == severity && d.suppressed.empty();
  }));
}

std::size_t Diagnostics::suppressed_count() const {
  return static_cast<std::size_t>(std::count_if(
      m_items.begin(), m_items.end(), [](const auto &d) { return !d.suppressed.empty(); }));
}

bool Diagnostics::has(Code code) const {
  return std::any_of(m_items.begin(), m_items.end(), [&](const auto &d) { return d.code == code; });
}

} // namespace npq
