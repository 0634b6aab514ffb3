#include "npq/yaml/load.hpp"

#include "npq/text/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <limits>
#include <new>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace npq::yaml {

namespace {

constexpr std::string_view kCorePrefix = "tag:yaml.org,2002:";

// Thrown by the event handler to abandon a document; carries an already-built finding.
struct StopDocument {
  Code code;
  std::size_t offset;
  std::string message;
  std::string hint;
};

std::string describe_code_point(std::uint32_t cp) {
  return fmt::format("U+{:04X}", cp);
}

struct ReadAheadExceeded {
  std::size_t position;
};

// Hands the text to yaml-cpp in small chunks, and stops it when it reads far beyond the last
// event it produced. yaml-cpp queues every token of an unclosed '[' or '{' (a possible implicit
// key) before emitting anything, so without this a megabyte of brackets is tokenised, in time
// and memory, before any limit of npq's can act. Only bytes that can make tokens count: comments
// and white space produce none, so 256 KiB of comments between two keys is not read-ahead.
class BudgetedBuffer final : public std::streambuf {
public:
  BudgetedBuffer(std::string_view text, const std::size_t &last_event, std::size_t budget)
      : m_text(text), m_last_event(last_event), m_budget(budget) {}

private:
  // Where a '#' starts a comment: at the start of a line or after a blank. Inside a quoted or
  // block scalar such a '#' is text, which is not counted either; that text is one token, so it
  // costs memory in proportion to its length, never per byte.
  struct Scan {
    bool in_comment = false;
    bool after_blank = true;
    std::size_t counted = 0; ///< bytes that can make tokens, from the start of the text

    void step(char c) {
      if (in_comment) {
        in_comment = c != '\n';
        after_blank = true;
      } else if (c == '#' && after_blank) {
        in_comment = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        after_blank = true;
      } else {
        after_blank = false;
        ++counted;
      }
    }
  };
  struct Checkpoint {
    std::size_t offset;
    Scan scan;
  };

  // Counted bytes before `offset`, which lies within the text handed out so far.
  std::size_t counted_before(std::size_t offset) const {
    auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), offset,
                               [](std::size_t o, const Checkpoint &c) { return o < c.offset; });
    Checkpoint from = it == m_checkpoints.begin() ? Checkpoint{0, {}} : *std::prev(it);
    for (std::size_t i = from.offset; i < offset && i < m_text.size(); ++i) {
      from.scan.step(m_text[i]);
    }
    return from.scan.counted;
  }

  int_type underflow() override {
    if (gptr() != nullptr && gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    std::size_t next = egptr() == nullptr ? 0 : static_cast<std::size_t>(egptr() - m_text.data());
    if (next >= m_text.size()) {
      return traits_type::eof();
    }
    if (m_scan.counted > counted_before(m_last_event) + m_budget) {
      throw ReadAheadExceeded{m_last_event};
    }
    constexpr std::size_t kChunk = 4096;
    std::size_t end = std::min(next + kChunk, m_text.size());
    m_checkpoints.push_back(Checkpoint{next, m_scan});
    for (std::size_t i = next; i < end; ++i) {
      m_scan.step(m_text[i]);
    }
    // The get area is only read (yaml-cpp never puts characters back that differ), so the text
    // need not be copied to hand it out.
    char *begin = const_cast<char *>(m_text.data()) + next;
    setg(begin, begin, begin + (end - next));
    return traits_type::to_int_type(*gptr());
  }

  std::string_view m_text;
  const std::size_t &m_last_event;
  std::size_t m_budget;
  Scan m_scan;                           ///< state at the end of the text handed out
  std::vector<Checkpoint> m_checkpoints; ///< state at the start of each chunk, in order
};

// Builds Nodes from yaml-cpp events. One instance per stream; reset per document.
class TreeBuilder final : public YAML::EventHandler {
public:
  TreeBuilder(Stream &stream, const SourceFile &source, Diagnostics &out, const Limits &limits,
              std::size_t base_offset)
      : m_stream(stream), m_source(source), m_out(out), m_limits(limits), m_base(base_offset) {}

