// The route map page's words and escapes: hours in plain English, Markdown escaped only where
// it would become markup, HTML and Mermaid text. tests/markdown and tests/pages render whole pages
// with the real renderers; these pin the rules themselves.
#include "npq/markup/html.hpp"
#include "npq/markup/markdown.hpp"
#include "npq/report/glossary.hpp"
#include "npq/report/routemap.hpp"

#include <cmath>
#include <doctest/doctest.h>

namespace g = npq::report::glossary;
using npq::analysis::Interval;

TEST_CASE("hours in plain words, never notation") {
  CHECK(g::hours(Interval::exact(18)) == "18 hours");
  CHECK(g::hours(Interval::exact(1)) == "1 hour");
  CHECK(g::hours(Interval::exact(1.5), false) == "1.5");
  CHECK(g::hours(Interval{10, HUGE_VAL, false, 1}) == "at least 10 hours");
  CHECK(g::hours(Interval{80, HUGE_VAL, true, 3}) == "at least about 80 hours");
  CHECK(g::hours(Interval{0, 50, false, 0}) == "up to 50 hours");
  CHECK(g::hours(Interval{20, 20, true, 0}, false) == "about 20");
  CHECK(g::hours(Interval{20, 30, false, 0}) == "20 to 30 hours");
  CHECK(g::hours(Interval{0, HUGE_VAL, false, 2}) == "not published");
}

TEST_CASE("plain words for delivery, duration and counts") {
  npq::model::Delivery d{"asynchronous", "self-directed", "online"};
  CHECK(g::delivery(d) == "Online, in your own time, on your own");
  CHECK(g::delivery({}) == "");
  npq::model::DurationBlock span;
  span.minimum = npq::model::Quantity{12, "month", {}};
  span.maximum = npq::model::Quantity{18, "month", {}};
  CHECK(g::duration(span) == "12 to 18 months");
  CHECK(g::count_words(9, true) == "Nine");
  CHECK(g::count_words(14) == "14");
  CHECK(g::choose(2, 7) == "Choose 2 of 7");
  CHECK(g::every("half-term") == "half-termly");
}

TEST_CASE("Markdown escapes only what would become markup") {
  using npq::markup::md;
  // Ordinary prose is written as it is.
  CHECK(md("Senior Leadership (NPQSL), cross-school, £1,055; line manager/SIP check-in.") ==
        "Senior Leadership (NPQSL), cross-school, £1,055; line manager/SIP check-in.");
  CHECK(md("a | b <script>") == "a \\| b &lt;script>");
  CHECK(md("*em* _u_ [l](x) `c`") == "\\*em\\* \\_u\\_ \\[l](x) &#96;c&#96;");
  CHECK(md("~~s~~ $$x$$ {: .c}") == "&#126;&#126;s&#126;&#126; $&#36;x$&#36; &#123;: .c}");
  CHECK(md("&lt; & &#124;") == "&amp;lt; & &amp;#124;");
  CHECK(md("www.example.com https://a.b") == "www\\.example.com https&#58;//a.b");
  CHECK(md("a@b.c") == "a@&#8288;b.c");
  // Block markers only at the start.
  CHECK(md("# not a heading") == "\\# not a heading");
  CHECK(md("- x") == "\\- x");
  CHECK(md("1. x") == "1\\. x");
  CHECK(md("x - 1. y") == "x - 1. y");
  CHECK(md(": x") == "&#58; x");
  CHECK(md("title #") == "title \\#");
  // Backslashes: before punctuation and at the end they are escaped, elsewhere literal.
  CHECK(md("a\\b") == "a\\b");
  CHECK(md("a\\*") == "a\\\\\\*");
  CHECK(md("end \\") == "end \\\\");
  // White space and unsafe characters.
  CHECK(md("Line one\nLine two\r\n") == "Line one Line two");
  CHECK(md("bidi \u202Etxt") == "bidi txt");
}

TEST_CASE("HTML and Mermaid text") {
  CHECK(npq::markup::html("a <b> & \"c\" 'd'") == "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;");
  CHECK(npq::markup::comment_text("a --> b") == "a - b");
  CHECK(npq::report::mermaid_text("Term one") == "Term one");
  CHECK(npq::report::mermaid_text("Term | one: #1; %%") == "Term | one#58; #35;1#59; #37;#37;");
  CHECK(npq::report::mermaid_text("section 1") == "#115;ection 1");
  CHECK(npq::report::mermaid_text("") == "#8203;");
}
