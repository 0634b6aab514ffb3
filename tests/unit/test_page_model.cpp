// The page model (report/page.hpp) for the shapes the format gained after it: the route map's
// slots before and after its periods, values the encoder inferred, an engagement threshold with
// its scope, and figures in days, weekly rates and "every term" over terms not given. Each case
// builds a page from YAML and reads what the model says, before any renderer escapes it.
#include "helpers.hpp"
#include "npq/report/page.hpp"
#include "npq/report/page_parts.hpp"
#include "npq/report/page_render.hpp"

#include <algorithm>
#include <doctest/doctest.h>

namespace {

using npq::report::Page;
using npq::report::PageFacts;
using npq::report::PageList;
using npq::report::PageSection;
using npq::report::PageTable;

// The programme in `text` (after the minimal programme's lines), and its page.
struct Built {
  npq::FileResult result;
  const npq::model::Programme *programme = nullptr;
  Page page;
};

Built build(const std::string &text) {
  Built b;
  b.result = test::check(test::minimal_programme() + text);
  REQUIRE(b.result.parsed);
  for (const auto &doc : b.result.parsed->documents) {
    b.programme = std::get_if<npq::model::Programme>(&doc.model);
  }
  REQUIRE(b.programme != nullptr);
  b.page = npq::report::build_page(*b.programme, test::data(), {});
  return b;
}

std::vector<std::string> titles(const Page &page) {
  std::vector<std::string> out;
  for (const auto &s : page.sections) {
    out.push_back(s.title);
  }
  return out;
}

const PageSection &section(const Page &page, const std::string &title) {
  for (const auto &s : page.sections) {
    if (s.title == title) {
      return s;
    }
  }
  FAIL("no section " << title);
  return page.sections.front();
}

template <typename Block> const Block &first(const PageSection &s) {
  for (const auto &b : s.blocks) {
    if (const auto *found = std::get_if<Block>(&b)) {
      return *found;
    }
  }
  FAIL("no such block in " << s.title);
  static const Block none{};
  return none;
}

// Every list item of a section, as text.
std::vector<std::string> notes(const PageSection &s) {
  std::vector<std::string> out;
  for (const auto &b : s.blocks) {
    if (const auto *list = std::get_if<PageList>(&b)) {
      for (const auto &item : list->items) {
        std::string text;
        for (const auto &piece : item) {
          text += piece.text;
        }
        out.push_back(text);
      }
    }
  }
  return out;
}

std::string fact(const Page &page, const std::string &section_title, const std::string &label) {
  for (const auto &[l, value] : first<PageFacts>(section(page, section_title)).items) {
    if (l == label) {
      return value;
    }
  }
  return {};
}

// The cell of a table in the row `row` (its first cell) and the column `column`.
std::string cell(const PageTable &t, const std::string &row, const std::string &column) {
  auto c = std::find(t.columns.begin(), t.columns.end(), column);
  REQUIRE_MESSAGE(c != t.columns.end(), "no column " << column);
  for (const auto &r : t.rows) {
    if (r.front().text() == row) {
      return r[static_cast<std::size_t>(c - t.columns.begin())].text();
    }
  }
  FAIL("no row " << row);
  return {};
}

bool contains(const std::vector<std::string> &items, const std::string &part) {
  return std::any_of(items.begin(), items.end(),
                     [&](const std::string &i) { return i.find(part) != std::string::npos; });
}

const std::string kSlots =
    "route-map:\n"
    "  period-kind: term\n"
    "  before:\n"
    "    - {title: Leadership audit, kind: audit, hours: 1,\n"
    "       delivery: {mode: online}}\n"
    "  periods:\n"
    "    - id: t1\n"
    "      title: Term one\n"
    "      activities: [{title: Study, kind: self-directed-study, hours: 8}]\n"
    "  throughout:\n"
    "    - {title: Project, kind: implementation-project, hours: 4}\n"
    "  after:\n"
    "    - {title: Assessment clinic, kind: assessment-briefing,\n"
    "       hours: not-published}\n";

} // namespace