  void reset(int document) {
    m_frames.clear();
    m_anchors.clear();
    m_root = nullptr;
    m_document = document;
    m_started = false;
  }
  const Node *root() const { return m_root; }
  /// The limits for a file of `size` bytes (see Limits).
  void set_limits(std::uint64_t size) {
    const Limits &l = m_limits;
    m_node_limit = std::min(l.max_file_nodes, l.file_nodes_base + size / l.bytes_per_node);
    m_alias_limit = {l.alias_nodes + size / 1024 * l.alias_nodes_per_kib,
                     l.alias_bytes + size * l.alias_bytes_per_byte};
  }
  std::uint32_t document_offset() const { return m_document_offset; }
  bool started() const { return m_started; }

  void OnDocumentStart(const YAML::Mark &mark) override {
    m_started = true;
    m_document_offset = offset(mark);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    Node &n = make(mark, Kind::null);
    finish_leaf(n, anchor, Weight{1, 0});
  }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    std::uint32_t at = offset(mark);
    auto it = m_anchors.find(anchor);
    if (it == m_anchors.end()) {
      throw StopDocument{Code::alias_problem, at, "alias to an undefined anchor", {}};
    }
    const Node *target = it->second.node;
    if (it->second.open) {
      throw StopDocument{Code::alias_problem, at,
                         "recursive alias: the alias is inside the node its anchor names",
                         "a value cannot contain itself; copy the part you need instead"};
    }
    const Weight &w = it->second.weight;
    m_alias.nodes += w.nodes;
    m_alias.bytes += w.bytes;
    if (m_alias.nodes > m_alias_limit.nodes || m_alias.bytes > m_alias_limit.bytes) {
      bool nodes = m_alias.nodes > m_alias_limit.nodes;
      throw StopDocument{
          Code::alias_problem, at,
          nodes ? fmt::format("aliases add more than {} nodes to this file", m_alias_limit.nodes)
                : fmt::format("aliases add more than {} bytes of text to this file",
                              m_alias_limit.bytes),
          "nested or repeated aliases multiply; write the values out, or split the file"};
    }
    if (!m_frames.empty() && m_frames.back().node->kind == Kind::mapping &&
        m_frames.back().pending_key == nullptr && target->kind == Kind::scalar) {
      // An alias used as a key: a copy that knows where the alias is, so a duplicate key (or an
      // unknown one) is reported here, not at the anchor.
      Node &key = m_stream.arena.emplace_back(*target);
      key.offset = at;
      add_child(&key, w);
      return;
    }
    add_child(target, w, at);
  }

  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    Node &n = make(mark, Kind::scalar);
    n.plain = tag == "?";
    n.text = value;
    set_tag(n, tag, mark);
    finish_leaf(n, anchor, Weight{1, value.size()});
  }

  void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Node &n = make(mark, Kind::sequence);
    set_tag(n, tag, mark);
    open(n, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Node &n = make(mark, Kind::mapping);
    set_tag(n, tag, mark);
    open(n, anchor);
  }
  void OnMapEnd() override {
    Frame &f = m_frames.back();
    apply_merge_keys(*f.node);
    close();
  }

private:
  /// What a node stands for once aliases are expanded: nodes and bytes of scalar text.
  struct Weight {
    std::uint64_t nodes = 1;
    std::uint64_t bytes = 0;
  };
  struct Frame {
    Node *node;
    YAML::anchor_t anchor;
    Weight weight;
    const Node *pending_key = nullptr;
    std::unordered_map<std::string_view, const Node *> keys; // only for large mappings
  };
  struct Anchor {
    const Node *node;
    bool open;
    Weight weight;
  };

  std::uint32_t offset(const YAML::Mark &mark) {
    if (mark.pos < 0) {
      return static_cast<std::uint32_t>(m_base);
    }
    m_last_event = static_cast<std::size_t>(mark.pos);
    return static_cast<std::uint32_t>(static_cast<std::size_t>(mark.pos) + m_base);
  }

public:
  /// Offset (within the parsed text) of the latest event: how far parsing has got.
  const std::size_t &last_event() const { return m_last_event; }

