#include "npq/markup/json_stream.hpp"

namespace npq::markup {

namespace {

// Invalid UTF-8 in a value becomes U+FFFD, as in every other JSON output of npq.
std::string dump(const JsonStream::Json &v) {
  return v.dump(2, ' ', false, JsonStream::Json::error_handler_t::replace);
}

} // namespace

// Before a value or a key: the separator and the indentation of the enclosing level, except for
// a value that follows its key.
void JsonStream::place() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_levels.empty()) {
    return;
  }
  Level &level = m_levels.back();
  m_out += level.empty ? "\n" : ",\n";
  level.empty = false;
  indent(m_levels.size());
}

void JsonStream::open(char bracket) {
  place();
  m_out += bracket;
  m_levels.push_back(Level{bracket});
}

void JsonStream::close() {
  Level level = m_levels.back();
  m_levels.pop_back();
  if (!level.empty) {
    m_out += '\n';
    indent(m_levels.size());
  }
  m_out += level.bracket == '{' ? '}' : ']';
}

void JsonStream::key(std::string_view name) {
  place();
  m_out += dump(Json(name));
  m_out += ": ";
  m_after_key = true;
}

void JsonStream::value(const Json &v) {
  place();
  // dump(2) indents nested lines for depth 0; shift them to this depth. JSON strings hold no raw
  // line breaks, so every '\n' in the text is layout.
  std::string text = dump(v);
  std::string pad = "\n" + std::string(2 * m_levels.size(), ' ');
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    m_out.append(text, from, nl - from);
    m_out += pad;
    from = nl + 1;
  }
  m_out.append(text, from, std::string::npos);
}

} // namespace npq::markup
