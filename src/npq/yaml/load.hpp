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
  /// Nodes per file, over all its documents: at most max_file_nodes, and at most
  /// file_nodes_base plus one per bytes_per_node bytes of the file. Each node costs about 150
  /// bytes once parsed, so a file of dense short items ('- x') cannot take 40 times its size.
  std::uint64_t max_file_nodes = 2'000'000;
  std::uint64_t file_nodes_base = 100'000;
  std::uint64_t bytes_per_node = 8;
  /// What aliases may add to one file, over all its documents: nodes, and bytes of scalar text.
  /// Each file gets its share of the run's allowance (see share()) plus an allowance in
  /// proportion to its own size, so that neither one file nor many files together turn a few
  /// bytes of aliases into gigabytes of model and report, whatever the number of documents.
  std::uint64_t alias_nodes = 100'000;
  std::uint64_t alias_bytes = 8u << 20;
  std::uint64_t alias_nodes_per_kib = 32; ///< ... plus this many per KiB of the file
  std::uint64_t alias_bytes_per_byte = 1; ///< ... plus this many per byte of the file
  /// How far yaml-cpp may read past the last complete event (bounds unclosed brackets and
  /// single huge values; see BudgetedBuffer in load.cpp).
  std::size_t max_read_ahead = 256u << 10;
};

/// The limits for each of `files` files checked in one run: the run's alias allowance (what
/// `run` gives one file) is shared equally, so the run's total does not grow with the number of
/// files, and no file's result depends on the others'.
Limits share(const Limits &run, std::size_t files);

/// Parses all documents of `source`. Encoding problems (UTF-16/32 BOM, invalid UTF-8, NUL and
/// control characters) stop before parsing. Findings go to `out`; the returned stream holds the
/// documents that could be read (possibly none).
Stream load(const SourceFile &source, Diagnostics &out, const Limits &limits = {});

/// Location of a node, for diagnostics.
Location locate(const SourceFile &source, std::size_t offset, std::string pointer = {},
                int document = 0);

} // namespace npq::yaml
