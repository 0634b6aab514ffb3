// Safe loading of untrusted YAML: encoding checks, bounded parsing of every document in a stream,
// duplicate-key detection, alias limits. Bad input yields located diagnostics, never a throw.
#pragma once

#include "npq/diag/diagnostic.hpp"
#include "npq/text/source.hpp"
#include "npq/yaml/node.hpp"

#include <cstddef>

namespace npq::yaml {

struct Limits {
  std::size_t max_documents = 1000;
  std::size_t max_depth = 200; ///< nesting; below yaml-cpp's own guard (500), so the
                               ///< finding points at the opening bracket, not the end of file
  std::uint64_t max_expanded_nodes = 1'000'000; ///< per document, counting alias expansions
  std::uint64_t max_file_nodes = 2'000'000;     ///< per file, over all its documents
  /// How far yaml-cpp may read past the last complete event (bounds unclosed brackets and
  /// single huge values; see BudgetedBuffer in load.cpp).
  std::size_t max_read_ahead = 256u << 10;
};

/// Parses all documents of `source`. Encoding problems (UTF-16/32 BOM, invalid UTF-8, NUL and
/// control characters) stop before parsing. Findings go to `out`; the returned stream holds the
/// documents that could be read (possibly none).
Stream load(const SourceFile &source, Diagnostics &out, const Limits &limits = {});

/// Location of a node, for diagnostics.
Location locate(const SourceFile &source, std::size_t offset, std::string pointer = {},
                int document = 0);

} // namespace npq::yaml
