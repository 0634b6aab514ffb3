// npq's own YAML tree. It is built from yaml-cpp's event stream (never YAML::Load/LoadAll) so that
// every node keeps its byte offset, duplicate keys are caught, aliases are bounded, and scalars
// keep the information (plain or quoted, explicit tag) that YAML 1.2 core-schema typing needs.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace npq::yaml {

enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

/// How YAML 1.2's core schema types a scalar.
enum class ScalarType : std::uint8_t { null, boolean, integer, floating, string };

struct Node;

struct Entry {
  const Node *key;
  const Node *value;
};

struct Node {
  Kind kind = Kind::null;
  bool plain = true;        ///< scalar written without quotes or block indicator
  std::uint32_t offset = 0; ///< byte offset of the node in its file
  /// Explicit tag ("tag:yaml.org,2002:str"), empty when none. Only the core tags are accepted,
  /// so it always views static storage (core_tag()): a node is kept small, for large files.
  std::string_view tag;
  std::string text; ///< scalar text
  std::vector<const Node *> items;
  std::vector<Entry> entries;

  bool is_mapping() const { return kind == Kind::mapping; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }

  /// Value for a key in a mapping (first match), or nullptr.
  const Node *get(std::string_view key) const;
  /// The key node for a key in a mapping, or nullptr.
  const Node *key_node(std::string_view key) const;
};

/// The static copy of a YAML 1.2 core tag ("tag:yaml.org,2002:" and str, int, float, bool,
/// null, map or seq); empty for any other tag.
std::string_view core_tag(std::string_view tag);

/// Core-schema type of a node: null nodes are null; tagged scalars follow their tag; quoted and
/// block scalars are strings; plain scalars are matched against the core-schema patterns.
ScalarType scalar_type(const Node &node);
std::string_view to_string(ScalarType type);
/// True when a plain scalar would be read differently by a YAML 1.1 parser (yes/no/on/off, y/n,
/// leading-zero or underscore numbers, sexagesimal 1:30).
bool is_yaml11_ambiguous(const Node &node);
/// How reading a number went: a number outside double's range (1e999, 1e-400, a 400-digit
/// integer) is a number npq cannot represent, which is not the same as text.
enum class NumberRead : std::uint8_t { ok, not_a_number, out_of_range };
/// Reads a core-schema number (integer or float) into `out` (.inf and .nan included).
NumberRead read_number(const Node &node, double &out);
/// read_number() == ok.
bool parse_number(const Node &node, double &out);

struct Document {
  std::uint32_t offset = 0;
  const Node *root = nullptr;
};

/// All documents of one file. Nodes live in the arena, so pointers stay valid while the stream
/// lives; aliases are shared pointers to the anchored node.
struct Stream {
  std::deque<Node> arena;
  std::vector<Document> documents;
};

} // namespace npq::yaml
