// The safe loader: hostile and malformed inputs end with located findings, never a crash or hang.
#include "helpers.hpp"
#include "npq/data/embedded.hpp"
#include "npq/yaml/flat.hpp"
#include "npq/yaml/load.hpp"

#include <doctest/doctest.h>

using npq::Diagnostics;
using npq::SourceFile;

namespace {

std::vector<std::string> load_codes(const std::string &text, npq::yaml::Stream *keep = nullptr) {
  Diagnostics d;
  auto s = npq::yaml::load(SourceFile("t.yaml", text), d);
  if (keep != nullptr) {
    *keep = std::move(s);
  }
  return test::codes(d);
}

} // namespace

TEST_CASE("a lone comma ends with a located syntax error instead of looping") {
  CHECK(load_codes(",") == std::vector<std::string>{"NPQ010@1"});
}

TEST_CASE("an empty file is an error, and comments alone are empty too") {
  CHECK(load_codes("") == std::vector<std::string>{"NPQ015@1"});
  CHECK(load_codes("# only a comment\n") == std::vector<std::string>{"NPQ015@1"});
}

TEST_CASE("duplicate keys are reported at the second key with a note at the first") {
  Diagnostics d;
  npq::yaml::load(SourceFile("t.yaml", "a: 1\nb: 2\na: 3\n"), d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].where.line == 3);
  REQUIRE(d.items()[0].notes.size() == 1);
  CHECK(d.items()[0].notes[0].where.line == 1);
}

TEST_CASE("duplicate keys are found in large mappings too") {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "k" + std::to_string(i) + ": 1\n";
  }
  text += "k7: 2\n";
  CHECK(load_codes(text) == std::vector<std::string>{"NPQ012@41"});
}

TEST_CASE("recursive aliases and alias bombs are refused") {
  CHECK(load_codes("a: &a [*a]\n") == std::vector<std::string>{"NPQ013@1"});
  std::string bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev +
            ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
    prev = c;
  }
  auto codes = load_codes(bomb);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].rfind("NPQ013@", 0) == 0);
}

TEST_CASE("aliases may repeat values within limits, and are shared, not copied") {
  npq::yaml::Stream s;
  CHECK(load_codes("a: &x {k: 1}\nb: *x\n", &s).empty());
  REQUIRE(s.documents.size() == 1);
  CHECK(s.documents[0].root->get("a") == s.documents[0].root->get("b"));
}

TEST_CASE("what aliases add is budgeted per file, over all its documents") {
  // 9 x 9 x 9 = 729 nodes from one short line of aliases per document: within the allowance in
  // one document, but not in 1,000 of them (which used to get a fresh budget each).
  std::string doc = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                    "c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
  CHECK(load_codes(doc).empty());
  std::string stream;
  for (int i = 0; i < 1000; ++i) {
    stream += "---\n" + doc;
  }
  auto codes = load_codes(stream);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].rfind("NPQ013@", 0) == 0);
  // Text counts too: a 64 KiB value repeated 200 times is 12.8 MB of text from 70 KB.
  std::string text = "v: &v " + std::string(64u << 10, 'x') + "\nl: [";
  for (int i = 0; i < 200; ++i) {
    text += "*v,";
  }
  Diagnostics d;
  npq::yaml::load(SourceFile("t.yaml", text + "]\n"), d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message.find("bytes of text") != std::string::npos);
}

TEST_CASE("the run's alias allowance is shared equally by its files") {
  npq::yaml::Limits run;
  auto each = npq::yaml::share(run, 4);
  CHECK(each.alias_nodes == run.alias_nodes / 4);
  CHECK(each.alias_bytes == run.alias_bytes / 4);
  CHECK(npq::yaml::share(run, 1).alias_nodes == run.alias_nodes);
  CHECK(npq::yaml::share(run, 0).alias_nodes == run.alias_nodes);
}

