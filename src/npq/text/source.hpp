// A loaded input file: its bytes and a line index, so byte offsets reported by the YAML parser
// can be turned into the 1-based line and column (in code points) that users see in editors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace npq {

struct Position {
  int line = 0;   ///< 1-based; 0 when unknown
  int column = 0; ///< 1-based, counted in Unicode code points; 0 when unknown
};

class SourceFile {
public:
  SourceFile() = default;
  SourceFile(std::string name, std::string text);

  const std::string &name() const { return m_name; }
  const std::string &text() const { return m_text; }

  /// Line and column of a byte offset. Lone CR, LF and CRLF all end a line.
  Position position(std::size_t offset) const;
  /// The text of a 1-based line without its line ending; empty when out of range.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(m_line_starts.size()); }

private:
  std::string m_name;
  std::string m_text;
  std::vector<std::uint32_t> m_line_starts; ///< 32 bits, like node offsets: files stay < 4 GiB
  std::vector<bool> m_ascii_line;           ///< per line: only ASCII, so a column is a subtraction
};

} // namespace npq
