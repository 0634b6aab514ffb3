#include "npq/yaml/flat.hpp"

#include <fmt/format.h>
#include <unordered_map>
#include <vector>

namespace npq::yaml {

Stream inflate(const FlatStream &flat) {
  Stream stream;
  std::vector<Node *> made;
  made.reserve(flat.nodes.size());
  for (const auto &f : flat.nodes) {
    Node &n = stream.arena.emplace_back();
    n.kind = f.kind;
    n.plain = f.plain;
    n.offset = f.offset;
    n.tag = core_tag(f.tag);
    n.text = f.text;
    made.push_back(&n);
  }
  for (std::size_t i = 0; i < flat.nodes.size(); ++i) {
    const auto &f = flat.nodes[i];
    Node &n = *made[i];
    if (f.kind == Kind::sequence) {
      n.items.reserve(f.count);
      for (std::uint32_t c = 0; c < f.count; ++c) {
        n.items.push_back(made[flat.children[f.first + c]]);
      }
    } else if (f.kind == Kind::mapping) {
      n.entries.reserve(f.count);
      for (std::uint32_t c = 0; c < f.count; ++c) {
        n.entries.push_back(
            Entry{made[flat.children[f.first + 2 * c]], made[flat.children[f.first + 2 * c + 1]]});
      }
    }
  }
  for (const auto &d : flat.documents) {
    stream.documents.push_back(Document{d.offset, made[d.root]});
  }
  return stream;
}

namespace {

// A C++ string_view expression for any bytes: printable ASCII as is, the rest as octal escapes
// (which, unlike \x, cannot swallow a following digit).
std::string cpp_string(std::string_view s) {
  std::string out = "std::string_view(\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\' || c == '?') { // '?': no trigraphs
      out += fmt::format("\\{:03o}", c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\{:03o}", c);
    }
  }
  return out + fmt::format("\", {})", s.size());
}

const char *kind_name(Kind kind) {
  switch (kind) {
  case Kind::null:
    return "null";
  case Kind::scalar:
    return "scalar";
  case Kind::sequence:
    return "sequence";
  case Kind::mapping:
    return "mapping";
  }
  return "null";
}

} // namespace

FlatTables flatten(const Stream &stream) {
  std::unordered_map<const Node *, std::uint32_t> index;
  std::vector<const Node *> order;
  auto number = [&](auto &self, const Node *n) -> void {
    if (!index.emplace(n, static_cast<std::uint32_t>(order.size())).second) {
      return;
    }
    order.push_back(n);
    for (const Node *item : n->items) {
      self(self, item);
    }
    for (const auto &e : n->entries) {
      self(self, e.key);
      self(self, e.value);
    }
  };
  for (const auto &d : stream.documents) {
    number(number, d.root);
  }
  FlatTables tables;
  for (const Node *n : order) {
    auto first = static_cast<std::uint32_t>(tables.children.size());
    std::uint32_t count = 0;
    for (const Node *item : n->items) {
      tables.children.push_back(index.at(item));
      ++count;
    }
    for (const auto &e : n->entries) {
      tables.children.push_back(index.at(e.key));
      tables.children.push_back(index.at(e.value));
      ++count;
    }
    tables.nodes.push_back(FlatNode{n->kind, n->plain, n->offset, n->tag, n->text, first, count});
  }
  for (const auto &d : stream.documents) {
    tables.documents.push_back(FlatDocument{d.offset, index.at(d.root)});
  }
  return tables;
}

std::string flat_to_cpp(const FlatTables &tables, std::string_view name) {
  std::string nodes;
  for (const auto &n : tables.nodes) {
    nodes +=
        fmt::format("    {{npq::yaml::Kind::{}, {}, {}, {}, {}, {}, {}}},\n", kind_name(n.kind),
                    n.plain, n.offset, cpp_string(n.tag), cpp_string(n.text), n.first, n.count);
  }
  std::string documents;
  for (const auto &d : tables.documents) {
    documents += fmt::format("    {{{}, {}}},\n", d.offset, d.root);
  }
  // Arrays cannot be empty: a placeholder element that the span leaves out.
  std::string out;
  out += fmt::format("const npq::yaml::FlatNode {}_nodes[] = {{\n{}}};\n", name,
                     nodes.empty() ? "    {}\n" : nodes);
  out += fmt::format("const std::uint32_t {}_children[] = {{{}{}0}};\n", name,
                     fmt::join(tables.children, ", "), tables.children.empty() ? "" : ", ");
  out += fmt::format("const npq::yaml::FlatDocument {}_documents[] = {{\n{}}};\n", name,
                     documents.empty() ? "    {}\n" : documents);
  out += fmt::format("const npq::yaml::FlatStream {0}{{std::span({0}_nodes, {1}), "
                     "std::span({0}_children, {2}), std::span({0}_documents, {3})}};\n",
                     name, tables.nodes.size(), tables.children.size(), tables.documents.size());
  return out;
}

bool same_tree(const Node &a, const Node &b) {
  if (a.kind != b.kind || a.plain != b.plain || a.offset != b.offset || a.tag != b.tag ||
      a.text != b.text || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same_tree(*a.items[i], *b.items[i])) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (!same_tree(*a.entries[i].key, *b.entries[i].key) ||
        !same_tree(*a.entries[i].value, *b.entries[i].value)) {
      return false;
    }
  }
  return true;
}

} // namespace npq::yaml
