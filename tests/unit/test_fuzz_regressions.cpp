// The fuzzer's findings (tests/fuzz/regressions), replayed in the ordinary test suite so they stay
// fixed even where the fuzzer is not built: every command's output must be valid UTF-8 with no raw
// escape character, and every input must finish quickly.
#include "../run_npq.hpp"
#include "npq/text/utf8.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions: outputs stay safe text") {
  fs::path dir = fs::path(NPQ_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  REQUIRE(fs::exists(dir));
  int files = 0;
  for (const auto &e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".yaml") {
      continue;
    }
    ++files;
    std::string path = e.path().string();
    CAPTURE(path);
    for (std::vector<std::string> args : {std::vector<std::string>{"validate", path},
                                          {"validate", "-f", "github", path},
                                          {"hours", path},
                                          {"hours", "-f", "csv", path},
                                          {"coverage", path},
                                          {"routemap", "--mermaid", path},
                                          {"explain", path, "--total", "programme"},
                                          {"explain", path, "--total", "category:1"}}) {
      auto r = test::run_npq(args);
      std::string all = r.out + r.err;
      CAPTURE(args[0]);
      CHECK(!npq::utf8::check(all).has_value());
      CHECK(all.find('\x1b') == std::string::npos);
    }
  }
  CHECK(files >= 8);
}
