// JSON written piece by piece in exactly the layout of nlohmann's dump(2), for reports whose
// output grows with the input ('npq export'): the large arrays are serialised one element at a
// time, so the whole document never exists as one DOM (which costs several times its text).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace npq::markup {

class JsonStream {
public:
  using Json = nlohmann::ordered_json;

  explicit JsonStream(std::string &out) : m_out(out) {}

  /// Starts an object ('{') or an array ('['), as a value at the current place.
  void open(char bracket);
  /// Ends the innermost object or array.
  void close();
  /// The next member's key, inside an object; its value follows (open() or value()).
  void key(std::string_view name);
  /// A complete value at the current place.
  void value(const Json &v);
  /// A member with a complete value, inside an object.
  void member(std::string_view name, const Json &v) {
    key(name);
    value(v);
  }

private:
  struct Level {
    char bracket;
    bool empty = true;
  };
  void place();
  void indent(std::size_t levels) { m_out.append(2 * levels, ' '); }

  std::string &m_out;
  std::vector<Level> m_levels;
  bool m_after_key = false;
};

} // namespace npq::markup
