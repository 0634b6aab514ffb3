// The command-line front end. run() is main() without globals: streams and environment are
// passed in, so tests can drive every command in-process and compare bytes.
#pragma once

#include "npq/io/ledger.hpp"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace npq::cli {

struct Environment {
  bool stdout_is_terminal = false;
  bool no_color = false;      ///< NO_COLOR is set (https://no-color.org)
  bool force_color = false;   ///< FORCE_COLOR or CLICOLOR_FORCE is set (and not "0")
  bool dumb_terminal = false; ///< TERM=dumb: a terminal that understands no escape sequences
  /// The width text output is fitted to: COLUMNS, else the terminal's width, else 100.
  std::size_t columns = 100;
  bool github_actions = false; ///< GITHUB_ACTIONS=true: default to annotations
  /// The highest folder .npq.yaml is looked for in (empty: up to the repository root, the first
  /// folder holding .git). The tests set it to the source folder, so that a configuration file
  /// above the checkout can never change their results.
  std::string config_ceiling;
  /// Standard input's file, when it is a regular file ('npq routemap - < in.yaml'): an input
  /// like any other, which -o must never replace.
  std::optional<io::FileId> stdin_file;
};

/// Reads the real environment (isatty, the terminal's size, NO_COLOR, FORCE_COLOR,
/// CLICOLOR_FORCE, TERM, COLUMNS, GITHUB_ACTIONS).
Environment current_environment();

/// Runs npq with `args` (args[0] is the program name) and returns the exit status.
int run(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
        std::ostream &err, const Environment &env);

} // namespace npq::cli
