// Text helpers: UTF-8, positions, suggestions, terminal safety.
#include "npq/diag/render.hpp"
#include "npq/text/search.hpp"
#include "npq/text/source.hpp"
#include "npq/text/suggest.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/utf8.hpp"

#include <cstdint>
#include <doctest/doctest.h>
#include <string>
#include <vector>

TEST_CASE("columns count code points, lines count LF, CRLF and lone CR") {
  npq::SourceFile f("t", "é: x\r\nb\rc");
  CHECK(f.position(4).line == 1);
  CHECK(f.position(4).column == 4);
  CHECK(f.position(7).line == 2);
  CHECK(f.position(9).line == 3);
  CHECK(f.line_text(1) == "é: x");
  CHECK(f.line_text(3) == "c");
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(!npq::utf8::check("plain ascii and é").has_value());
  auto overlong = npq::utf8::check("ab\xC0\xAF");
  REQUIRE(overlong);
  CHECK(overlong->offset == 2);
  CHECK(npq::utf8::check("\xED\xA0\x80")); // encoded surrogate
  CHECK(npq::utf8::check("\x7F"));         // DEL
}

TEST_CASE("no suggestion for words or lists too long for one to help") {
  CHECK(npq::nearest(std::string(65, 'x'), {"title"}).empty());
  std::vector<std::string> many(501, "title");
  std::vector<std::string_view> views(many.begin(), many.end());
  CHECK(npq::nearest("tittle", views).empty());
  views.pop_back();
  CHECK(npq::nearest("tittle", views) == "title");
}

TEST_CASE("suggestions") {
  CHECK(npq::nearest("tittle", {"title", "kind"}) == "title");
  CHECK(npq::nearest("hour", {"hours", "count"}) == "hours");
  CHECK(npq::nearest("zzzzzz", {"title", "kind"}).empty());
}

TEST_CASE("terminal_safe neutralises escapes and bidi controls") {
  CHECK(npq::terminal_safe("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(npq::terminal_safe("x\xE2\x80\xAEy") == "x\\u202ey");
  CHECK(npq::terminal_safe("bad \xC3") == "bad \xEF\xBF\xBD");
  CHECK(npq::terminal_safe("a\nb") == "a\\nb");
  // For text escaped again later (GitHub annotations): line feeds stay, carriage returns do not.
  CHECK(npq::terminal_safe_lines("a\nb\r\x1b") == "a\nb\\x0d\\x1b");
  // What shows as nothing is shown: zero-width characters, the soft hyphen, tag characters.
  CHECK(npq::terminal_safe("a\xE2\x80\x8B"
                           "b") == "a\\u200bb");
  CHECK(npq::terminal_safe("a\xE2\x81\xA0"
                           "b\xC2\xAD"
                           "c") == "a\\u2060b\\xadc");
  CHECK(npq::terminal_safe("flag\xF3\xA0\x81\x81") == "flag\\ue0041");
  CHECK(npq::terminal_safe("caf\xC3\xA9 \xE2\x80\x94 ok") == "caf\xC3\xA9 \xE2\x80\x94 ok");
}

TEST_CASE("many needles in one pass agree with searching for each") {
  // Small alphabets make many partial matches, which is where failure links matter.
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int round = 0; round < 200; ++round) {
    std::string haystack;
    for (int i = 0, n = static_cast<int>(next() % 200); i < n; ++i) {
      haystack += static_cast<char>('a' + next() % 3);
    }
    std::vector<std::string> owned;
    for (int k = 0, n = static_cast<int>(next() % 12); k < n; ++k) {
      std::string needle;
      for (int i = 0, m = static_cast<int>(next() % 8); i < m; ++i) {
        needle += static_cast<char>('a' + next() % 3);
      }
      owned.push_back(needle);
    }
    if (!owned.empty() && round % 3 == 0) {
      owned.push_back(owned.front()); // the same needle twice
    }
    std::vector<std::string_view> needles(owned.begin(), owned.end());
    auto found = npq::occurs_in(haystack, needles);
    REQUIRE(found.size() == needles.size());
    for (std::size_t k = 0; k < needles.size(); ++k) {
      CAPTURE(haystack);
      CAPTURE(owned[k]);
      CHECK(found[k] == (haystack.find(owned[k]) != std::string::npos));
    }
  }
  CHECK(npq::occurs_in("", {"", "a"}) == std::vector<bool>{true, false});
  CHECK(npq::occurs_in("\xff\x80", {"\x80", "\xff\x80", "\x80\xff"}) ==
        std::vector<bool>{true, true, false});
}

TEST_CASE("a long needle that almost matches everywhere costs one pass, not haystack x needle") {
  // "aaa...a" (1 MB) searched for "aaa...ab" (100 KB): std::string::find compares up to 100 KB
  // at each of a million positions.
  std::string haystack(1u << 20, 'a');
  std::string needle = std::string(100'000, 'a') + "b";
  std::string present(100'000, 'a');
  CHECK(npq::occurs_in(haystack, {needle, present}) == std::vector<bool>{false, true});
}
