#include "npq/io/ledger.hpp"

#include <sys/stat.h>

namespace npq::io {

std::optional<FileId> identify(const std::string &path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return std::nullopt;
  }
  return FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

std::optional<FileId> identify_regular(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return std::nullopt;
  }
  return FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

void ReadLedger::record(FileId id) {
  std::lock_guard lock(m_mutex);
  m_read.insert(id);
}

bool ReadLedger::contains(FileId id) const {
  std::lock_guard lock(m_mutex);
  return m_read.count(id) != 0;
}

} // namespace npq::io
