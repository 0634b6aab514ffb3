#include "npq/format/validate.hpp"

#include "npq/text/pointer.hpp"
#include "npq/text/suggest.hpp"
#include "npq/text/utf8.hpp"
#include "npq/yaml/load.hpp"

#include <cmath>
#include <fmt/format.h>

namespace npq::format {

namespace {

using NodeKind = yaml::Kind;
using yaml::Node;
using yaml::ScalarType;

std::string quote_value(const Node &node) {
  constexpr std::size_t kMax = 40;
  if (node.text.size() > kMax) {
    return fmt::format("'{}...'", std::string_view(node.text).substr(0, kMax));
  }
  return fmt::format("'{}'", node.text);
}

std::string describe(const Node &node) {
  switch (node.kind) {
  case NodeKind::null:
    return "null (an empty value)";
  case NodeKind::sequence:
    return "a list";
  case NodeKind::mapping:
    return "a mapping";
  case NodeKind::scalar:
    break;
  }
  auto type = yaml::scalar_type(node);
  if (type == ScalarType::string) {
    return fmt::format("the text {}", quote_value(node));
  }
  return fmt::format("{} ({})", yaml::to_string(type), node.text);
}

std::string expected(const Type &type) {
  switch (type.shape) {
  case Shape::string:
    return type.pattern.empty() ? "text" : std::string(type.pattern_help);
  case Shape::integer:
    return "a whole number";
  case Shape::number:
    return "a number";
  case Shape::boolean:
    return "true or false";
  case Shape::enumeration: {
    if (type.values.size() == 1) {
      return fmt::format("'{}'", type.values[0].word);
    }
    return "one of the allowed words";
  }
  case Shape::object:
    return "a mapping";
  case Shape::array:
    return "a list";
  case Shape::one_of:
    return std::string(type.summary);
  }
  return "a value";
}

class Validator {
public:
  Validator(const SourceFile &source, int document, Diagnostics &out)
      : m_source(source), m_document(document), m_out(out) {}

  void check(const Node &node, const Type &type) {
    switch (type.shape) {
    case Shape::string:
      return check_string(node, type);
    case Shape::integer:
    case Shape::number:
      return check_number(node, type);
    case Shape::boolean:
      return check_boolean(node);
    case Shape::enumeration:
      return check_enum(node, type);
    case Shape::object:
      return check_object(node, type);
    case Shape::array:
      return check_array(node, type);
    case Shape::one_of:
      return check_one_of(node, type);
    }
  }

  Diagnostic &report(Code code, const Node &node, std::string message, std::string hint = {}) {
    return m_out.add(code, yaml::locate(m_source, node.offset, m_path.str(), m_document),
                     std::move(message), std::move(hint));
  }

  PointerPath &path() { return m_path; }

private:
  bool is_text(const Node &node) const {
    return node.kind == NodeKind::scalar && yaml::scalar_type(node) == ScalarType::string;
  }

  void wrong_type(const Node &node, const Type &type) {
    std::string hint;
    if (node.kind == NodeKind::scalar &&
        (type.shape == Shape::string || type.shape == Shape::enumeration)) {
      hint = fmt::format("quote it to make it text: \"{}\"", node.text);
    } else if (node.kind == NodeKind::scalar && !node.plain &&
               (type.shape == Shape::number || type.shape == Shape::integer)) {
      hint = "remove the quotes: a quoted number is text";
    } else if (node.kind == NodeKind::null) {
      hint = "give a value, or leave the key out if it is optional";
    }
    report(Code::wrong_type, node,
           fmt::format("expected {}, got {}", expected(type), describe(node)), std::move(hint));
  }

  void warn_if_ambiguous(const Node &node) {
    if (yaml::is_yaml11_ambiguous(node)) {
      auto type = yaml::scalar_type(node);
      double value = 0;
      std::string how =
          type != ScalarType::integer
              ? fmt::format("'{}' is text in YAML 1.2 but a boolean or number in YAML 1.1 tools",
                            node.text)
          : yaml::read_number(node, value) == yaml::NumberRead::ok
              ? fmt::format("npq reads {} as the number {}; YAML 1.1 tools read it differently",
                            node.text, value)
              : fmt::format("npq reads {} as a decimal number; YAML 1.1 tools read it differently",
                            node.text);
      report(Code::yaml11_ambiguity, node, how, fmt::format("write \"{}\" in quotes", node.text));
    }
  }

