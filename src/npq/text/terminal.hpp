// Text from a programme on its way to a terminal. Every text renderer (findings, reports,
// explanations, framework listings) passes untrusted text through here, so an escape sequence
// in a YAML value can never colour, retitle or reorder someone's terminal.
#pragma once

#include <string>
#include <string_view>

namespace npq {

/// Makes untrusted text safe for a terminal: control, bidi and line-separator characters, and
/// characters that show as nothing (zero-width, tag characters), become visible escapes (\x1b,
/// \u202e, \u200b, \ue0041), and invalid UTF-8 becomes U+FFFD.
std::string terminal_safe(std::string_view text);

/// The same, but line feeds stay line feeds: for text that is escaped again afterwards, such as a
/// GitHub annotation's message, where a line feed becomes %0A and shows as a new line.
std::string terminal_safe_lines(std::string_view text);

} // namespace npq
