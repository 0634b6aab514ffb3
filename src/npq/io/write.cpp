#include "npq/io/write.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace npq::io {

namespace fs = std::filesystem;

namespace {

// A new temporary file beside `target` (so a rename or link stays on one file system), with
// `content` written and flushed; the target's folder is created first. Returns its name.
std::optional<std::string> write_temporary(const fs::path &target, const std::string &content,
                                           std::string &error) {
  std::error_code ec;
  if (!target.parent_path().empty()) {
    fs::create_directories(target.parent_path(), ec); // like 'mkdir -p' for site/page.md
  }
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string pattern = (dir / ("." + target.filename().string() + ".npq-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = fmt::format("cannot create a file in '{}': {}", dir.string(), std::strerror(errno));
    return std::nullopt;
  }
  std::size_t written = 0;
  bool ok = true;
  while (ok && written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    ok = n >= 0;
    written += ok ? static_cast<std::size_t>(n) : 0;
  }
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  // mkstemp creates 0600; generated pages are meant to be shared like any other file.
  ::chmod(name.data(), 0644);
  if (!ok) {
    error = fmt::format("cannot write '{}': {}", target.string(), std::strerror(errno));
    std::remove(name.data());
    return std::nullopt;
  }
  return std::string(name.data());
}

} // namespace

WriteResult write_atomically(const std::string &path, const std::string &content,
                             const std::vector<std::string> &inputs) {
  std::error_code ec;
  for (const auto &input : inputs) {
    if (input != "-" && fs::exists(path, ec) && fs::equivalent(path, input, ec)) {
      return {false, fmt::format("'{}' is an input file; npq never writes over its inputs", path)};
    }
  }
  if (fs::is_directory(path, ec)) {
    return {false, fmt::format("'{}' is a folder", path)};
  }
  std::string error;
  auto temporary = write_temporary(fs::path(path), content, error);
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
  std::string error;
  auto temporary = write_temporary(fs::path(path), content, error);
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
