#include "npq/text/search.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace npq {

namespace {

constexpr std::int32_t kNone = -1;

// The automaton in flat arrays: node i's edges are edges[first[i] .. first[i + 1]), sorted by
// byte, so a step is a binary search among at most 256 edges.
struct Automaton {
  struct Edge {
    unsigned char byte;
    std::int32_t to;
  };
  std::vector<std::int32_t> first;  ///< per node, plus one past the end
  std::vector<Edge> edges;          ///< all nodes' edges, grouped by node
  std::vector<std::int32_t> fail;   ///< longest proper suffix that is also a trie node
  std::vector<std::int32_t> needle; ///< a needle ending exactly here, or kNone

  std::int32_t child(std::int32_t node, unsigned char byte) const {
    auto begin = edges.begin() + first[static_cast<std::size_t>(node)];
    auto end = edges.begin() + first[static_cast<std::size_t>(node) + 1];
    auto it = std::lower_bound(begin, end, byte,
                               [](const Edge &e, unsigned char b) { return e.byte < b; });
    return it != end && it->byte == byte ? it->to : kNone;
  }
};

Automaton build(const std::vector<std::string_view> &needles, std::vector<std::int32_t> &alias) {
  // The trie, built breadth-first so that node numbers follow depth (needed for the failure
  // links below): needles are sorted, then each trie level is one pass over them.
  std::vector<std::int32_t> order(needles.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = static_cast<std::int32_t>(i);
  }
  std::sort(order.begin(), order.end(),
            [&](std::int32_t a, std::int32_t b) { return needles[a] < needles[b]; });
  Automaton a;
  a.needle.push_back(kNone);
  alias.assign(needles.size(), kNone);
  // node of each needle's prefix at the current depth; needles that end stop taking part
  std::vector<std::int32_t> at(needles.size(), 0);
  std::vector<std::pair<std::int32_t, Automaton::Edge>> pending; // (parent, edge), by parent
  std::vector<std::int32_t> live(order);
  for (std::size_t depth = 0; !live.empty(); ++depth) {
    std::vector<std::int32_t> next_live;
    std::int32_t last_parent = kNone;
    unsigned char last_byte = 0;
    for (std::int32_t n : live) {
      std::string_view s = needles[static_cast<std::size_t>(n)];
      if (s.size() == depth) {
        auto &owner = a.needle[static_cast<std::size_t>(at[static_cast<std::size_t>(n)])];
        if (owner == kNone) {
          owner = n;
        } else {
          alias[static_cast<std::size_t>(n)] = owner; // the same text as an earlier needle
        }
        continue;
      }
      auto byte = static_cast<unsigned char>(s[depth]);
      std::int32_t parent = at[static_cast<std::size_t>(n)];
      if (parent != last_parent || byte != last_byte) {
        auto node = static_cast<std::int32_t>(a.needle.size());
        a.needle.push_back(kNone);
        pending.push_back({parent, {byte, node}});
        last_parent = parent;
        last_byte = byte;
      }
      at[static_cast<std::size_t>(n)] = pending.back().second.to;
      next_live.push_back(n);
    }
    live = std::move(next_live);
  }
  // Edges grouped by parent: parents are numbered in creation order and the needles were sorted,
  // so sorting by (parent, byte) keeps each group's bytes in order.
  std::stable_sort(pending.begin(), pending.end(),
                   [](const auto &x, const auto &y) { return x.first < y.first; });
  std::size_t nodes = a.needle.size();
  a.first.assign(nodes + 1, 0);
  for (const auto &[parent, edge] : pending) {
    ++a.first[static_cast<std::size_t>(parent) + 1];
  }
  for (std::size_t i = 1; i <= nodes; ++i) {
    a.first[i] += a.first[i - 1];
  }
  a.edges.reserve(pending.size());
  for (const auto &p : pending) {
    a.edges.push_back(p.second);
  }
  // Failure links, breadth-first: node numbers already follow depth.
  a.fail.assign(nodes, 0);
  for (std::size_t node = 0; node < nodes; ++node) {
    for (auto e = a.first[node]; e < a.first[node + 1]; ++e) {
      const auto &edge = a.edges[static_cast<std::size_t>(e)];
      std::int32_t f = node == 0 ? kNone : a.fail[node];
      std::int32_t target = 0;
      for (; f != kNone; f = f == 0 ? kNone : a.fail[static_cast<std::size_t>(f)]) {
        if (auto c = a.child(f, edge.byte); c != kNone) {
          target = c;
          break;
        }
      }
      a.fail[static_cast<std::size_t>(edge.to)] = target;
    }
  }
  return a;
}

} // namespace

std::vector<bool> occurs_in(std::string_view haystack,
                            const std::vector<std::string_view> &needles) {
  std::vector<bool> found(needles.size(), false);
  if (needles.empty()) {
    return found;
  }
  std::vector<std::int32_t> alias;
  Automaton a = build(needles, alias);
  std::size_t nodes = a.needle.size();
  // Visit every node the text reaches; a needle occurs when its node, or a node whose failure
  // chain passes through it, is reached. Marking the chains once at the end keeps this linear.
  std::vector<bool> reached(nodes, false);
  reached[0] = true;
  std::int32_t state = 0;
  for (char ch : haystack) {
    auto byte = static_cast<unsigned char>(ch);
    std::int32_t next = a.child(state, byte);
    while (next == kNone && state != 0) {
      state = a.fail[static_cast<std::size_t>(state)];
      next = a.child(state, byte);
    }
    state = next == kNone ? 0 : next;
    reached[static_cast<std::size_t>(state)] = true;
  }
  // Deeper nodes have larger numbers: propagate "reached" to each failure target in reverse.
  for (std::size_t node = nodes; node-- > 1;) {
    if (reached[node]) {
      reached[static_cast<std::size_t>(a.fail[node])] = true;
    }
  }
  for (std::size_t node = 0; node < nodes; ++node) {
    if (reached[node] && a.needle[node] != kNone) {
      found[static_cast<std::size_t>(a.needle[node])] = true;
    }
  }
  for (std::size_t i = 0; i < needles.size(); ++i) {
    if (alias[i] != kNone) {
      found[i] = found[static_cast<std::size_t>(alias[i])];
    }
  }
  return found;
}

} // namespace npq
