#include "npq/io/write.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace npq::io {

namespace fs = std::filesystem;

namespace {

// Holds back the signals that end a process (Ctrl-C, kill, a closed terminal) while it lives,
// so a temporary file is always renamed or removed before the process goes: a pending signal is
// delivered, with its usual effect, when the guard ends. Only the calling thread's mask changes;
// npq writes its output after its worker threads have finished.
class HoldSignals {
public:
  HoldSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
      sigaddset(&set, s);
    }
    pthread_sigmask(SIG_BLOCK, &set, &m_previous);
  }
  ~HoldSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
  HoldSignals(const HoldSignals &) = delete;
  HoldSignals &operator=(const HoldSignals &) = delete;

private:
  sigset_t m_previous;
};

bool write_all(int fd, const std::string &content) {
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

FileId id_of(const struct stat &st) {
  return FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

// A new temporary file beside `target` (so a rename or link stays on one file system), with
// `content` written and flushed, and permissions `mode`; the target's folder is created first.
// Returns its name. The caller holds signals back until it is renamed or removed.
std::optional<std::string> write_temporary(const fs::path &target, const std::string &content,
                                           mode_t mode, std::string &error) {
  std::error_code ec;
  if (!target.parent_path().empty()) {
    fs::create_directories(target.parent_path(), ec); // like 'mkdir -p' for site/page.md
  }
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string pattern = (dir / ("." + target.filename().string() + ".npq-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("cannot create a file in '{}': {}", dir.string(), std::strerror(errno));
    return std::nullopt;
  }
  bool ok = ::fchmod(fd, mode) == 0 && write_all(fd, content) && ::fsync(fd) == 0;
  int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    error = fmt::format("cannot write '{}': {}", target.string(), std::strerror(saved));
    std::remove(name.data());
    return std::nullopt;
  }
  return std::string(name.data());
}

// A character device or a FIFO: written in place, never replaced. O_NONBLOCK so that a FIFO
// nobody reads fails at once instead of waiting forever.
WriteResult write_in_place(const std::string &path, const std::string &content,
                           const ReadLedger *inputs) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return {false, errno == ENXIO
                       ? fmt::format("cannot write to '{}': nothing is reading from it", path)
                       : fmt::format("cannot write to '{}': {}", path, std::strerror(errno))};
  }
  struct stat st {};
  bool special = ::fstat(fd, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode));
  if (!special || (inputs != nullptr && inputs->contains(id_of(st)))) {
    ::close(fd); // it changed under us since it was looked at
    return {false, fmt::format("'{}' changed while npq was writing; nothing was written", path)};
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  bool ok = write_all(fd, content);
  int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    return {false, fmt::format("cannot write to '{}': {}", path, std::strerror(saved))};
  }
  return {true, {}};
}

} // namespace

WriteResult write_output(const std::string &path, const std::string &content,
                         const ReadLedger *inputs) {
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0 && inputs != nullptr && inputs->contains(id_of(target))) {
    return {false, fmt::format("'{}' is a file npq read in this run; npq never writes over its "
                               "inputs",
                               path)};
  }
  struct stat link {};
  bool exists = ::lstat(path.c_str(), &link) == 0;
  if (exists && S_ISLNK(link.st_mode)) {
    bool resolved = ::stat(path.c_str(), &target) == 0;
    if (!resolved || S_ISREG(target.st_mode)) {
      return {false, fmt::format("'{}' is a symbolic link; npq does not replace it with a file: "
                                 "name the file it points to",
                                 path)};
    }
  } else if (exists) {
    target = link;
  }
  if (exists && S_ISDIR(target.st_mode)) {
    return {false, fmt::format("'{}' is a folder", path)};
  }
  if (exists && (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode))) {
    return write_in_place(path, content, inputs);
  }
  if (exists && !S_ISREG(target.st_mode)) {
    return {false, fmt::format("'{}' is not a regular file (a block device or a socket); npq "
                               "does not write to it",
                               path)};
  }
  // A file that existed keeps its permissions; a new page is meant to be shared like any other.
  mode_t mode = exists ? (target.st_mode & 07777) : 0644;
  HoldSignals hold;
  std::string error;
  auto temporary = write_temporary(fs::path(path), content, mode, error);
  if (!temporary) {
    return {false, error};
  }
  if (std::rename(temporary->c_str(), path.c_str()) != 0) {
    error = std::strerror(errno);
    std::remove(temporary->c_str());
    return {false, fmt::format("cannot replace '{}': {}", path, error)};
  }
  return {true, {}};
}

WriteResult create_new_file(const std::string &path, const std::string &content) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    return {false, fmt::format("'{}' already exists; npq never overwrites it", path)};
  }
  // Write a temporary file, then link it into place: link() fails if the name was taken in the
  // meantime, so an existing file is never replaced.
  HoldSignals hold;
  std::string error;
  auto temporary = write_temporary(fs::path(path), content, 0644, error);
  if (!temporary) {
    return {false, error};
  }
  int linked = ::link(temporary->c_str(), path.c_str());
  int link_error = errno;
  std::remove(temporary->c_str());
  if (linked != 0) {
    return {false, link_error == EEXIST
                       ? fmt::format("'{}' already exists; npq never overwrites it", path)
                       : fmt::format("cannot create '{}': {}", path, std::strerror(link_error))};
  }
  return {true, {}};
}

} // namespace npq::io
