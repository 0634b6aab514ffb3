#include "npq/text/source.hpp"

#include "npq/text/utf8.hpp"

#include <algorithm>

namespace npq {

SourceFile::SourceFile(std::string name, std::string text)
    : m_name(std::move(name)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') {
      m_line_starts.push_back(i + 1);
    } else if (m_text[i] == '\r') {
      if (i + 1 < m_text.size() && m_text[i + 1] == '\n') {
        ++i;
      }
      m_line_starts.push_back(i + 1);
    }
  }
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  auto line_index = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
  std::size_t start = m_line_starts[line_index];
  auto prefix = std::string_view(m_text).substr(start, offset - start);
  return {static_cast<int>(line_index) + 1, static_cast<int>(utf8::count_code_points(prefix)) + 1};
}

std::string_view SourceFile::line_text(int line) const {
  if (line < 1 || line > line_count()) {
    return {};
  }
  std::size_t start = m_line_starts[static_cast<std::size_t>(line - 1)];
  std::size_t end = start;
  while (end < m_text.size() && m_text[end] != '\n' && m_text[end] != '\r') {
    ++end;
  }
  return std::string_view(m_text).substr(start, end - start);
}

} // namespace npq
