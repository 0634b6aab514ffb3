#include "npq/io/write.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace npq::io {

namespace fs = std::filesystem;

WriteResult write_atomically(const std::string& path, const std::string& content,
                             const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const auto& input : inputs) {
    if (input != "-" && fs::exists(path, ec) && fs::equivalent(path, input, ec)) {
      return {false, fmt::format("'{}' is an input file; npq never writes over its inputs", path)};
    }
  }
  if (fs::is_directory(path, ec)) {
    return {false, fmt::format("'{}' is a folder", path)};
  }
  fs::path target(path);
  if (!target.parent_path().empty()) {
    fs::create_directories(target.parent_path(), ec); // like 'mkdir -p' for site/page.md
  }
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string pattern = (dir / ("." + target.filename().string() + ".npq-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    return {false, fmt::format("cannot create a file in '{}': {}", dir.string(), std::strerror(errno))};
  }
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      std::string error = std::strerror(errno);
      ::close(fd);
      std::remove(name.data());
      return {false, fmt::format("cannot write '{}': {}", path, error)};
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::remove(name.data());
    return {false, fmt::format("cannot write '{}': {}", path, std::strerror(errno))};
  }
  // mkstemp creates 0600; generated pages are meant to be shared like any other file.
  ::chmod(name.data(), 0644);
  if (std::rename(name.data(), path.c_str()) != 0) {
    std::string error = std::strerror(errno);
    std::remove(name.data());
    return {false, fmt::format("cannot replace '{}': {}", path, error)};
  }
  return {true, {}};
}

WriteResult create_new_file(const std::string& path, const std::string& content) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    return {false, fmt::format("'{}' already exists; npq never overwrites it", path)};
  }
  // Write a temporary file, then link it into place: link() fails if the name was taken in the
  // meantime, so an existing file is never replaced.
  fs::path target(path);
  if (!target.parent_path().empty()) {
    fs::create_directories(target.parent_path(), ec);
  }
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string pattern = (dir / ("." + target.filename().string() + ".npq-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    return {false, fmt::format("cannot create a file in '{}': {}", dir.string(), std::strerror(errno))};
  }
  bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  ::chmod(name.data(), 0644);
  if (!ok) {
    std::remove(name.data());
    return {false, fmt::format("cannot write '{}'", path)};
  }
  int linked = ::link(name.data(), path.c_str());
  int error = errno;
  std::remove(name.data());
  if (linked != 0) {
    return {false, error == EEXIST ? fmt::format("'{}' already exists; npq never overwrites it", path)
                                   : fmt::format("cannot create '{}': {}", path, std::strerror(error))};
  }
  return {true, {}};
}

} // namespace npq::io
