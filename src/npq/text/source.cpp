#include "npq/text/source.hpp"

#include "npq/text/utf8.hpp"

#include <algorithm>

namespace npq {

SourceFile::SourceFile(std::string name, std::string text)
    : m_name(std::move(name)), m_text(std::move(text)) {
  // Counted first, so a file of short lines does not pay for a doubling vector's slack.
  std::size_t lines = 1;
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    lines += m_text[i] == '\n' ||
                     (m_text[i] == '\r' && (i + 1 == m_text.size() || m_text[i + 1] != '\n'))
                 ? 1
                 : 0;
  }
  m_line_starts.reserve(lines);
  m_ascii_line.reserve(lines);
  // A UTF-8 byte-order mark is not part of line 1 as an editor shows it.
  m_line_starts.push_back(m_text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
  bool ascii = true;
  for (std::size_t i = m_line_starts[0]; i < m_text.size(); ++i) {
    auto c = static_cast<unsigned char>(m_text[i]);
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < m_text.size() && m_text[i + 1] == '\n') {
        ++i;
      }
      m_ascii_line.push_back(ascii);
      ascii = true;
      m_line_starts.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (c >= 0x80) {
      ascii = false;
    }
  }
  m_ascii_line.push_back(ascii);
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(),
                             static_cast<std::uint32_t>(offset));
  auto line_index = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
  std::size_t start = m_line_starts[line_index];
  if (offset < start) {
    offset = start; // inside the byte-order mark
  }
  std::size_t column =
      m_ascii_line[line_index]
          ? offset - start
          : utf8::count_code_points(std::string_view(m_text).substr(start, offset - start));
  return {static_cast<int>(line_index) + 1, static_cast<int>(column) + 1};
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
