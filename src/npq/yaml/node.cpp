#include "npq/yaml/node.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace npq::yaml {

namespace {

constexpr std::string_view kTagPrefix = "tag:yaml.org,2002:";

bool all_digits(std::string_view s, std::size_t from = 0) {
  if (from >= s.size()) {
    return false;
  }
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  return true;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool core_null(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool core_bool(std::string_view s) {
  return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE";
}

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
bool core_int(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o') {
    for (std::size_t i = 2; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '7') {
        return false;
      }
    }
    return true;
  }
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x') {
    for (std::size_t i = 2; i < s.size(); ++i) {
      if (!is_hex(s[i])) {
        return false;
      }
    }
    return true;
  }
  std::size_t from = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  return all_digits(s, from);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
bool core_float(std::string_view s) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    return true;
  }
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    ++i;
  }
  auto rest = s.substr(i);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") {
    return true;
  }
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    ++i, ++digits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t fraction = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ++i, ++fraction;
    }
    if (digits == 0 && fraction == 0) {
      return false;
    }
  } else if (digits == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
      ++i;
    }
    if (!all_digits(s.substr(0, s.size()), i)) {
      return false;
    }
    return true;
  }
  return i == s.size();
}

} // namespace

std::string_view core_tag(std::string_view tag) {
  static constexpr std::string_view kCore[] = {"tag:yaml.org,2002:str",   "tag:yaml.org,2002:int",
                                               "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                                               "tag:yaml.org,2002:null",  "tag:yaml.org,2002:map",
                                               "tag:yaml.org,2002:seq"};
  for (auto t : kCore) {
    if (t == tag) {
      return t;
    }
  }
  return {};
}

const Node *Node::get(std::string_view key) const {
  for (const auto &e : entries) {
    if (e.key->kind == Kind::scalar && e.key->text == key) {
      return e.value;
    }
  }
  return nullptr;
}

const Node *Node::key_node(std::string_view key) const {
  for (const auto &e : entries) {
    if (e.key->kind == Kind::scalar && e.key->text == key) {
      return e.key;
    }
  }
  return nullptr;
}

ScalarType scalar_type(const Node &node) {
  if (node.kind == Kind::null) {
    return ScalarType::null;
  }
  if (node.kind != Kind::scalar) {
    return ScalarType::string; // callers check kind first; containers are never scalars
  }
  if (!node.tag.empty()) {
    std::string_view t = node.tag;
    if (t.substr(0, kTagPrefix.size()) == kTagPrefix) {
      t.remove_prefix(kTagPrefix.size());
      if (t == "int") {
        return ScalarType::integer;
      }
      if (t == "float") {
        return ScalarType::floating;
      }
      if (t == "bool") {
        return ScalarType::boolean;
      }
      if (t == "null") {
        return ScalarType::null;
      }
    }
    return ScalarType::string;
  }
  if (!node.plain) {
    return ScalarType::string;
  }
  const std::string &s = node.text;
  if (core_null(s)) {
    return ScalarType::null;
  }
  if (core_bool(s)) {
    return ScalarType::boolean;
  }
  if (core_int(s)) {
    return ScalarType::integer;
  }
  if (core_float(s)) {
    return ScalarType::floating;
  }
  return ScalarType::string;
}

std::string_view to_string(ScalarType type) {
  switch (type) {
  case ScalarType::null:
    return "null";
  case ScalarType::boolean:
    return "a boolean";
  case ScalarType::integer:
    return "an integer";
  case ScalarType::floating:
    return "a number";
  case ScalarType::string:
    return "text";
  }
  return "text";
}

bool is_yaml11_ambiguous(const Node &node) {
  if (node.kind != Kind::scalar || !node.plain || !node.tag.empty()) {
    return false;
  }
  const std::string &s = node.text;
  static constexpr std::string_view kYaml11Bools[] = {"y",  "Y",   "yes", "Yes", "YES", "n",
                                                      "N",  "no",  "No",  "NO",  "on",  "On",
                                                      "ON", "off", "Off", "OFF"};
  for (auto b : kYaml11Bools) {
    if (s == b) {
      return true;
    }
  }
  std::string_view digits = s;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    digits.remove_prefix(1);
  }
  if (digits.size() > 1 && digits[0] == '0' && all_digits(digits)) {
    return true; // 010: decimal 10 in YAML 1.2, octal 8 in YAML 1.1
  }
  bool has_digit = false;
  bool only_number_chars = !digits.empty();
  bool has_underscore = false;
  bool has_colon = false;
  for (char c : digits) {
    if (c >= '0' && c <= '9') {
      has_digit = true;
    } else if (c == '_') {
      has_underscore = true;
    } else if (c == ':') {
      has_colon = true;
    } else if (c != '.') {
      only_number_chars = false;
    }
  }
  return only_number_chars && has_digit && (has_underscore || has_colon);
}

NumberRead read_number(const Node &node, double &out) {
  auto type = scalar_type(node);
  if (type != ScalarType::integer && type != ScalarType::floating) {
    return NumberRead::not_a_number;
  }
  std::string_view s = node.text;
  bool negative = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    out = negative ? -HUGE_VAL : HUGE_VAL;
    return NumberRead::ok;
  }
  if (body == ".nan" || body == ".NaN" || body == ".NAN") {
    out = std::nan("");
    return NumberRead::ok;
  }
  if (type == ScalarType::integer && body.size() > 2 && body[0] == '0' &&
      (body[1] == 'o' || body[1] == 'x')) {
    unsigned long long value = 0;
    int base = body[1] == 'o' ? 8 : 16;
    auto [ptr, ec] = std::from_chars(body.data() + 2, body.data() + body.size(), value, base);
    if (ec == std::errc::result_out_of_range) {
      return NumberRead::out_of_range;
    }
    if (ec != std::errc() || ptr != body.data() + body.size()) {
      return NumberRead::not_a_number;
    }
    out = static_cast<double>(value);
    return NumberRead::ok;
  }
  // from_chars for double does not accept a leading '+'; the sign was removed above. It reports
  // both overflow (1e999) and underflow (1e-400) as out of range.
  double value = 0;
  auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (ec == std::errc::result_out_of_range) {
    return NumberRead::out_of_range;
  }
  if (ec != std::errc() || ptr != body.data() + body.size()) {
    return NumberRead::not_a_number;
  }
  out = negative ? -value : value;
  return NumberRead::ok;
}

bool parse_number(const Node &node, double &out) {
  return read_number(node, out) == NumberRead::ok;
}

} // namespace npq::yaml