  void check_string(const Node &node, const Type &type) {
    if (!is_text(node)) {
      return wrong_type(node, type);
    }
    warn_if_ambiguous(node);
    if (type.non_empty && node.text.empty()) {
      report(Code::empty_value, node, "this text must not be empty");
      return;
    }
    // The length first: regex_match recurses per character (see Type::max_length).
    if (type.max_length > 0 && utf8::count_code_points(node.text) > type.max_length) {
      report(Code::bad_format, node,
             fmt::format("{} is longer than {} characters, so it is not {}", quote_value(node),
                         type.max_length, type.pattern_help));
      return;
    }
    if (type.compiled && !std::regex_match(node.text, type.compiled->get())) {
      report(Code::bad_format, node,
             fmt::format("{} is not {}", quote_value(node), type.pattern_help));
    }
  }

  void check_number(const Node &node, const Type &type) {
    double value = 0;
    auto read = node.kind == NodeKind::scalar ? yaml::read_number(node, value)
                                              : yaml::NumberRead::not_a_number;
    // JSON Schema's "integer" accepts any number with a zero fraction (2.0), so npq does too.
    if (read == yaml::NumberRead::not_a_number ||
        (type.shape == Shape::integer && read == yaml::NumberRead::ok && std::isfinite(value) &&
         value != std::floor(value))) {
      return wrong_type(node, type);
    }
    warn_if_ambiguous(node);
    // A figure that is not a finite number would otherwise be shown as "≥ ∞" or counted as 1.
    if (read == yaml::NumberRead::out_of_range) {
      report(Code::out_of_range, node,
             fmt::format("{} is beyond the range of numbers npq can represent", quote_value(node)),
             "write the figure as published");
    } else if (!std::isfinite(value)) {
      report(
          Code::out_of_range, node, fmt::format("{} is not a finite number", quote_value(node)),
          "write the figure as published, or 'not-published' for hours the source does not give");
    } else if (type.minimum && value < *type.minimum) {
      report(Code::out_of_range, node,
             fmt::format("{} is less than the minimum, {}", node.text, *type.minimum));
    } else if (type.maximum && value > *type.maximum) {
      report(Code::out_of_range, node,
             fmt::format("{} is more than the maximum, {:.0f}", quote_value(node), *type.maximum));
    }
  }

  // 'from: 10, to: 5': both are numbers, but the range is empty.
  void check_order(const Node &node, const Type &type) {
    const Node *low = node.get(type.ordered.first);
    const Node *high = node.get(type.ordered.second);
    double a = 0;
    double b = 0;
    if (low != nullptr && high != nullptr && yaml::parse_number(*low, a) &&
        yaml::parse_number(*high, b) && std::isfinite(a) && std::isfinite(b) && b < a) {
      PointerPath::Scope<std::string_view> scope(m_path, type.ordered.second);
      report(Code::out_of_range, *high,
             fmt::format("'{}' ({}) is less than '{}' ({})", type.ordered.second, high->text,
                         type.ordered.first, low->text),
             "swap the two figures, or correct the one that was mistyped");
    }
  }

  void check_boolean(const Node &node) {
    if (node.kind == NodeKind::scalar && yaml::scalar_type(node) == ScalarType::boolean) {
      return;
    }
    std::string hint;
    if (yaml::is_yaml11_ambiguous(node)) {
      hint = fmt::format("YAML 1.2 reads '{}' as text; write true or false", node.text);
    }
    report(Code::wrong_type, node, fmt::format("expected true or false, got {}", describe(node)),
           std::move(hint));
  }

  void check_enum(const Node &node, const Type &type) {
    if (!is_text(node)) {
      return wrong_type(node, type);
    }
    if (type.allows(node.text)) {
      return;
    }
    std::vector<std::string_view> words;
    for (const auto &v : type.values) {
      words.push_back(v.word);
    }
    std::string hint =
        m_out.accepting(Code::value_not_allowed) ? did_you_mean(node.text, words) : "";
    if (hint.empty()) {
      if (words.size() <= 8) {
        std::string list;
        for (auto w : words) {
          list += list.empty() ? "" : ", ";
          list += w;
        }
        hint = fmt::format("allowed: {}", list);
      } else {
        hint = "see docs/format.md for the allowed words";
      }
    }
    report(Code::value_not_allowed, node,
           fmt::format("{} is not allowed here{}", quote_value(node),
                       type.name.empty() ? std::string() : fmt::format(" (a {})", type.name)),
           std::move(hint));
  }

