#include "npq/io/read.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <system_error>

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
                                    Diagnostics &out) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    out.add(Code::unreadable, Location{path}, "no such file", "check the path");
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    out.add(Code::unreadable, Location{path}, "this is a folder, not a file",
            "name a programme file, or use 'npq validate' which accepts folders");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    out.add(Code::unreadable, Location{path}, "not a regular file (a device, socket or pipe)",
            "name a programme file");
    return std::nullopt;
  }
  auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    out.add(Code::too_large, Location{path}, too_large_message(max_bytes),
            "raise the limit with --max-file-size if this is really a programme");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.add(Code::unreadable, Location{path},
            fmt::format("cannot open the file: {}", std::strerror(errno)),
            "check the file's permissions");
    return std::nullopt;
  }
  return read_stream(in, path, max_bytes, out);
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
