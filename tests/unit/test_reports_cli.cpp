// Report commands end honestly: every document of a file is accounted for, a file with several
// programmes is not silently cut to its first, and output that cannot be written is an error.
#include "../run_npq.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <streambuf>

namespace fs = std::filesystem;

namespace {

// A file in the build folder's temporary space for one test.
struct TempFile {
  fs::path path;
  TempFile(const std::string &name, const std::string &text)
      : path(fs::temp_directory_path() / ("npq-reports-" + name)) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

// Standard output on a full disk: every write fails.
struct FullDisk : std::streambuf {
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char *, std::streamsize) override { return 0; }
};

} // namespace

TEST_CASE("single-page reports refuse a file with several programmes, with the reason") {
  std::string two = "---\n" + test::minimal_programme() + "---\n" + test::minimal_programme();
  TempFile f("two.yaml", two);
  for (std::vector<std::string> args : {std::vector<std::string>{"routemap", f.path.string()},
                                        {"export", f.path.string()},
                                        {"explain", f.path.string(), "--total", "programme"}}) {
    CAPTURE(args[0]);
    auto r = test::run_npq(args);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("holds 2 documents") != std::string::npos);
  }
}

TEST_CASE("a broken document is reported and fails the command, beside a valid one") {
  std::string text = "---\n" + test::minimal_programme() + "---\nformat: 1\nkind: programme\n";
  TempFile f("broken.yaml", text);
  for (std::vector<std::string> args : {std::vector<std::string>{"routemap", f.path.string()},
                                        {"export", f.path.string()},
                                        {"hours", f.path.string()},
                                        {"coverage", f.path.string()}}) {
    CAPTURE(args[0]);
    auto r = test::run_npq(args);
    CHECK(r.status == 1); // it was 0: the second document's errors were never shown
    CHECK(r.err.find("NPQ103") != std::string::npos);
  }
  // A syntax error after a valid document: what was read is not reported as the whole file.
  TempFile g("syntax.yaml", "---\n" + test::minimal_programme() + "---\na: [\n");
  auto r = test::run_npq({"export", g.path.string()});
  CHECK(r.status == 1);
  CHECK(r.err.find("NPQ010") != std::string::npos);
}

TEST_CASE("output that cannot be written is an error, not success") {
  FullDisk full;
  std::ostream out(&full);
  std::ostringstream err;
  std::istringstream in;
  npq::cli::Environment env;
  env.config_ceiling = NPQ_SOURCE_DIR;
  std::string programme = std::string(NPQ_SOURCE_DIR) + "/examples/valid/consistent-programme.yaml";
  int status = npq::cli::run({"npq", "export", programme}, in, out, err, env);
  CHECK(status == 3);
  CHECK(err.str().find("cannot write to standard output") != std::string::npos);
}