  void check_object(const Node &node, const Type &type) {
    if (!node.is_mapping()) {
      return wrong_type(node, type);
    }
    for (const auto &entry : node.entries) {
      const std::string &key = entry.key->text;
      if (key.size() > 2 && key[0] == 'x' && key[1] == '-') {
        continue; // user extension
      }
      if (key == "inferred") {
        PointerPath::Scope<std::string_view> scope(m_path, key);
        check_inferred(node, *entry.value, type);
        continue;
      }
      const Field *field = type.field(key);
      if (field == nullptr) {
        std::vector<std::string_view> keys;
        for (const auto &f : type.fields) {
          keys.push_back(f.key);
        }
        // Past the per-code cap a finding is only counted: no hint to compute.
        std::string hint = m_out.accepting(Code::unknown_key) ? did_you_mean(key, keys) : "";
        if (hint.empty()) {
          hint = "keys starting with 'x-' are free for your own use";
        }
        PointerPath::Scope<std::string_view> scope(m_path, key);
        report(Code::unknown_key, *entry.key,
               fmt::format("unknown key '{}'{}", key,
                           type.name.empty() ? std::string() : fmt::format(" in {}", type.name)),
               std::move(hint));
        continue;
      }
      PointerPath::Scope<std::string_view> scope(m_path, key);
      check(*entry.value, *field->type);
    }
    if (!type.ordered.first.empty()) {
      check_order(node, type);
    }
    for (const auto &field : type.fields) {
      if (field.required && node.get(field.key) == nullptr) {
        report(Code::missing_key, node,
               fmt::format("missing required key '{}'{}", field.key,
                           type.name.empty() ? std::string() : fmt::format(" in {}", type.name)),
               fmt::format("add '{}': {}", field.key, field.meaning));
      }
    }
  }

  // 'inferred: {key: reason}' marks sibling keys whose values the encoder concluded rather than
  // read. Every object may carry it; each key it names must be one this mapping has.
  void check_inferred(const Node &owner, const Node &inferred, const Type &type) {
    if (!inferred.is_mapping()) {
      report(Code::wrong_type, inferred,
             "'inferred' must be a mapping of keys to the reason each value was inferred",
             "inferred: {framework: The page names no framework, but teaches its areas.}");
      return;
    }
    for (const auto &e : inferred.entries) {
      PointerPath::Scope<std::string_view> scope(m_path, e.key->text);
      if (type.field(e.key->text) == nullptr || owner.get(e.key->text) == nullptr) {
        report(Code::unknown_key, *e.key,
               fmt::format("'inferred' names '{}', which this mapping does not have", e.key->text),
               "name a key written beside 'inferred'");
      } else if (!e.value->is_scalar() || e.value->text.empty()) {
        report(Code::empty_value, *e.value, "say why the value was inferred",
               "inferred: {periods: The table's totals count four terms.}");
      }
    }
  }

  void check_array(const Node &node, const Type &type) {
    if (!node.is_sequence()) {
      return wrong_type(node, type);
    }
    if (type.non_empty && node.items.empty()) {
      report(Code::empty_value, node, "this list must not be empty",
             "leave the key out if there is nothing to list");
    }
    if (type.max_items > 0 && node.items.size() > type.max_items) {
      report(Code::too_large, node,
             fmt::format("this list has {} items, more than npq's limit of {}", node.items.size(),
                         type.max_items),
             "split the document; no published programme comes near this");
      return; // its items are not checked: what the limit bounds is their number
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      PointerPath::Scope<std::size_t> scope(m_path, i);
      check(*node.items[i], *type.items);
    }
  }

  static bool shape_matches(const Node &node, const Type &alt) {
    switch (alt.shape) {
    case Shape::object:
      return node.is_mapping();
    case Shape::array:
      return node.is_sequence();
    case Shape::number:
    case Shape::integer: {
      if (node.kind != NodeKind::scalar) {
        return false;
      }
      auto t = yaml::scalar_type(node);
      return t == ScalarType::integer || t == ScalarType::floating;
    }
    case Shape::boolean:
      return node.kind == NodeKind::scalar && yaml::scalar_type(node) == ScalarType::boolean;
    case Shape::string:
    case Shape::enumeration:
      return node.kind == NodeKind::scalar && yaml::scalar_type(node) == ScalarType::string;
    case Shape::one_of:
      return false;
    }
    return false;
  }

