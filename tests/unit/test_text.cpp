// Text helpers: UTF-8, positions, suggestions, terminal safety.
#include "npq/diag/render.hpp"
#include "npq/text/source.hpp"
#include "npq/text/suggest.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/utf8.hpp"

#include <doctest/doctest.h>

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
}
