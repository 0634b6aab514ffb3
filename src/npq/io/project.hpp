// The project a file belongs to, and paths that must stay inside it. A programme names other
// files (its source document, a suite's member programmes); reading one outside the project
// would let a programme test what any file the runner can read contains, so such paths are
// refused, before anything outside is looked at.
#pragma once

#include <filesystem>
#include <optional>

namespace npq::io {

/// The nearest folder from `start` upwards that holds .npq.yaml, .npq.yml or .git, but none
/// above `ceiling` (when not empty); nothing when there is none. `start` should be absolute.
/// The CLI finds its configuration file in the same folder.
std::optional<std::filesystem::path> find_project_root(const std::filesystem::path &start,
                                                       const std::filesystem::path &ceiling = {});

/// The path `relative` names from the folder `base`, with every symbolic link resolved, when it
/// lies inside `root` (both canonical). Nothing when it, or a link on the way, leads outside:
/// the walk stops at the first step outside, so the answer does not depend on what exists there.
/// A path that does not exist (inside) is returned as far as it resolves; reading it then fails.
std::optional<std::filesystem::path> resolve_within(const std::filesystem::path &root,
                                                    const std::filesystem::path &base,
                                                    const std::filesystem::path &relative);

} // namespace npq::io
