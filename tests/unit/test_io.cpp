// Reading and writing files: only regular files are read, only inside the project for files a
// programme names, and no output replaces a file the run read, a link or a device.
#include "../run_npq.hpp"
#include "helpers.hpp"
#include "npq/io/project.hpp"
#include "npq/io/read.hpp"
#include "npq/io/write.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A fresh folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "npq-io-XXXXXX").string();
    path = fs::canonical(mkdtemp(pattern.data()));
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string &name, const std::string &text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

std::string slurp(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

bool temporaries_left(const fs::path &dir) {
  for (const auto &e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().find(".npq-") != std::string::npos) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE(
    "the project root is the nearest folder with .npq.yaml or .git, never above the ceiling") {
  TempDir t;
  fs::create_directories(t.path / "repo/.git");
  fs::create_directories(t.path / "repo/a/b");
  CHECK(npq::io::find_project_root(t.path / "repo/a/b") == t.path / "repo");
  t.write("repo/a/.npq.yaml", "format: 1\nkind: config\n");
  CHECK(npq::io::find_project_root(t.path / "repo/a/b") == t.path / "repo/a");
  fs::create_directories(t.path / "loose/x");
  CHECK(!npq::io::find_project_root(t.path / "loose/x", t.path).has_value());
}

TEST_CASE("paths a programme names resolve inside its project, links included, or not at all") {
  TempDir t;
  fs::path root = t.path / "project";
  fs::create_directories(root / "programmes");
  fs::create_directories(t.path / "outside");
  t.write("outside/secret.txt", "secret\n");
  t.write("project/sources/page.txt", "page\n");
  fs::path base = root / "programmes";
  using npq::io::resolve_within;
  CHECK(resolve_within(root, base, "../sources/page.txt") == root / "sources/page.txt");
  CHECK(resolve_within(root, base, root / "sources/page.txt") == root / "sources/page.txt");
  CHECK(resolve_within(root, base, "missing.txt") == base / "missing.txt");
  CHECK(!resolve_within(root, base, "../../outside/secret.txt"));
  CHECK(!resolve_within(root, base, "/etc/passwd"));
  CHECK(!resolve_within(root, base, "../../outside/missing.txt")); // the same answer
  fs::create_symlink(t.path / "outside", root / "out");
  fs::create_symlink("../sources/page.txt", base / "page-link.txt");
  fs::create_symlink("../project/sources", t.path / "outside/back"); // out and back in
  fs::create_symlink("loop", root / "loop");
  fs::create_symlink(t.path / "outside/nothing-here", root / "dangling-out");
  CHECK(!resolve_within(root, base, "../out/secret.txt"));
  CHECK(!resolve_within(root, base, "../out/missing.txt"));
  CHECK(!resolve_within(root, base, "../dangling-out"));
  CHECK(resolve_within(root, base, "page-link.txt") == root / "sources/page.txt");
  CHECK(!resolve_within(root, base, "../out/back/page.txt")); // through the outside: refused
  CHECK(!resolve_within(root, base, "../loop/x"));
}

TEST_CASE("only regular files are read, without waiting for a FIFO or reading a device") {
  TempDir t;
  npq::Diagnostics out;
  npq::io::ReadLedger ledger;
  REQUIRE(mkfifo((t.path / "fifo.yaml").c_str(), 0600) == 0);
  CHECK(!npq::io::read_file((t.path / "fifo.yaml").string(), 1 << 20, out, &ledger));
  CHECK(!npq::io::read_file("/dev/zero", 1 << 20, out, &ledger));
  CHECK(!npq::io::read_file(t.path.string(), 1 << 20, out, &ledger));
  REQUIRE(out.items().size() == 3);
  for (const auto &d : out.items()) {
    CHECK(d.code == npq::Code::unreadable);
  }
  auto file = t.write("a.yaml", "a: 1\n");
  CHECK(npq::io::read_file(file.string(), 1 << 20, out, &ledger));
  CHECK(ledger.contains(*npq::io::identify(file.string())));
  CHECK(!npq::io::read_file(file.string(), 3, out)); // over the size limit
  CHECK(out.items().back().code == npq::Code::too_large);
}

TEST_CASE("-o never replaces a file the run read, by any name") {
  TempDir t;
  auto input = t.write("in.yaml", "input\n");
  fs::create_hard_link(input, t.path / "hard.yaml");
  fs::create_symlink(input, t.path / "soft.yaml");
  npq::io::ReadLedger ledger;
  ledger.record(*npq::io::identify(input.string()));
  for (const char *name : {"in.yaml", "hard.yaml", "soft.yaml"}) {
    CAPTURE(name);
    auto r = npq::io::write_output((t.path / name).string(), "page\n", &ledger);
    CHECK(!r.ok);
    CHECK(r.error.find("npq read") != std::string::npos);
  }
  CHECK(slurp(input) == "input\n");
  CHECK(!temporaries_left(t.path));
}

TEST_CASE("-o keeps a file's mode, refuses links to files and writes to devices in place") {
  TempDir t;
  auto page = t.write("page.md", "old\n");
  fs::permissions(page, fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(npq::io::write_output(page.string(), "new\n", nullptr).ok);
  CHECK(slurp(page) == "new\n");
  CHECK((fs::status(page).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  fs::create_symlink("page.md", t.path / "link.md");
  fs::create_symlink("nowhere.md", t.path / "dangling.md");
  CHECK(!npq::io::write_output((t.path / "link.md").string(), "x\n", nullptr).ok);
  CHECK(!npq::io::write_output((t.path / "dangling.md").string(), "x\n", nullptr).ok);
  CHECK(fs::is_symlink(t.path / "link.md"));
  CHECK(slurp(page) == "new\n");
  CHECK(!npq::io::write_output(t.path.string(), "x\n", nullptr).ok); // a folder
  // A device is written to, never renamed over (which, as root, replaced /dev/null by a file).
  CHECK(npq::io::write_output("/dev/null", "x\n", nullptr).ok);
  CHECK(fs::is_character_file("/dev/null"));
  auto full = npq::io::write_output("/dev/full", "x\n", nullptr);
  CHECK(!full.ok); // ENOSPC is an error, not success
  CHECK(fs::is_character_file("/dev/full"));
  REQUIRE(mkfifo((t.path / "fifo").c_str(), 0600) == 0);
  CHECK(!npq::io::write_output((t.path / "fifo").string(), "x\n", nullptr).ok); // no reader
  CHECK(fs::is_fifo(t.path / "fifo"));
  CHECK(!temporaries_left(t.path));
}

TEST_CASE(
    "a file outside the project gets the same finding whether it exists and holds the quote") {
  TempDir t;
  fs::create_directories(t.path / "project/.git");
  t.write("outside/has.txt", "The programme lasts 18 months.\n");
  t.write("outside/lacks.txt", "Nothing relevant here.\n");
  std::string programme = test::minimal_programme() + "duration:\n  nominal: 18 months\n"
                                                      "  quote: The programme lasts 18 months\n";
  std::vector<std::string> outputs;
  for (const std::string &source :
       std::vector<std::string>{"../outside/has.txt", "../outside/lacks.txt", "../outside/none.txt",
                                t.path.string() + "/outside/has.txt"}) {
    std::string text = programme;
    text.replace(text.find("url: 'https://www.example.org/test'"), 35, "document: " + source);
    auto file = t.write("project/p.yaml", text);
    auto r = test::run_npq({"validate", "--no-config", "-f", "json", file.string()});
    CHECK(r.status == 1);
    CHECK(r.out.find("NPQ374") != std::string::npos);
    CHECK(r.out.find("NPQ370") == std::string::npos);
    CHECK(r.out.find("NPQ371") == std::string::npos);
    std::string scrubbed = r.out;
    scrubbed.replace(scrubbed.find(source), source.size(), "SOURCE");
    outputs.push_back(scrubbed);
  }
  for (const auto &o : outputs) {
    CHECK(o == outputs.front());
  }
  // --source-root names the folder to read from instead.
  auto r = test::run_npq({"validate", "--no-config", "--source-root", t.path.string(),
                          (t.path / "project/p.yaml").string()});
  CHECK(r.out.find("NPQ374") == std::string::npos);
}
