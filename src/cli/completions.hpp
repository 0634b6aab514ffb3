// Shell completion scripts (bash, zsh, fish) written from a plain description of the commands, so
// that the three shells offer the same commands, options and option values.
#pragma once

#include <string>
#include <vector>

namespace npq::cli::completion {

struct Option {
  std::vector<std::string> names; ///< "-f", "--format"
  std::string description;
  bool takes_value = false;
  bool file_value = false;         ///< the value names a file or folder
  std::vector<std::string> values; ///< the values it accepts, when they are a fixed list
};

struct Command {
  std::string name;
  std::string description;
  std::vector<Option> options;
  /// The words each positional argument accepts, by position; nothing is offered past the last.
  /// Empty: every positional argument is a file name.
  std::vector<std::vector<std::string>> positionals;
};

std::string bash(const std::vector<Command> &commands);
std::string zsh(const std::vector<Command> &commands);
std::string fish(const std::vector<Command> &commands);

} // namespace npq::cli::completion
