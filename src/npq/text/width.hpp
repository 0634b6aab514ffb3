// How wide text is on a terminal, and how to wrap it to a width. Used by every text renderer so
// that tables and prose fit the terminal they are printed on (see markup/text_table.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace npq::text {

/// Terminal columns `s` takes: East Asian wide and fullwidth characters take two, combining
/// marks and zero-width characters none, everything else one. `s` is terminal-safe text.
std::size_t display_width(std::string_view s);

/// Splits `s` into lines at most `width` columns wide, breaking at spaces (and after '/' or '-'
/// when a word is too long), and cutting a word only when no break fits. Spaces between words on
/// the same line are kept as they are; leading spaces are dropped. A width of 0 means no limit.
/// Line feeds in `s` start new lines. Never returns an empty vector.
std::vector<std::string> wrap(std::string_view s, std::size_t width);

/// A paragraph wrapped to `width`: the first line starts with `first`, the others with `rest`
/// (usually spaces, for a hanging indent). Ends with a line feed.
std::string wrap_paragraph(std::string_view s, std::size_t width, std::string_view first = {},
                           std::string_view rest = {});

} // namespace npq::text
