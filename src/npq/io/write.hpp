// Writing generated files, never at the cost of one the user has: not over a file the run read,
// not over a symbolic link, not by renaming a file over a device, and with no temporary file left
// behind by a write error or a signal.
#pragma once

#include "npq/io/ledger.hpp"

#include <string>

namespace npq::io {

struct WriteResult {
  bool ok = false;
  std::string error; ///< why it failed, for the user
};

/// Writes `content` to `path`:
/// * refused when `path` names a file in `inputs` (by identity: links and other names too);
/// * refused when `path` is a symbolic link to a file, or a dangling one: it is never silently
///   replaced by a file (name the file itself);
/// * a character device or a FIFO (/dev/null, a terminal, a pipe, also through a link such as
///   /dev/stdout) is written to directly and never replaced; other special files are refused;
/// * otherwise through a temporary file in the same folder and a rename, so a reader never sees
///   half a page; a file that existed keeps its mode (a new one is 0644). Termination signals
///   wait while the temporary file exists.
WriteResult write_output(const std::string &path, const std::string &content,
                         const ReadLedger *inputs);

/// Creates `path` with `content`, failing (and changing nothing) if it already exists; the file
/// appears whole or not at all.
WriteResult create_new_file(const std::string &path, const std::string &content);

} // namespace npq::io
