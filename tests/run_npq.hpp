// Runs npq in-process, as the command line would, for the golden, docs and regression tests.
#pragma once

#include "cli/app.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace test {

struct Run {
  int status = 0;
  std::string out;
  std::string err;
};

/// `args` without the program name; no terminal, no NO_COLOR, no GitHub Actions, and no
/// configuration from outside the source folder (see Environment::config_ceiling).
inline Run run_npq(const std::vector<std::string> &args, const std::string &input = {}) {
  std::vector<std::string> argv{"npq"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  npq::cli::Environment env;
  env.config_ceiling = NPQ_SOURCE_DIR;
  int status = npq::cli::run(argv, in, out, err, env);
  return {status, out.str(), err.str()};
}

} // namespace test
