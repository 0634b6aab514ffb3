// Reading inputs: files with a size cap, and folders expanded to the YAML files they hold.
// Failures are findings (NPQ001, NPQ002), never exceptions.
#pragma once

#include "npq/diag/diagnostic.hpp"
#include "npq/io/ledger.hpp"
#include "npq/text/source.hpp"

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace npq::io {

constexpr std::size_t kDefaultMaxFileBytes = 16u << 20; // 16 MiB

/// Reads a regular file of at most `max_bytes`. Reports NPQ001 or NPQ002 and returns nothing
/// when it cannot. Anything else (a FIFO, a device such as /dev/zero, a socket) is refused
/// without waiting for it or reading from it. The file's identity goes into `reads`, if given,
/// once it is open.
std::optional<SourceFile> read_file(const std::string &path, std::size_t max_bytes,
                                    Diagnostics &out, ReadLedger *reads = nullptr);

/// Reads a stream (standard input) of at most `max_bytes`, naming it `name`.
std::optional<SourceFile> read_stream(std::istream &in, const std::string &name,
                                      std::size_t max_bytes, Diagnostics &out);

struct Expanded {
  std::vector<std::string> files; ///< in the order given; folder contents sorted by path
  std::size_t unreadable = 0;     ///< paths that do not exist or are empty folders
};

/// Expands folders recursively to their *.yaml and *.yml files (skipping hidden folders and
/// build/), keeps files and "-" as given, and reports paths that do not exist (NPQ001).
Expanded expand_paths(const std::vector<std::string> &paths, Diagnostics &out);

} // namespace npq::io
