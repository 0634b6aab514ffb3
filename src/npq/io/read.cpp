#include "npq/io/read.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace npq::io {

namespace fs = std::filesystem;

namespace {

std::string too_large_message(std::size_t max_bytes) {
  return fmt::format("the file is larger than the limit of {} MiB", max_bytes >> 20);
}

bool is_yaml_name(const fs::path &p) {
  auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool skipped_folder(const fs::path &p) {
  auto name = p.filename().string();
  return (!name.empty() && name[0] == '.' && name != "." && name != "..") || name == "build" ||
         name == "node_modules";
}

} // namespace

std::optional<SourceFile> read_file(const std::string &path, std::size_t max_bytes,
                                    Diagnostics &out, ReadLedger *reads) {
  // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait forever. What was opened is
  // then checked on the descriptor itself, so it cannot change between the check and the read.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    int error = errno;
    out.add(Code::unreadable, Location{path},
            error == ENOENT || error == ENOTDIR
                ? std::string("no such file")
                : fmt::format("cannot open the file: {}", std::strerror(error)),
            error == ENOENT || error == ENOTDIR ? "check the path"
                                                : "check the file's permissions");
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    out.add(Code::unreadable, Location{path},
            fmt::format("cannot read the file: {}", std::strerror(errno)), "check the file");
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    out.add(Code::unreadable, Location{path}, "this is a folder, not a file",
            "name a programme file, or use 'npq validate' which accepts folders");
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    out.add(Code::unreadable, Location{path}, "not a regular file (a device, socket or pipe)",
            "name a programme file");
    return std::nullopt;
  }
  if (reads != nullptr) {
    reads->record(
        FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)});
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    out.add(Code::too_large, Location{path}, too_large_message(max_bytes),
            "raise the limit with --max-file-size if this is really a programme");
    return std::nullopt;
  }
  // The size can change while reading (a file being written): the limit holds on what is read.
  std::string text;
  text.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      out.add(Code::unreadable, Location{path},
              fmt::format("reading failed: {}", std::strerror(errno)), "check the file");
      return std::nullopt;
    }
    if (n == 0) {
      break;
    }
    if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
      out.add(Code::too_large, Location{path}, too_large_message(max_bytes),
              "raise the limit with --max-file-size if this is really a programme");
      return std::nullopt;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return SourceFile(path, std::move(text));
}

std::optional<SourceFile> read_stream(std::istream &in, const std::string &name,
                                      std::size_t max_bytes, Diagnostics &out) {
  std::string text;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > max_bytes) {
      out.add(Code::too_large, Location{name}, too_large_message(max_bytes),
              "raise the limit with --max-file-size if this is really a programme");
      return std::nullopt;
    }
    text.append(buffer, got);
  }
  if (in.bad()) {
    out.add(Code::unreadable, Location{name}, "reading failed", "check the file");
    return std::nullopt;
  }
  return SourceFile(name, std::move(text));
}

Expanded expand_paths(const std::vector<std::string> &paths, Diagnostics &out) {
  Expanded result;
  for (const auto &path : paths) {
    if (path == "-") {
      result.files.push_back(path);
      continue;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.add(Code::unreadable, Location{path}, "no such file or folder", "check the path");
      ++result.unreadable;
      continue;
    }
    if (!fs::is_directory(status)) {
      result.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.add(Code::unreadable, Location{path},
              fmt::format("cannot read the folder: {}", ec.message()), "check its permissions");
      ++result.unreadable;
      continue;
    }
    for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
      if (ec) {
        break;
      }
      if (it->is_directory(ec) && skipped_folder(it->path())) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_yaml_name(it->path())) {
        found.push_back(it->path().lexically_normal().generic_string());
      }
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      out.add(Code::unreadable, Location{path}, "the folder holds no .yaml or .yml files",
              "name a folder of programme files");
      ++result.unreadable;
    }
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  return result;
}

} // namespace npq::io
