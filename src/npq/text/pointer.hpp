// JSON Pointers (RFC 6901) into a document, built lazily from a stack of path segments so that
// valid documents cost nothing.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace npq {

class PointerPath {
public:
  void push(std::string_view key) { m_segments.emplace_back(key); }
  void push(std::size_t index) { m_segments.emplace_back(index); }
  void pop() { m_segments.pop_back(); }
  std::string str() const;

  /// RAII guard: pushes on construction, pops on destruction.
  template <typename T> class Scope {
  public:
    Scope(PointerPath &path, T segment) : m_path(path) { m_path.push(segment); }
    ~Scope() { m_path.pop(); }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

  private:
    PointerPath &m_path;
  };

private:
  std::vector<std::variant<std::string_view, std::size_t>> m_segments;
};

/// Escapes one segment: '~' -> '~0', '/' -> '~1'.
std::string escape_pointer_segment(std::string_view segment);

} // namespace npq
