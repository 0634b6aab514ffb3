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

TEST_CASE("framework listings from --data files cannot drive the terminal") {
  fs::path dir = fs::temp_directory_path() / "npq-reports-hostile-data";
  fs::create_directories(dir);
  std::ofstream(dir / "hostile.yaml", std::ios::binary)
      << "format: 1\nkind: framework\nid: hostile-2020\n"
         "title: \"Evil \\e[31mred \\e]0;title\\a \\u202Eright-to-left \\u200Bzero "
         "\\U000E0041tag\"\nqualifications: [NPQLT]\nsource: {title: \"src \\e[2J\", url: "
         "'https://example.org/x'}\nareas:\n  - id: teaching\n    number: 1\n"
         "    title: \"Area \\u2066isolate\"\n    statements:\n"
         "      - {id: '1.1', kind: learn-that, text: \"S \\e]8;;http://x\\e\\\\link\"}\n"
         "behaviours:\n  - {id: b-one, title: \"B \\x9b31m\"}\n";
  for (std::vector<std::string> args :
       {std::vector<std::string>{"frameworks", "--data", dir.string()},
        {"frameworks", "show", "hostile-2020", "--data", dir.string()}}) {
    CAPTURE(args.size());
    auto r = test::run_npq(args);
    CHECK(r.status == 0);
    CHECK(r.out.find("hostile-2020") != std::string::npos);
    for (std::string_view raw : {"\x1b", "\xe2\x80\xae", "\xe2\x80\x8b", "\xe2\x81\xa6",
                                 "\xf3\xa0\x81\x81", "\xc2\x9b", "\a"}) {
      CHECK(r.out.find(raw) == std::string::npos);
    }
    CHECK(r.out.find("\\x1b[31mred") != std::string::npos); // shown, not obeyed
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}
