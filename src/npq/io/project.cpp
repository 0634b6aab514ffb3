#include "npq/io/project.hpp"

#include <algorithm>
#include <deque>
#include <sys/stat.h>
#include <system_error>

namespace npq::io {

namespace fs = std::filesystem;

namespace {

// Both lexically normal and absolute.
bool inside(const fs::path &p, const fs::path &root) {
  auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end() || (std::next(r) == root.end() && r->empty()); // "root/" ends in ""
}

void append_components(std::deque<fs::path> &to, const fs::path &relative, bool front) {
  std::deque<fs::path> parts;
  for (const auto &c : relative) {
    if (!c.empty() && c != ".") {
      parts.push_back(c);
    }
  }
  if (front) {
    to.insert(to.begin(), parts.begin(), parts.end());
  } else {
    to.insert(to.end(), parts.begin(), parts.end());
  }
}

} // namespace

std::optional<fs::path> find_project_root(const fs::path &start, const fs::path &ceiling) {
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    std::error_code missing; // a missing file is the normal case, not a failure of the walk
    for (const char *marker : {".npq.yaml", ".npq.yml", ".git"}) {
      if (fs::exists(dir / marker, missing)) {
        return dir;
      }
    }
    if (dir == dir.parent_path() || dir == ceiling) {
      break;
    }
  }
  return std::nullopt;
}

std::optional<fs::path> resolve_within(const fs::path &root, const fs::path &base,
                                       const fs::path &relative) {
  fs::path target = (relative.is_absolute() ? relative : base / relative).lexically_normal();
  if (!inside(target, root)) {
    return std::nullopt;
  }
  std::deque<fs::path> todo;
  append_components(todo, target.lexically_relative(root), false);
  fs::path current = root;
  int links = 0;
  while (!todo.empty()) {
    fs::path step = todo.front();
    todo.pop_front();
    if (step == "..") {
      current = current.parent_path();
      if (!inside(current, root)) {
        return std::nullopt;
      }
      continue;
    }
    fs::path next = current / step;
    struct stat st {};
    if (::lstat(next.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      std::error_code ec;
      fs::path link = fs::read_symlink(next, ec);
      if (ec || ++links > 40) { // 40: Linux's own limit on links followed in one path
        return std::nullopt;
      }
      // Where the link leads, checked before anything there is looked at.
      fs::path to = (link.is_absolute() ? link : current / link).lexically_normal();
      if (!inside(to, root)) {
        return std::nullopt;
      }
      append_components(todo, to.lexically_relative(root), true);
      current = root;
      continue;
    }
    current = next;
  }
  return current;
}

} // namespace npq::io
