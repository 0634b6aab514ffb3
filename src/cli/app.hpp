// The command-line front end. run() is main() without globals: streams and environment are
// passed in, so tests can drive every command in-process and compare bytes.
#pragma once

#include "npq/io/ledger.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace npq::cli {

struct Environment {
  bool stdout_is_terminal = false;
  bool no_color = false;       ///< NO_COLOR is set (https://no-color.org)
  bool github_actions = false; ///< GITHUB_ACTIONS=true: default to annotations
  /// The highest folder .npq.yaml is looked for in (empty: up to the repository root, the first
  /// folder holding .git). The tests set it to the source folder, so that a configuration file
  /// above the checkout can never change their results.
  std::string config_ceiling;
  /// Standard input's file, when it is a regular file ('npq routemap - < in.yaml'): an input
  /// like any other, which -o must never replace.
  std::optional<io::FileId> stdin_file;
};

/// Reads the real environment (isatty, NO_COLOR, GITHUB_ACTIONS).
Environment current_environment();

/// Runs npq with `args` (args[0] is the program name) and returns the exit status.
int run(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
        std::ostream &err, const Environment &env);

} // namespace npq::cli
