// Writing generated files: atomically (a temporary file renamed into place, so a reader never
// sees half a page) and never over one of the inputs.
#pragma once

#include <string>
#include <vector>

namespace npq::io {

struct WriteResult {
  bool ok = false;
  std::string error; ///< why it failed, for the user
};

/// Writes `content` to `path` through a temporary file in the same folder and a rename. Refuses
/// when `path` is (or links to) one of `inputs`.
WriteResult write_atomically(const std::string &path, const std::string &content,
                             const std::vector<std::string> &inputs);

/// Creates `path` with `content`, failing (and changing nothing) if it already exists; the file
/// appears whole or not at all.
WriteResult create_new_file(const std::string &path, const std::string &content);

} // namespace npq::io