TEST_CASE("an alias used as a key is located at the alias, not at the anchor") {
  Diagnostics d;
  npq::yaml::load(SourceFile("t.yaml", "k: &a title\nm:\n  title: 1\n  *a : 2\n"), d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].where.line == 4);
  CHECK(d.items()[0].where.column == 3);
  REQUIRE(d.items()[0].notes.size() == 1);
  CHECK(d.items()[0].notes[0].where.line == 3);
  Diagnostics both;
  npq::yaml::load(SourceFile("t.yaml", "k: &a title\nm:\n  *a : 1\n  *a : 2\n"), both);
  REQUIRE(both.items().size() == 1);
  CHECK(both.items()[0].where.line == 4);
  CHECK(both.items()[0].notes[0].where.line == 3);
  CHECK(load_codes("k: &a [x]\nm:\n  *a : 1\n") == std::vector<std::string>{"NPQ017@3"});
}

TEST_CASE("merge keys merge, with explicit keys winning") {
  npq::yaml::Stream s;
  CHECK(load_codes("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", &s).empty());
  const auto *m = s.documents[0].root->get("m");
  REQUIRE(m != nullptr);
  CHECK(m->get("x")->text == "1");
  CHECK(m->get("y")->text == "3");
}

TEST_CASE("encodings other than UTF-8 are refused with a clear message") {
  CHECK(load_codes(std::string("\xFF\xFE"
                               "a\0:\0",
                               6)) == std::vector<std::string>{"NPQ003@1"});
  CHECK(load_codes("a: \xC3\x28\n") == std::vector<std::string>{"NPQ004@1"});
  CHECK(load_codes(std::string("a: 1\nb: x\0y\n", 12)) == std::vector<std::string>{"NPQ005@2"});
  CHECK(load_codes("a: \x1b[31m\n") == std::vector<std::string>{"NPQ005@1"});
}

TEST_CASE("a UTF-8 byte-order mark is accepted and positions stay right") {
  Diagnostics d;
  npq::yaml::load(SourceFile("t.yaml", "\xEF\xBB\xBF"
                                       "a: 1\na: 2\n"),
                  d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].where.line == 2);
  CHECK(d.items()[0].where.column == 1);
}

TEST_CASE("lone CR and CRLF line endings both count lines") {
  CHECK(load_codes("a: 1\rb: 2\ra: 3\r") == std::vector<std::string>{"NPQ012@3"});
  CHECK(load_codes("a: 1\r\nb: 2\r\na: 3\r\n") == std::vector<std::string>{"NPQ012@3"});
}

TEST_CASE("deep nesting is refused by the parser's depth guard") {
  CHECK(load_codes(std::string(100000, '[')).size() == 1);
  std::string deep;
  for (int i = 0; i < 5000; ++i) {
    deep += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  }
  auto codes = load_codes(deep);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].rfind("NPQ011@", 0) == 0);
}

TEST_CASE("comments and white space are not read-ahead: only an unclosed value is") {
  // 256 KiB of comments used to give NPQ011 "unclosed bracket" at the value before them.
  std::string comments;
  for (int i = 0; i < 4000; ++i) {
    comments += "# a comment line of about eighty characters, written by a careful author " +
                std::to_string(i) + "\n";
  }
  REQUIRE(comments.size() > (300u << 10));
  CHECK(load_codes("a: x\n" + comments + "b: y\n").empty());
  CHECK(load_codes("a: [x,\n" + comments + "  y]\n").empty()); // inside an open bracket too
  CHECK(load_codes("a: x\n" + std::string(400u << 10, '\n') + "b: y\n").empty());
  CHECK(load_codes("a: x\n" + std::string(400u << 10, ' ') + "\nb: y\n").empty());
  // What the budget is for is still stopped: tokens queued behind an unclosed bracket.
  CHECK(load_codes("a: [" + std::string(400u << 10, 'x') + "\n") ==
        std::vector<std::string>{"NPQ011@1"});
  std::string items;
  for (int i = 0; i < 200000; ++i) { // 400 KiB of "x," on one line: white space is not counted
    items += "x,   ";
  }
  CHECK(load_codes("[" + items) == std::vector<std::string>{"NPQ011@1"}); // a possible key
}