private:
  Node &make(const YAML::Mark &mark, Kind kind) {
    Node &n = m_stream.arena.emplace_back();
    n.kind = kind;
    n.offset = offset(mark);
    if (++m_file_nodes > m_node_limit) {
      throw StopDocument{Code::too_large, n.offset,
                         fmt::format("this file has more than {} nodes", m_node_limit),
                         "split it into several files"};
    }
    return n;
  }

  void set_tag(Node &n, const std::string &tag, const YAML::Mark &mark) {
    if (tag.empty() || tag == "?" || tag == "!") {
      return;
    }
    std::string_view t = tag;
    bool core = t.substr(0, kCorePrefix.size()) == kCorePrefix;
    std::string_view name = core ? t.substr(kCorePrefix.size()) : t;
    bool ok = core && (name == "str" || name == "int" || name == "float" || name == "bool" ||
                       name == "null" || name == "map" || name == "seq");
    if (ok && n.kind == Kind::scalar) {
      ok = name != "map" && name != "seq";
    }
    if (ok && n.kind == Kind::sequence) {
      ok = name == "seq";
    }
    if (ok && n.kind == Kind::mapping) {
      ok = name == "map";
    }
    if (!ok) {
      throw StopDocument{
          Code::unsupported_tag, offset(mark),
          fmt::format("unsupported tag '{}'", core ? fmt::format("!!{}", name) : tag),
          "remove the tag; npq reads the YAML 1.2 core schema only"};
    }
    n.tag = core_tag(tag);
    if (n.kind == Kind::scalar && name != "str") {
      // A core tag must fit its value, or the value would be silently reinterpreted.
      Node probe = n;
      probe.tag = {};
      probe.plain = true;
      ScalarType actual = scalar_type(probe);
      bool fits =
          (name == "int" && actual == ScalarType::integer) ||
          (name == "float" && (actual == ScalarType::floating || actual == ScalarType::integer)) ||
          (name == "bool" && actual == ScalarType::boolean) ||
          (name == "null" && actual == ScalarType::null);
      if (!fits) {
        throw StopDocument{Code::unsupported_tag, offset(mark),
                           fmt::format("'{}' is not a valid !!{}", n.text, name),
                           "remove the tag or correct the value"};
      }
    }
  }

  void finish_leaf(Node &n, YAML::anchor_t anchor, Weight weight) {
    if (anchor != 0) {
      m_anchors[anchor] = Anchor{&n, false, weight};
    }
    add_child(&n, weight);
  }

  void open(Node &n, YAML::anchor_t anchor) {
    if (m_frames.size() >= m_limits.max_depth) {
      throw StopDocument{
          Code::too_deep, n.offset,
          fmt::format("nesting is too deep (the limit is {} levels)", m_limits.max_depth),
          "flatten the structure; no npq document needs this depth"};
    }
    if (anchor != 0) {
      m_anchors[anchor] = Anchor{&n, true, {}};
    }
    m_frames.push_back(Frame{&n, anchor});
  }

  void close() {
    Frame f = std::move(m_frames.back());
    m_frames.pop_back();
    if (f.node->kind == Kind::mapping && f.pending_key != nullptr) {
      // A key without a value cannot come from the event stream, but stay safe.
      f.node->entries.push_back({f.pending_key, f.pending_key});
    }
    if (f.anchor != 0) {
      m_anchors[f.anchor] = Anchor{f.node, false, f.weight};
    }
    add_child(f.node, f.weight);
  }

  // `at`: where the child is written, when that is not its own offset (an alias).
  void add_child(const Node *child, Weight weight, std::optional<std::uint32_t> at = {}) {
    if (m_frames.empty()) {
      m_root = child;
      return;
    }
    Frame &f = m_frames.back();
    // Saturating: a weight only ever needs to be compared with a limit far below the maximum.
    constexpr auto kMax = std::numeric_limits<std::uint64_t>::max() / 2;
    f.weight.nodes = std::min(f.weight.nodes + weight.nodes, kMax);
    f.weight.bytes = std::min(f.weight.bytes + weight.bytes, kMax);
    Node &parent = *f.node;
    if (parent.kind == Kind::sequence) {
      parent.items.push_back(child);
      return;
    }
    if (f.pending_key == nullptr) {
      if (child->kind != Kind::scalar) {
        throw StopDocument{Code::non_scalar_key, at.value_or(child->offset),
                           child->kind == Kind::null ? "a mapping key is empty (null)"
                                                     : "a mapping key is not plain text",
                           "keys are names such as 'title'; use a scalar key"};
      }
      check_duplicate(f, child);
      f.pending_key = child;
      return;
    }
    parent.entries.push_back({f.pending_key, child});
    f.pending_key = nullptr;
  }

  void check_duplicate(Frame &f, const Node *key) {
    // Small mappings are scanned; larger ones get a hash set so checking stays linear.
    constexpr std::size_t kLinearLimit = 16;
    const auto &entries = f.node->entries;
    const Node *first = nullptr;
    if (entries.size() < kLinearLimit) {
      for (const auto &e : entries) {
        if (e.key->text == key->text) {
          first = e.key;
          break;
        }
      }
    } else {
      if (f.keys.empty()) {
        for (const auto &e : entries) {
          f.keys.emplace(e.key->text, e.key);
        }
      }
      auto [it, inserted] = f.keys.emplace(key->text, key);
      if (!inserted) {
        first = it->second;
      }
    }
    if (first != nullptr) {
      auto &d = m_out.add(Code::duplicate_key, locate(m_source, key->offset, {}, m_document),
                          fmt::format("duplicate key '{}' in this mapping", key->text),
                          "remove one of the two; YAML keeps only one value per key");
      d.notes.push_back({locate(m_source, first->offset, {}, m_document),
                         fmt::format("'{}' was first given here", key->text)});
    }
  }

  // YAML 1.1 merge keys ('<<: *defaults'): explicit keys win, then earlier sources win.
  void apply_merge_keys(Node &map) {
    bool has_merge = false;
    for (const auto &e : map.entries) {
      if (e.key->plain && e.key->text == "<<") {
        has_merge = true;
      }
    }
    if (!has_merge) {
      return;
    }
    std::vector<Entry> result;
    std::vector<const Node *> sources;
    for (const auto &e : map.entries) {
      if (e.key->plain && e.key->text == "<<") {
        if (e.value->kind == Kind::mapping) {
          sources.push_back(e.value);
        } else if (e.value->kind == Kind::sequence) {
          for (const Node *item : e.value->items) {
            if (item->kind != Kind::mapping) {
              throw StopDocument{Code::yaml_syntax,
                                 item->offset,
                                 "a merge key ('<<') takes a mapping or a list of mappings",
                                 {}};
            }
            sources.push_back(item);
          }
        } else {
          throw StopDocument{Code::yaml_syntax,
                             e.value->offset,
                             "a merge key ('<<') takes a mapping or a list of mappings",
                             {}};
        }
      } else {
        result.push_back(e);
      }
    }
    std::unordered_set<std::string_view> present;
    for (const auto &r : result) {
      present.insert(r.key->text);
    }
    for (const Node *source : sources) {
      for (const auto &e : source->entries) {
        if (present.insert(e.key->text).second) {
          result.push_back(e);
        }
      }
    }
    map.entries = std::move(result);
  }

  Stream &m_stream;
  const SourceFile &m_source;
  Diagnostics &m_out;
  const Limits &m_limits;
  std::size_t m_base;
  std::vector<Frame> m_frames;
  std::unordered_map<YAML::anchor_t, Anchor> m_anchors;
  const Node *m_root = nullptr;
  Weight m_alias{0, 0};       ///< what aliases have added so far, over the whole file
  Weight m_alias_limit{0, 0}; ///< what they may add (set_alias_limit)
  std::uint32_t m_document_offset = 0;
  int m_document = 0;
  bool m_started = false;
  std::size_t m_last_event = 0;
  std::uint64_t m_file_nodes = 0;
  std::uint64_t m_node_limit = 0; ///< set_limits
};

