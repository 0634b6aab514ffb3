// Diagnostics are plain data: a code, where, what, and how to fix it. Renderers (render.hpp) turn
// them into text, JSON, SARIF or GitHub annotations; nothing here formats or prints.
#pragma once

#include "npq/diag/codes.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace npq {

/// How the reference data embedded in npq names its files ("<bundled>/frameworks/x.yaml"): they
/// exist in no folder a reader has, so renderers must not present them as real paths.
inline constexpr std::string_view kBundledPrefix = "<bundled>/";

struct Location {
  std::string file;    ///< as the user named it ("-" is standard input)
  int line = 0;        ///< 1-based; 0 when the finding is about the file as a whole
  int column = 0;      ///< 1-based, in code points
  std::string pointer; ///< JSON Pointer into the document, e.g. "/route-map/periods/0/hours"
  int document = 0;    ///< 0-based document index within a multi-document stream
};

/// A secondary location that explains a finding, like a compiler's "note: candidate is ...".
struct Note {
  Location where;
  std::string message;
};

struct Diagnostic {
  Code code{};
  Severity severity = Severity::error;
  Location where;
  std::string message;
  std::string hint; ///< how to fix it, e.g. "did you mean 'title'?"; may be empty
  std::vector<Note> notes;
  std::string suppressed; ///< non-empty: the reason the user gave for suppressing it
};

/// Collects findings for one or more files; keeps insertion order until sort() is called.
class Diagnostics {
public:
  /// Keeps at most `limit` findings of each code (0: no limit); the rest are counted and
  /// summarised by finish_limits(). Bounds time and output on hostile input.
  void limit_per_code(std::size_t limit) { m_limit = limit; }
  /// False once the per-code limit is reached: callers can skip building findings (and their
  /// notes) that would only be counted.
  bool accepting(Code code) const {
    auto it = m_counts.find(code);
    return m_limit == 0 || it == m_counts.end() || it->second < m_limit;
  }
  /// Adds one "and N more" finding for each code that went over the limit.
  void finish_limits();

  Diagnostic &add(Code code, Location where, std::string message, std::string hint = {});
  void append(const Diagnostics &other);
  void append(Diagnostic d) { m_items.push_back(std::move(d)); }

  /// Orders by file, line, column, code, message, so output never depends on check order.
  void sort();

  const std::vector<Diagnostic> &items() const { return m_items; }
  std::vector<Diagnostic> &items() { return m_items; }
  bool empty() const { return m_items.empty(); }

  /// Counts active (not suppressed) findings of a severity.
  std::size_t count(Severity severity) const;
  std::size_t suppressed_count() const;
  bool has_errors() const { return count(Severity::error) > 0; }
  bool has(Code code) const;

private:
  std::vector<Diagnostic> m_items;
  std::size_t m_limit = 0;
  std::map<Code, std::size_t> m_counts;
  Diagnostic m_overflow; ///< where findings over the limit are written, then forgotten
};

} // namespace npq
