// A YAML tree as constant tables, for data that is parsed once at build time rather than at every
// start: npq's bundled reference data (src/tools/embed_data.cpp writes the tables). Parsing those
// ~19 KB with yaml-cpp took about a third of a typical one-file run.
#pragma once

#include "npq/yaml/node.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace npq::yaml {

/// One node. Children are `count` indices into FlatStream::children starting at `first`: items
/// of a sequence, or key, value pairs of a mapping (2 * count indices).
struct FlatNode {
  Kind kind;
  bool plain;
  std::uint32_t offset;
  std::string_view tag;
  std::string_view text;
  std::uint32_t first;
  std::uint32_t count;
};

struct FlatDocument {
  std::uint32_t offset;
  std::uint32_t root; ///< index into FlatStream::nodes
};

struct FlatStream {
  std::span<const FlatNode> nodes;
  std::span<const std::uint32_t> children;
  std::span<const FlatDocument> documents;
};

/// The tables of a FlatStream, owned; their strings point into the Stream they were made from.
struct FlatTables {
  std::vector<FlatNode> nodes;
  std::vector<std::uint32_t> children;
  std::vector<FlatDocument> documents;

  FlatStream view() const { return {nodes, children, documents}; }
};

/// Numbers the nodes reachable from the documents, each once (aliases share a node).
FlatTables flatten(const Stream &stream);

/// Rebuilds the tree. Shared nodes (aliases) stay shared.
Stream inflate(const FlatStream &flat);

/// C++ source defining `const npq::yaml::FlatStream <name>` (and its tables, named after it) at
/// namespace scope; the caller places it in a namespace.
std::string flat_to_cpp(const FlatTables &tables, std::string_view name);

/// True when two trees have the same kinds, offsets, tags, texts and shape.
bool same_tree(const Node &a, const Node &b);

} // namespace npq::yaml
