// The files one run of npq has read, by identity (device and inode), so that an output never
// replaces one of them, whatever path names it: a symbolic or hard link, "..", or the file
// behind standard input.
#pragma once

#include <compare>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace npq::io {

/// What a path names, independent of the path.
struct FileId {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  // clang-tidy 14 takes the defaulted comparison's 0 for a null pointer constant.
  auto operator<=>(const FileId &) const = default; // NOLINT(modernize-use-nullptr)
};

/// The identity of the file `path` names (following symbolic links); nothing if it names none.
std::optional<FileId> identify(const std::string &path);
/// The identity of an open file descriptor, when it is a regular file (standard input).
std::optional<FileId> identify_regular(int fd);

/// Thread-safe: the session's worker threads record into one ledger.
class ReadLedger {
public:
  void record(FileId id);
  bool contains(FileId id) const;

private:
  mutable std::mutex m_mutex;
  std::set<FileId> m_read;
};

} // namespace npq::io
