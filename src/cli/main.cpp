// npq's entry point: everything happens in app.cpp's run().
#include "cli/app.hpp"

#include <iostream>

int main(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  return npq::cli::run(args, std::cin, std::cout, std::cerr, npq::cli::current_environment());
}