// Describes the character at an offset for "unexpected ..." messages.
std::string describe_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) {
    return "the end of the file";
  }
  std::size_t i = offset;
  std::uint32_t cp = utf8::next(text, i);
  if (cp < 0x20 || cp == 0x7F) {
    return describe_code_point(cp);
  }
  return fmt::format("'{}'", text.substr(offset, i - offset));
}

std::size_t first_significant(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
        ++i;
      }
    } else {
      break;
    }
  }
  return i;
}

bool check_encoding(const SourceFile &source, Diagnostics &out, std::size_t &base) {
  const std::string &t = source.text();
  auto starts = [&](std::string_view prefix) { return t.compare(0, prefix.size(), prefix) == 0; };
  std::string_view encoding;
  if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    encoding = "UTF-32BE";
  } else if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) {
    encoding = "UTF-32LE";
  } else if (starts("\xFE\xFF")) {
    encoding = "UTF-16BE";
  } else if (starts("\xFF\xFE")) {
    encoding = "UTF-16LE";
  }
  if (!encoding.empty()) {
    out.add(Code::wrong_encoding, Location{source.name(), 1, 1},
            fmt::format("the file starts with a {} byte-order mark", encoding),
            "npq reads UTF-8; re-save the file as UTF-8");
    return false;
  }
  base = starts("\xEF\xBB\xBF") ? 3 : 0;
  if (auto failure = utf8::check(std::string_view(t).substr(base))) {
    std::size_t at = failure->offset + base;
    auto where = locate(source, at);
    switch (failure->problem) {
    case utf8::Problem::invalid_sequence:
      out.add(Code::invalid_utf8, where,
              fmt::format("byte 0x{:02X} does not start a valid UTF-8 sequence", failure->code),
              "the file may be saved as Latin-1 or Windows-1252; re-save it as UTF-8");
      break;
    case utf8::Problem::nul_byte:
      out.add(Code::control_character, where, "NUL byte in the file",
              "a file full of NUL bytes is usually UTF-16 without a byte-order mark; re-save as "
              "UTF-8");
      break;
    case utf8::Problem::control:
      out.add(Code::control_character, where,
              fmt::format("control character {} is not allowed in YAML",
                          describe_code_point(failure->code)),
              "remove the character; use an escape such as \\t inside a double-quoted string if "
              "you need it");
      break;
    }
    return false;
  }
  return true;
}

