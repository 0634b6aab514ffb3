// Text for HTML and SVG (XML): cleaned like every other output (markdown.hpp's clean_text), then
// escaped by HTML rules, so user text can never become a tag, an attribute or an entity.
#pragma once

#include <string>
#include <string_view>

namespace npq::markup {

/// Cleaned text escaped for an HTML or XML text node or a double-quoted attribute value: '&', '<',
/// '>', '"' and '\'' become entities.
std::string html(std::string_view text, std::size_t max_length = 500);

/// Text for an HTML or XML comment: cleaned, with "--" and '>' removed so it cannot end the
/// comment.
std::string comment_text(std::string_view text);

} // namespace npq::markup
