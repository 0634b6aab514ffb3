// Reconciliation on a consistent programme: no findings as published, and a finding naming both
// the published figure's line and the activity's line when any one activity's hours change by one.
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <sstream>

namespace {

std::string read(const std::string &path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kExample =
    std::string(NPQ_SOURCE_DIR) + "/examples/valid/consistent-programme.yaml";

} // namespace

TEST_CASE("the consistent example has no findings at all") {
  auto r = test::check(read(kExample));
  CHECK(test::codes(r.diagnostics, true).empty());
}

TEST_CASE(
    "changing any activity's hours by one is caught at the published figure and the activity") {
  std::string text = read(kExample);
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
      lines.push_back(l);
    }
  }
  int summary_line = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == "summary:") {
      summary_line = static_cast<int>(i) + 1;
    }
  }
  REQUIRE(summary_line > 0);
  static const std::regex hours_re(R"(^(\s+hours: )([0-9.]+)$)");
  int mutated = 0;
  for (std::size_t i = 0; i < lines.size() && static_cast<int>(i) + 1 < summary_line; ++i) {
    std::smatch m;
    if (!std::regex_match(lines[i], m, hours_re)) {
      continue;
    }
    int line = static_cast<int>(i) + 1;
    for (double delta : {1.0, -1.0}) {
      double value = std::stod(m[2].str()) + delta;
      if (value < 0) {
        continue;
      }
      auto copy = lines;
      copy[i] = m[1].str() + fmt::format("{}", value);
      std::string changed;
      for (const auto &l : copy) {
        changed += l + "\n";
      }
      CAPTURE(line);
      CAPTURE(delta);
      auto r = test::check(changed);
      bool found = false;
      for (const auto &d : r.diagnostics.items()) {
        if (d.code != npq::Code::hours_mismatch || d.where.line <= summary_line) {
          continue;
        }
        for (const auto &note : d.notes) {
          found = found || note.where.line == line;
        }
      }
      CHECK_MESSAGE(found, "no NPQ300 at a published figure with a note at line " << line);
      ++mutated;
    }
  }
  CHECK(mutated == 18); // nine activities, each one hour up and one hour down
}