// yaml-cpp 0.7 ends a quoted scalar that is never closed at the end of the file and reports
// nothing ('a: "abc' loads as "abc"). Returns where such a scalar starts, if any.
std::optional<std::size_t> unterminated_quote(const std::string &text, const Stream &stream) {
  for (const auto &node : stream.arena) {
    if (node.kind != Kind::scalar || node.plain || node.offset >= text.size()) {
      continue;
    }
    char quote = text[node.offset];
    if (quote != '"' && quote != '\'') {
      continue; // a block scalar, or a tagged one
    }
    std::size_t i = node.offset + 1;
    bool closed = false;
    while (i < text.size()) {
      if (quote == '"' && text[i] == '\\') {
        i += 2;
        continue;
      }
      if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          i += 2; // '' is an escaped quote
          continue;
        }
        closed = true;
        break;
      }
      ++i;
    }
    if (!closed) {
      return node.offset;
    }
  }
  return std::nullopt;
}

} // namespace

Location locate(const SourceFile &source, std::size_t offset, std::string pointer, int document) {
  auto p = source.position(offset);
  return Location{source.name(), p.line, p.column, std::move(pointer), document};
}

Limits share(const Limits &run, std::size_t files) {
  Limits each = run;
  if (files > 1) {
    each.alias_nodes = run.alias_nodes / files;
    each.alias_bytes = run.alias_bytes / files;
  }
  return each;
}