TEST_CASE("page: the route map's slots before and after its periods, in time order") {
  auto b = build(kSlots);
  const auto &page = b.page;
  // Sections: before, the period, throughout, after.
  auto t = titles(page);
  auto at = [&](const char *title) { return std::find(t.begin(), t.end(), title) - t.begin(); };
  CHECK(at("Before the programme starts") < at("Term one"));
  CHECK(at("Term one") < at("Throughout the programme"));
  CHECK(at("Throughout the programme") < at("After the taught programme"));
  CHECK(at("After the taught programme") < static_cast<long>(t.size()));

  // The summary's columns, in the same order, with each slot's hours from analysis::Totals; the
  // unpublished hours after the programme are "not published", never 0.
  const auto &table = first<PageTable>(section(page, "Summary of learning hours"));
  CHECK(table.columns == std::vector<std::string>{"Kind of activity", "Before the programme starts",
                                                  "Term one", "Throughout the programme",
                                                  "After the taught programme", "Total"});
  CHECK(cell(table, "Self-study", "Before the programme starts") == "1");
  CHECK(cell(table, "Assessment", "After the taught programme") == "not published");
  CHECK(cell(table, "All learning", "After the taught programme") == "not published");
  CHECK(cell(table, "All learning", "Total") == "at least 13");

  // The picture: a band before and one after, beside the periods' bands and the strip.
  REQUIRE(page.picture.before);
  REQUIRE(page.picture.after);
  CHECK(page.picture.before->title == "Before the programme starts");
  CHECK(page.picture.before->hours == "1 hour");
  CHECK(page.picture.before->note == "Before the first term");
  CHECK(page.picture.after->hours == "hours not published");
  CHECK(page.picture.after->groups.front().items.front().first == "Assessment clinic");
  CHECK(page.picture.description.find("what comes after the taught programme") !=
        std::string::npos);

  // Mermaid opens with what comes before and closes with what comes after.
  std::string mermaid = npq::report::page_mermaid(page);
  auto before = mermaid.find("section Before the programme starts");
  auto term = mermaid.find("section Term one");
  auto after = mermaid.find("section After the taught programme");
  CHECK(before < term);
  CHECK(term < after);
  CHECK(after != std::string::npos);

  // The course data counts the audit's place (online), the only one the route map states.
  CHECK(page.course.modes == std::vector<std::string>{"Online"});
}

TEST_CASE("page: no column for a slot the route map leaves empty") {
  auto b = build("route-map:\n"
                 "  period-kind: term\n"
                 "  periods:\n"
                 "    - {id: t1, title: Term one, activities: [{title: S, kind: reading, "
                 "hours: 2}]}\n");
  const auto &table = first<PageTable>(section(b.page, "Summary of learning hours"));
  CHECK(table.columns == std::vector<std::string>{"Kind of activity", "Term one", "Total"});
  CHECK_FALSE(b.page.picture.before);
  CHECK_FALSE(b.page.picture.after);
}

TEST_CASE("page: an engagement threshold says what it is a percentage of, or that it is unsaid") {
  auto scoped = build("assessment:\n"
                      "  kind: written-case-study\n"
                      "  engagement-threshold: {percent: 90, of: the live sessions}\n");
  CHECK(fact(scoped.page, "Assessment", "To qualify") ==
        "take part in at least 90% of the live sessions");
  auto bare = build("assessment:\n"
                    "  kind: written-case-study\n"
                    "  engagement-threshold: 90\n");
  CHECK(fact(bare.page, "Assessment", "To qualify") ==
        "take part in at least 90%; the provider does not say of what");
}

TEST_CASE("page: what the encoder inferred is marked wherever it is shown") {
  auto b = build("framework: npqsl-2020\n"
                 "inferred: {framework: The page names no framework.}\n"
                 "route-map:\n"
                 "  period-kind: term\n"
                 "  periods:\n"
                 "    - id: t1\n"
                 "      title: Term one\n"
                 "      activities:\n"
                 "        - {title: Group, kind: peer-learning-group, hours: 2,\n"
                 "           inferred: {hours: Read from the summary.}}\n"
                 "        - {title: Study, kind: self-directed-study, hours: 6}\n"
                 "    - id: t2\n"
                 "      title: Term two\n"
                 "      activities: [{title: Study, kind: self-directed-study, hours: 6}]\n"
                 "summary:\n"
                 "  periods: [t1, t2]\n"
                 "  inferred: {periods: Both terms teach.}\n"
                 "  categories:\n"
                 "    - {label: Study each term, kinds: [self-directed-study],\n"
                 "       hours-per-period: {at-least: 5}}\n"
                 "    - label: Groups\n"
                 "      kinds: [peer-learning-group]\n"
                 "      total-hours: {at-least: 1}\n"
                 "      inferred: {total-hours: The table says 1+.}\n");
  const auto &page = b.page;
  // A fact: the reason beside the value.
  CHECK(fact(page, "At a glance", "Framework")
            .find("(inferred, not published: The page names no "
                  "framework.)") != std::string::npos);
  // The total includes the inferred hours, and says so.
  CHECK(fact(page, "At a glance", "Total hours").find("(partly inferred)") != std::string::npos);

  const auto &summary = section(page, "Summary of learning hours");
  const auto &table = first<PageTable>(summary);
  // A figure the encoder concluded is "inferred", never "published".
  CHECK(cell(table, "Groups", "Total") == "at least 1 (inferred)");
  // A published figure whose terms were concluded: published, inferred for the term.
  CHECK(cell(table, "Study each term", "Term one") ==
        "at least 5 (published; inferred for this term)");
  // Sums of the route map that include inferred hours.
  CHECK(cell(table, "All learning", "Total") == "14 (partly inferred)");
  auto said = notes(summary);
  CHECK(contains(said, "Groups: inferred, not published: The table says 1+."));
  CHECK(contains(said, "Which terms the figures for each term apply to is inferred, not "
                       "published: Both terms teach."));

  // The activity table marks the hours and says why under it.
  const auto &term = section(page, "Term one");
  CHECK(cell(first<PageTable>(term), "Group", "Hours") == "2 (inferred)");
  CHECK(notes(term) ==
        std::vector<std::string>{"Group, hours: inferred, not published: Read from the summary."});
  // The picture's item, its family's hours and the band's hours.
  const auto &band = page.picture.bands.front();
  CHECK(band.hours == "8 hours (partly inferred)");
  CHECK(band.groups.front().hours == "2 hours (inferred)");
  CHECK(band.groups.front().items.front().second == "2 hours (inferred)");
}

