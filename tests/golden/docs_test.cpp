// Every example in the docs is run by this test, so the docs cannot drift: a ```console block in
// README.md or docs/*.md starting with '$ npq ARGS' must show exactly what npq prints for it
// (standard output, then standard error). NPQ_UPDATE_GOLDEN=1 rewrites the blocks in place.
#include "../run_npq.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_args(const std::string &line) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false;
  bool any = false;
  char quote = 0;
  for (char c : line) {
    if (quoted) {
      if (c == quote) {
        quoted = false;
      } else {
        current += c;
      }
    } else if (c == '"' || c == '\'') {
      quoted = true;
      quote = c;
      any = true;
    } else if (c == ' ') {
      if (any || !current.empty()) {
        out.push_back(current);
      }
      current.clear();
      any = false;
    } else {
      current += c;
    }
  }
  if (any || !current.empty()) {
    out.push_back(current);
  }
  return out;
}

std::string run_command(const std::string &command) {
  auto args = split_args(command);
  args.erase(args.begin()); // "npq"
  auto r = test::run_npq(args);
  return r.out + r.err;
}

// Rebuilds the document with every console block's output regenerated.
std::string regenerate(const std::string &text, int &blocks) {
  std::istringstream in(text);
  std::string result;
  std::string line;
  while (std::getline(in, line)) {
    result += line + "\n";
    if (line != "```console") {
      continue;
    }
    std::string command;
    if (!std::getline(in, command)) {
      break;
    }
    result += command + "\n";
    while (std::getline(in, line) && line != "```") {
    }
    if (command.rfind("$ npq ", 0) == 0) {
      result += run_command(command.substr(2));
      ++blocks;
    }
    result += "```\n";
  }
  return result;
}

} // namespace

TEST_SUITE("golden") {
  TEST_CASE("docs: every console example shows what npq prints") {
    fs::path previous = fs::current_path();
    fs::current_path(NPQ_SOURCE_DIR);
    std::vector<fs::path> files{"README.md"};
    for (const auto &e : fs::directory_iterator("docs")) {
      if (e.path().extension() == ".md") {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    int total = 0;
    for (const auto &file : files) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      int blocks = 0;
      std::string now = regenerate(ss.str(), blocks);
      total += blocks;
      if (now == ss.str()) {
        continue;
      }
      const char *update = std::getenv("NPQ_UPDATE_GOLDEN");
      if (update != nullptr && std::string_view(update) == "1") {
        std::ofstream(file, std::ios::binary) << now;
        MESSAGE("updated examples in " << file.generic_string());
      } else {
        FAIL_CHECK(file.generic_string()
                   << ": a console example no longer matches what npq prints (regenerate with the "
                      "update-golden target and review with git diff)");
      }
    }
    CHECK(total > 0);
    fs::current_path(previous);
  }

  // The quick start's prose quotes the summary line of its first command: it must be the line
  // npq prints for the bundled programmes.
  TEST_CASE("docs: the README quotes the quick start's summary line") {
    fs::path previous = fs::current_path();
    fs::current_path(NPQ_SOURCE_DIR);
    auto run = test::run_npq({"validate", "programmes"});
    std::string out = run.out + run.err;
    std::string last;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      if (line.find(" checked: ") != std::string::npos) {
        last = line;
      }
    }
    std::ifstream in("README.md", std::ios::binary);
    std::stringstream readme;
    readme << in.rdbuf();
    std::string text = readme.str();
    // The README may wrap the sentence, but the quoted line itself stays on one line.
    CHECK_MESSAGE(text.find("`" + last + "`") != std::string::npos,
                  "README.md should quote `" << last << "` as the first command's last line");
    fs::current_path(previous);
  }
} // TEST_SUITE