  void check_one_of(const Node &node, const Type &type) {
    std::vector<const Type *> candidates;
    for (const Type *alt : type.alternatives) {
      if (shape_matches(node, *alt)) {
        candidates.push_back(alt);
      }
    }
    if (candidates.empty()) {
      report(Code::wrong_type, node,
             fmt::format("expected {}: got {}", type.name.empty() ? "a value" : type.name,
                         describe(node)),
             std::string(type.summary));
      return;
    }
    if (candidates.size() == 1 || !node.is_mapping()) {
      return check(node, *candidates.front());
    }
    // Several mapping shapes (e.g. at-least / up-to / about / from-to): pick the one whose keys
    // the mapping uses, so the message is about the shape the author meant.
    const Type *best = nullptr;
    std::size_t best_score = 0;
    std::vector<std::string_view> all_keys;
    for (const Type *alt : candidates) {
      std::size_t score = 0;
      for (const auto &f : alt->fields) {
        all_keys.push_back(f.key);
        if (node.get(f.key) != nullptr) {
          score += 2;
        }
      }
      if (score > best_score) {
        best_score = score;
        best = alt;
      }
    }
    if (best != nullptr) {
      return check(node, *best);
    }
    std::string hint;
    if (!node.entries.empty()) {
      hint = did_you_mean(node.entries.front().key->text, all_keys);
    }
    if (hint.empty()) {
      hint = std::string(type.summary);
    }
    report(Code::wrong_type, node, fmt::format("this mapping is not a valid {}", type.name),
           std::move(hint));
  }

  const SourceFile &m_source;
  int m_document;
  Diagnostics &m_out;
  PointerPath m_path;
};

} // namespace

const format::Kind *validate_structure(const Node &root, const SourceFile &source, int document,
                                       Diagnostics &out) {
  Validator v(source, document, out);
  if (!root.is_mapping()) {
    v.report(Code::unknown_kind, root,
             fmt::format("an npq document is a mapping, but this document is {}", describe(root)),
             "start the document with 'format: 1' and 'kind: programme'");
    return nullptr;
  }
  const Node *kind_node = root.get("kind");
  std::vector<std::string_view> names;
  for (const auto &k : kinds()) {
    names.push_back(k.name);
  }
  if (kind_node == nullptr) {
    v.report(Code::unknown_kind, root, "the document has no 'kind'",
             "add 'kind: programme' (or suite, framework, catalogue, config)");
    return nullptr;
  }
  const format::Kind *kind = nullptr;
  if (kind_node->is_scalar() && yaml::scalar_type(*kind_node) == ScalarType::string) {
    kind = find_kind(kind_node->text);
  }
  if (kind == nullptr) {
    PointerPath::Scope<std::string_view> scope(v.path(), "kind");
    std::string hint = kind_node->is_scalar() ? did_you_mean(kind_node->text, names) : "";
    v.report(Code::unknown_kind, *kind_node,
             fmt::format("unknown document kind {}", describe(*kind_node)),
             hint.empty() ? "use programme, suite, framework, catalogue or config" : hint);
    return nullptr;
  }
  const Node *format_node = root.get("format");
  double version = 0;
  if (format_node == nullptr) {
    v.report(Code::unsupported_format, root, "the document has no 'format' version",
             fmt::format("add 'format: {}' as the first line", kFormatVersion));
  } else if (!yaml::parse_number(*format_node, version) || version != kFormatVersion) {
    PointerPath::Scope<std::string_view> scope(v.path(), "format");
    v.report(Code::unsupported_format, *format_node,
             fmt::format("format {} is not supported", describe(*format_node)),
             fmt::format("this npq reads 'format: {}'", kFormatVersion));
  }
  // Check everything but 'format', which was checked above with a clearer message.
  Type root_type = *kind->root;
  std::erase_if(root_type.fields, [](const Field &f) { return f.key == "format"; });
  if (format_node != nullptr) {
    Node without_format = root;
    std::erase_if(without_format.entries,
                  [](const yaml::Entry &e) { return e.key->text == "format"; });
    v.check(without_format, root_type);
  } else {
    v.check(root, root_type);
  }
  return kind;
}

} // namespace npq::format