TEST_CASE("page: schema.org data leaves out what the encoder inferred") {
  auto b = build("funding:\n"
                 "  - {kind: fee, amount: 900, currency: GBP, inferred: {amount: A guess.}}\n"
                 "duration: {nominal: 12 months, inferred: {nominal: From the dates.}}\n");
  CHECK(b.page.course.offers.empty());
  CHECK(b.page.course.duration.empty());
  // The page itself shows both, marked.
  CHECK(fact(b.page, "At a glance", "Cost") == "£900 (inferred, not published: A guess.)");
  CHECK(fact(b.page, "At a glance", "Duration") ==
        "12 months (inferred, not published: From the dates.)");
}

TEST_CASE("page: days, weekly rates and 'every term' over unstated terms as published") {
  auto weekly =
      build("duration: {nominal: 12 months}\n"
            "route-map:\n"
            "  period-kind: term\n"
            "  periods:\n"
            "    - {id: t1, title: Term one, activities: [{title: C, kind: conference, "
            "hours: 6}]}\n"
            "  throughout: [{title: Study, kind: online-learning, hours: not-published}]\n"
            "summary:\n"
            "  categories:\n"
            "    - {label: Study, kinds: [online-learning], hours-per-week: {from: 1, to: "
            "2}}\n");
  const auto &summary = section(weekly.page, "Summary of learning hours");
  CHECK(cell(first<PageTable>(summary), "Study", "Total") == "1 to 2 hours a week (published)");
  CHECK(contains(notes(summary), "Study, in total: 1 to 2 hours a week as published, 52 to 104 "
                                 "hours over 52 weeks"));

  auto days = build("summary:\n"
                    "  categories:\n"
                    "    - {label: Sessions, kinds: [face-to-face-event], days: 8}\n");
  const auto &d = section(days.page, "Summary of learning hours");
  CHECK(cell(first<PageTable>(d), "Sessions", "Total") == "8 days (published)");
  CHECK(contains(notes(d), "the provider does not say how many hours a day"));

  auto every = build("summary:\n"
                     "  categories:\n"
                     "    - {label: Coaching, kinds: [coaching], hours-per-period: 2,\n"
                     "       periods-unstated: true}\n");
  const auto &e = section(every.page, "Summary of learning hours");
  CHECK(cell(first<PageTable>(e), "Coaching", "Total") == "2 hours each period (published)");
  CHECK(contains(notes(e), "over a number of periods the provider does not give"));
}

TEST_CASE("page: inferred values are found at, above and inside a pointer, by whole segments") {
  npq::model::DocumentInfo doc;
  doc.inferences = {{"/route-map/periods/1/covers", "why"}, {"/framework", "because"}};
  using npq::report::parts::inferred;
  CHECK(inferred(doc, "/route-map/periods/1/covers") == "why");
  CHECK(inferred(doc, "/route-map/periods/1/covers/0") == "why"); // inside the inferred value
  CHECK(inferred(doc, "/route-map/periods/1") == "why");          // a value that holds it
  CHECK(inferred(doc, "/route-map/periods/10/covers").empty());   // not a prefix by segment
  CHECK(inferred(doc, "/frameworks").empty());
  CHECK(inferred(doc, "").empty());
  CHECK(npq::report::parts::marked(doc, "X", "/framework") ==
        "X (inferred, not published: because)");
  CHECK(npq::report::parts::marked(doc, "X", "/provider") == "X");
}
