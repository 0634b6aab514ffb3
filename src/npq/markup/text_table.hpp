// Aligned plain-text tables for terminals and CI logs that fit the width they are given: long
// cells wrap at spaces, and a table too wide even then is cut into parts that repeat its leading
// columns (a wide comparison reads as several narrower ones). Cells must be terminal-safe.
#pragma once

#include <string>
#include <vector>

namespace npq::markup {

struct TerminalTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_aligned; ///< per column; missing means left. These never wrap.
  std::vector<bool> whole;         ///< per column: never wrap it either (locations, ids)
  std::size_t width = 0;           ///< columns available; 0 means no limit
  std::size_t repeated = 1;        ///< leading columns repeated in each part of a cut table

  std::string str() const;
};

} // namespace npq::markup
