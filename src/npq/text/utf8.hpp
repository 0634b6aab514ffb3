// UTF-8 helpers: validation of untrusted input (yaml-cpp passes invalid bytes through), code point
// counting for columns, and the printable-character rule of YAML 1.2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace npq::utf8 {

enum class Problem {
  invalid_sequence, ///< not well-formed UTF-8 (overlong, surrogate, truncated, > U+10FFFF)
  nul_byte,         ///< U+0000
  control,          ///< a C0/C1 control or other character YAML 1.2 does not allow in a stream
};

struct Failure {
  Problem problem;
  std::size_t offset;     ///< byte offset of the offending sequence
  std::uint32_t code = 0; ///< the code point, or the offending byte for invalid sequences
};

/// Checks that `text` is well-formed UTF-8 made only of characters YAML 1.2 allows (TAB, LF, CR,
/// printable ASCII, NEL and the printable non-ASCII ranges). Returns the first failure, if any.
std::optional<Failure> check(std::string_view text);

/// Number of code points in well-formed UTF-8 (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

/// Decodes the code point starting at `i` and advances `i`; returns U+FFFD on malformed input.
std::uint32_t next(std::string_view text, std::size_t &i);

/// Appends the UTF-8 encoding of `cp`.
void append(std::string &out, std::uint32_t cp);

/// True for code points that must never reach a terminal or a rendered page verbatim: C0/C1
/// controls (except TAB and LF), DEL, bidirectional overrides and isolates, and U+2028/U+2029.
bool is_unsafe_for_display(std::uint32_t cp);

/// True for code points a terminal shows as nothing at all, so that two different texts look
/// the same: zero-width spaces and joiners, the word joiner and invisible operators, the soft
/// hyphen, the Mongolian vowel separator and the tag characters (U+E0000-U+E007F).
bool is_invisible(std::uint32_t cp);

} // namespace npq::utf8