TEST_CASE("multi-document streams: each document is kept, the count is bounded") {
  npq::yaml::Stream s;
  CHECK(load_codes("a: 1\n---\nb: 2\n", &s).empty());
  CHECK(s.documents.size() == 2);
  std::string many;
  for (int i = 0; i < 1200; ++i) {
    many += "--- x\n";
  }
  auto codes = load_codes(many);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0] == "NPQ014@1001");
  CHECK(load_codes("a: 1\n---\n") == std::vector<std::string>{"NPQ015@2"});
}

TEST_CASE("unsupported and mismatched tags are refused") {
  CHECK(load_codes("a: !!binary aGVsbG8=\n") == std::vector<std::string>{"NPQ016@1"});
  CHECK(load_codes("a: !custom x\n") == std::vector<std::string>{"NPQ016@1"});
  CHECK(load_codes("a: !!int abc\n") == std::vector<std::string>{"NPQ016@1"});
  CHECK(load_codes("a: !!str 010\n").empty());
}

TEST_CASE("non-scalar keys are refused") {
  CHECK(load_codes("? [a, b]\n: c\n") == std::vector<std::string>{"NPQ017@1"});
}

TEST_CASE("core schema scalar typing") {
  using npq::yaml::ScalarType;
  auto type = [](const std::string &text) {
    Diagnostics d;
    auto s = npq::yaml::load(SourceFile("t", "v: " + text + "\n"), d);
    return npq::yaml::scalar_type(*s.documents.at(0).root->get("v"));
  };
  CHECK(type("true") == ScalarType::boolean);
  CHECK(type("yes") == ScalarType::string);
  CHECK(type("on") == ScalarType::string);
  CHECK(type("010") == ScalarType::integer);
  CHECK(type("0x1F") == ScalarType::integer);
  CHECK(type("1.5") == ScalarType::floating);
  CHECK(type(".inf") == ScalarType::floating);
  CHECK(type("'8'") == ScalarType::string);
  CHECK(type("~") == ScalarType::null);
  CHECK(type("null") == ScalarType::null);
  CHECK(type("'null'") == ScalarType::string);
  CHECK(type("2022-02") == ScalarType::string);
  CHECK(type("1_000") == ScalarType::string);
}

TEST_CASE("a flattened tree inflates to the same tree, aliases still shared") {
  npq::yaml::Stream s;
  REQUIRE(load_codes("a: &x {k: \"q\\\"?\\\\\", n: ~}\nb: *x\nc: [1, 'é', !!str 2]\n---\n- x\n", &s)
              .empty());
  auto tables = npq::yaml::flatten(s);
  auto back = npq::yaml::inflate(tables.view());
  REQUIRE(back.documents.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(back.documents[i].offset == s.documents[i].offset);
    CHECK(npq::yaml::same_tree(*back.documents[i].root, *s.documents[i].root));
  }
  CHECK(back.documents[0].root->get("a") == back.documents[0].root->get("b"));
  CHECK(tables.nodes.size() < 20); // the aliased mapping is stored once
  auto cpp = npq::yaml::flat_to_cpp(tables, "t");
  CHECK(cpp.find("std::string_view(\"q\\042\\077\\134\", 4)") != std::string::npos);
}

TEST_CASE("the bundled data embedded at build time is what the loader makes of its text") {
  auto files = npq::data::embedded_files();
  REQUIRE(files.size() >= 12);
  for (const auto &file : files) {
    CAPTURE(file.name);
    Diagnostics d;
    auto loaded = npq::yaml::load(SourceFile(std::string(file.name), std::string(file.text)), d);
    CHECK(d.items().empty());
    auto embedded = npq::yaml::inflate(*file.tree);
    REQUIRE(embedded.documents.size() == loaded.documents.size());
    for (std::size_t i = 0; i < loaded.documents.size(); ++i) {
      CHECK(npq::yaml::same_tree(*embedded.documents[i].root, *loaded.documents[i].root));
    }
  }
}