Stream load(const SourceFile &source, Diagnostics &out, const Limits &limits) {
  Stream stream;
  std::size_t base = 0;
  if (!check_encoding(source, out, base)) {
    return stream;
  }
  // yaml-cpp 0.7 does not treat a lone CR as a line break; YAML 1.2 does. Replacing it with LF
  // keeps every byte offset (and so every reported position) unchanged.
  std::string_view text = std::string_view(source.text()).substr(base);
  auto lone_cr = [&](std::size_t i) {
    return text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
  };
  std::string with_lf; // a copy only for files that need it
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (lone_cr(i)) {
      with_lf = std::string(text);
      for (std::size_t j = i; j < with_lf.size(); ++j) {
        with_lf[j] = lone_cr(j) ? '\n' : with_lf[j];
      }
      text = with_lf;
      break;
    }
  }
  TreeBuilder builder(stream, source, out, limits, base);
  builder.set_limits(text.size());
  BudgetedBuffer buffer(text, builder.last_event(), limits.max_read_ahead);
  std::istream input(&buffer);
  input.exceptions(std::ios::badbit); // let ReadAheadExceeded through istream
  try {
    YAML::Parser parser(input);
    std::size_t previous_offset = std::numeric_limits<std::size_t>::max();
    for (int index = 0;; ++index) {
      builder.reset(index);
      bool more = false;
      try {
        more = parser.HandleNextDocument(builder);
      } catch (const StopDocument &stop) {
        out.add(stop.code, locate(source, stop.offset, {}, index), stop.message, stop.hint);
        return stream; // the parser's state is unusable after an abandoned document
      }
      if (!more) {
        break;
      }
      std::size_t at = builder.document_offset();
      const Node *root = builder.root();
      if (at == previous_offset && (root == nullptr || root->is_null())) {
        // yaml-cpp 0.7 returns an empty document forever at input it cannot consume (a lone
        // ','); report the stuck position instead of looping.
        while (!stream.documents.empty() && stream.documents.back().offset == at &&
               stream.documents.back().root->is_null()) {
          stream.documents.pop_back();
        }
        std::size_t bad = first_significant(source.text(), at);
        out.add(Code::yaml_syntax, locate(source, bad, {}, index),
                fmt::format("unexpected {}", describe_at(source.text(), bad)),
                "this character cannot start a YAML value here");
        break;
      }
      previous_offset = at;
      if (stream.documents.size() >= limits.max_documents) {
        out.add(Code::too_many_documents, locate(source, at, {}, index),
                fmt::format("more than {} documents in one file; none of them was checked",
                            limits.max_documents),
                "split the stream into several files");
        stream.documents.clear(); // refuse the stream as a whole rather than half of it
        return stream;
      }
      if (root == nullptr) {
        root = &stream.arena.emplace_back();
      }
      stream.documents.push_back(Document{static_cast<std::uint32_t>(at), root});
    }
  } catch (const ReadAheadExceeded &e) {
    stream.documents.clear();
    out.add(Code::too_deep, locate(source, e.position + base),
            fmt::format("the parser read more than {} KiB of YAML (comments and white space "
                        "aside) past this point without finding the end of a value: an unclosed "
                        "or very deeply nested '[' or '{{', or a single value that is too long",
                        limits.max_read_ahead >> 10),
            "close the bracket, or split the value");
  } catch (const YAML::DeepRecursion &e) {
    out.add(Code::too_deep,
            locate(source, e.mark.pos >= 0 ? static_cast<std::size_t>(e.mark.pos) + base : 0),
            fmt::format("nesting is too deep (the limit is {} levels)", e.depth()),
            "flatten the structure; no npq document needs this depth");
  } catch (const YAML::ParserException &e) {
    std::size_t at = e.mark.pos >= 0 ? static_cast<std::size_t>(e.mark.pos) + base : base;
    out.add(Code::yaml_syntax, locate(source, at), e.msg);
  } catch (const std::bad_alloc &) {
    out.add(Code::too_large, Location{source.name()}, "ran out of memory while parsing",
            "the file is too large or too deeply aliased to load");
  } catch (const std::exception &e) {
    out.add(Code::yaml_syntax, Location{source.name()}, e.what());
  }
  if (auto at = unterminated_quote(source.text(), stream); at && !out.has_errors()) {
    out.add(Code::yaml_syntax, locate(source, *at), "this quoted text is never closed",
            "add the closing quote");
    stream.documents.clear();
    return stream;
  }
  // Empty documents: an empty file is an error, a stray empty document among others a warning.
  std::size_t non_empty = 0;
  for (const auto &doc : stream.documents) {
    non_empty += doc.root->is_null() ? 0 : 1;
  }
  if (stream.documents.empty() && !out.has_errors()) {
    out.add(Code::empty_document, Location{source.name(), 1, 1}, "the file holds no YAML document",
            "an npq document starts with 'format: 1' and a 'kind'");
  }
  for (std::size_t i = 0; i < stream.documents.size(); ++i) {
    if (stream.documents[i].root->is_null()) {
      auto &d = out.add(Code::empty_document,
                        locate(source, stream.documents[i].offset, {}, static_cast<int>(i)),
                        non_empty == 0 ? "the document is empty" : "empty document in the stream",
                        "remove the stray '---' or fill the document in");
      if (non_empty > 0) {
        d.severity = Severity::warning;
      }
    }
  }
  return stream;
}

} // namespace npq::yaml
