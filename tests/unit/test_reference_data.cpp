// The bundled reference data and the model behind it: framework status and successors, former ids
// (aliases) of frameworks and areas, areas counted but not named, assessment lengths as ranges,
// the 2017 framework's parts by level, and the provenance every bundled file must give.
#include "../run_npq.hpp"
#include "helpers.hpp"
#include "npq/checks/check.hpp"
#include "npq/document.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using test::codes;
using test::minimal_programme_for;

namespace {

/// The parsed model of a reference data document written in a test.
npq::model::Document parse_document(const std::string &text) {
  npq::Diagnostics d;
  auto parsed = npq::parse_file(npq::SourceFile("extra.yaml", text), d);
  REQUIRE_MESSAGE(d.empty(), "the test's document has findings");
  REQUIRE(parsed.documents.size() == 1);
  return parsed.documents.front().model;
}

std::vector<std::string> area_ids(const npq::model::Framework &f) {
  std::vector<std::string> out;
  for (const auto &a : f.areas) {
    out.push_back(a.id);
  }
  return out;
}

const std::string assessed = "assessment: {kind: written-case-study, window: 8 days}\n";

} // namespace

TEST_CASE("NPQLL has six areas, without School Culture, dated with NPQEYL") {
  const auto *ll = test::data().framework("npqll-2022");
  const auto *eyl = test::data().framework("npqeyl-2022");
  REQUIRE(ll != nullptr);
  REQUIRE(eyl != nullptr);
  CHECK(area_ids(*ll) == std::vector<std::string>{"teaching", "developing-language",
                                                  "developing-reading", "developing-writing",
                                                  "professional-development", "implementation"});
  CHECK(ll->find_area("school-culture") == nullptr);
  CHECK(ll->published == "2022-02-25");
  CHECK(eyl->published == ll->published);
  // A programme that still claims School Culture for NPQLL is told it is not an area.
  CHECK(codes(minimal_programme_for("NPQLL") + assessed +
              "framework: npqll-2022\ntopics: [{title: t, covers: [school-culture]}]\n") ==
        std::vector<std::string>{"NPQ203@10"});
}

TEST_CASE("a renamed framework id is kept working as an alias") {
  const auto &data = test::data();
  REQUIRE(data.framework("npqeyl-2021") != nullptr);
  CHECK(data.framework("npqeyl-2021") == data.framework("npqeyl-2022"));
  CHECK(data.framework("npqeyl-2021")->id == "npqeyl-2022");
  // Did-you-mean offers current ids only.
  auto ids = data.framework_ids();
  CHECK(std::find(ids.begin(), ids.end(), "npqeyl-2021") == ids.end());

  std::string all = "topics: [{title: t, covers: [culture, "
                    "child-development-curriculum-and-assessment, send, professional-development, "
                    "organisational-management, implementation, working-in-partnership]}]\n";
  CHECK(
      codes(minimal_programme_for("NPQEYL") + assessed + "framework: npqeyl-2021\n" + all).empty());
  CHECK(
      codes(minimal_programme_for("NPQEYL") + assessed + "framework: npqeyl-2022\n" + all).empty());

  // A framework added with --data may not take a former id: it would name two frameworks.
  npq::ReferenceData extended = data;
  npq::Diagnostics d;
  extended.add(parse_document("format: 1\nkind: framework\nid: npqeyl-2021\ntitle: t\n"
                              "qualifications: [NPQEYL]\nsource: {title: s}\n"),
               d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == npq::Code::conflicting_reference_data);
  CHECK(d.items()[0].message == "framework 'npqeyl-2021' is already a former id of 'npqeyl-2022'");
}

TEST_CASE("an area's former id still counts for the area") {
  const auto *el = test::data().framework("npqel-2020");
  REQUIRE(el != nullptr);
  REQUIRE(el->find_area("school-culture") != nullptr);
  CHECK(el->find_area("school-culture")->id == "trust-culture");
  CHECK(el->areas.front().provisional);
  std::string covers = "covers: [school-culture, teaching, curriculum-and-assessment, behaviour, "
                       "send, professional-development, organisational-management, "
                       "implementation, working-in-partnership, governance-and-accountability]";
  std::string p = minimal_programme_for("NPQEL") + assessed + "framework: npqel-2020\n" +
                  "topics: [{title: t, " + covers + "}]\n";
  CHECK(codes(p).empty()); // no unknown area, and trust-culture is covered
  auto r = test::run_npq({"coverage", "-f", "json", "-"}, p);
  CHECK(r.out.find("\"not covered\"") == std::string::npos);
}

TEST_CASE("a programme citing a superseded framework gets a note naming its successor") {
  std::string topics = "topics: [{title: t, covers: all}]\n";
  auto r = test::check(minimal_programme_for("NPQH") + "framework: npq-2017\n" + topics);
  const auto &note = test::first(r, npq::Code::superseded_framework);
  CHECK(note.severity == npq::Severity::note);
  CHECK(note.message == "framework 'npq-2017' is superseded by 'npqh-2020'");
  CHECK(note.where.line == 8);

  auto ml = test::check(minimal_programme_for("NPQML") + "framework: npq-2017\n" + topics);
  CHECK(test::first(ml, npq::Code::superseded_framework).message ==
        "framework 'npq-2017' is superseded by 'npqsl-2020', 'npqh-2020', 'npqel-2020', none of "
        "them written for NPQML");

  // Frameworks under review (all the reformed ones) and current frameworks get no note.
  auto current =
      test::check(minimal_programme_for("NPQH") + assessed + "framework: npqh-2020\n" + topics);
  for (const auto &d : current.diagnostics.items()) {
    CHECK(d.code != npq::Code::superseded_framework);
  }
  CHECK(test::data().framework("npqh-2020")->status == "under-review");
}

TEST_CASE("a future framework supersedes a bundled one with data alone") {
  npq::ReferenceData data = test::data();
  npq::Diagnostics d;
  // What the data would say after the DfE's review: a new framework, and the old one superseded.
  data.add(parse_document("format: 1\nkind: framework\nid: npqsl-2027\ntitle: t\n"
                          "qualifications: [NPQSL]\nreformed: true\nsource: {title: s}\n"
                          "areas: [{id: culture, title: Culture}]\n"),
           d);
  data.add(parse_document("format: 1\nkind: framework\nid: npqsl-2020-old\ntitle: t\n"
                          "qualifications: [NPQSL]\nreformed: true\nstatus: superseded\n"
                          "superseded-by: [npqsl-2027]\nsource: {title: s}\n"
                          "areas: [{id: culture, title: Culture}]\n"),
           d);
  REQUIRE(d.empty());
  npq::Diagnostics out;
  npq::checks::Context ctx{data, out, {}, {}};
  auto parsed =
      npq::parse_file(npq::SourceFile("p.yaml", minimal_programme_for("NPQSL") + assessed +
                                                    "framework: npqsl-2020-old\n"
                                                    "topics: [{title: t, covers: [culture]}]\n"
                                                    "funding: [{kind: contact-provider}]\n"),
                      out);
  REQUIRE(out.empty());
  npq::checks::check_document(parsed.documents.front().model, ctx);
  REQUIRE(out.items().size() == 1);
  CHECK(out.items()[0].code == npq::Code::superseded_framework);
  CHECK(out.items()[0].message == "framework 'npqsl-2020-old' is superseded by 'npqsl-2027'");
}

TEST_CASE("areas counted but not named: coverage cannot be checked by area") {
  const auto *lpm = test::data().framework("npqlpm-2023");
  REQUIRE(lpm != nullptr);
  CHECK(lpm->areas.empty());
  CHECK(lpm->counted_areas() == 10);
  CHECK(lpm->areas_unnamed());
  auto r = test::check(minimal_programme_for("NPQLPM") + assessed + "framework: npqlpm-2023\n" +
                       "topics: [{title: t, covers: [maths-culture]}]\n" +
                       "funding: [{kind: contact-provider}]\n");
  CHECK(codes(r.diagnostics).empty()); // the id cannot be checked, so it is not an error
  CHECK(codes(r.diagnostics, true) == std::vector<std::string>{"NPQ327@9"});
  CHECK(test::first(r, npq::Code::areas_not_named).message ==
        "framework 'npqlpm-2023' has 10 areas, but no source npq holds names them, so coverage "
        "cannot be checked by area");
  // The coverage report says the same instead of drawing an empty matrix.
  auto report = test::run_npq({"coverage", "-"},
                              minimal_programme_for("NPQLPM") + "framework: npqlpm-2023\n");
  for (auto at = report.out.find('\n'); at != std::string::npos; at = report.out.find('\n')) {
    report.out[at] = ' '; // the report wraps to the terminal's width
  }
  CHECK(report.out.find("has 10 areas, but none is named in npq's data, so coverage cannot be "
                        "checked by area") != std::string::npos);
}

TEST_CASE("a framework's stated area count must match the areas it names") {
  std::string f = "format: 1\nkind: framework\nid: x\ntitle: t\nqualifications: [NPQSL]\n"
                  "source: {title: s}\narea-count: 3\n"
                  "areas: [{id: a, title: A}, {id: b, title: B}]\n";
  CHECK(codes(f) == std::vector<std::string>{"NPQ301@7"});
  CHECK(codes("format: 1\nkind: framework\nid: x\ntitle: t\nqualifications: [NPQSL]\n"
              "source: {title: s}\nstatus: superseded\nsuperseded-by: [npqsl-2021]\n") ==
        std::vector<std::string>{"NPQ202@8"});
}

TEST_CASE("the assessment length is a range where a source gives one") {
  const auto *senco = test::data().qualification("NPQSENCO");
  const auto *sl = test::data().qualification("NPQSL");
  REQUIRE(senco->assessment_months);
  CHECK(senco->assessment_months->low == 3);
  CHECK(senco->assessment_months->high == 4);
  CHECK(npq::model::to_string(*senco->assessment_months) == "3 to 4 months");
  CHECK(npq::model::to_string(*sl->assessment_months) == "3 months");
  // The longest allowed counts: 18 months of teaching and 5 for the assessment fit NPQSENCO's
  // 18 + 4 (within the check's month of slack), not NPQSL's 18 + 3.
  std::string timing = "duration: {nominal: 18 months}\n"
                       "assessment: {kind: written-case-study, window: 8 days, "
                       "timing: {starts: after-programme, within: 5 months}}\n";
  CHECK(codes(minimal_programme_for("NPQSENCO") + timing).empty());
  CHECK(codes(minimal_programme_for("NPQSL") + timing) == std::vector<std::string>{"NPQ334@9"});
  // In a catalogue file, a range must run forwards.
  std::string catalogue = "format: 1\nkind: catalogue\nid: c\ntitle: t\nsource: {title: s}\n"
                          "qualifications:\n  - {code: NPQX, name: x, group: specialist, "
                          "assessment-months: {from: 4, to: 3}}\n";
  CHECK(codes(catalogue) == std::vector<std::string>{"NPQ331@7"});
}

TEST_CASE("the 2017 framework records its assessment parts by level") {
  const auto *f = test::data().framework("npq-2017");
  REQUIRE(f != nullptr);
  auto titles = [&](const char *code) {
    std::vector<std::string> out;
    for (const auto *p : f->parts_for(code)) {
      out.push_back(p->title);
    }
    return out;
  };
  CHECK(titles("NPQH") == std::vector<std::string>{"Project 1", "Project 2"});
  CHECK(titles("NPQSL") == std::vector<std::string>{"Part A", "Part B"});
  CHECK(titles("NPQML") == std::vector<std::string>{"Part A", "Part B"});
  CHECK(titles("NPQEL").empty()); // left to the programme
  auto r = test::run_npq({"frameworks", "show", "npq-2017"});
  CHECK(r.out.find("NPQEL     none recorded: left to the programme") != std::string::npos);
}

TEST_CASE("every bundled framework cites its sources and has a status") {
  const auto &data = test::data();
  for (const auto &f : data.frameworks()) {
    CAPTURE(f.id);
    CHECK(!f.source.url.empty());
    CHECK((f.status == "current" || f.status == "under-review" || f.status == "superseded"));
    CHECK(f.reformed == (f.status == "under-review")); // the DfE's review is of the reformed ones
    auto supported = [&](const char *what) {
      return std::any_of(f.sources.begin(), f.sources.end(), [&](const auto &s) {
        return std::find(s.supports.begin(), s.supports.end(), what) != s.supports.end();
      });
    };
    CHECK((f.areas_unnamed() ? supported("area-count") : supported("area-titles")));
    CHECK((f.provisional || f.primary_support("area-count"))); // a confirmed count is the DfE's
    CHECK((f.behaviours.empty() || supported("behaviours")));
    CHECK((f.assessment_parts.empty() || supported("assessment-parts")));
    CHECK(supported("status") == (f.status != "current"));
    for (const auto &next : f.superseded_by) {
      CHECK(data.framework(next.value) != nullptr);
    }
    CHECK((!f.area_count || f.areas.empty() ||
           static_cast<std::size_t>(*f.area_count) == f.areas.size()));
  }
  for (const auto &q : data.qualifications()) {
    for (const auto &id : q.frameworks) {
      CAPTURE(id);
      REQUIRE(data.framework(id) != nullptr);
      CHECK(data.framework(id)->id == id); // the catalogue uses current ids, not former ones
    }
  }
}

TEST_CASE("npq frameworks shows each framework's status and whether its list is provisional") {
  auto r = test::run_npq({"frameworks"});
  CHECK(r.status == 0);
  auto row = [&](const std::string &id) {
    auto at = r.out.find("\n" + id + " ");
    REQUIRE(at != std::string::npos);
    return r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
  };
  CHECK(row("npq-2017").find("superseded") != std::string::npos);
  CHECK(row("npqsl-2020").find("under review  no ") != std::string::npos);
  CHECK(row("npqll-2022").find(" 6  under review  yes ") != std::string::npos);
  CHECK(row("npqlpm-2023").find("10  under review  yes, not named") != std::string::npos);
  CHECK(row("npqel-2020").find("under review  area 1 ") != std::string::npos);
  CHECK(row("NPQSENCO").find("18 months  3 to 4 months") != std::string::npos);
  CHECK(row("npqh-2020").find(" providers ") != std::string::npos); // titles: providers only
  CHECK(row("npqsl-2020").find(" DfE ") != std::string::npos);
}

TEST_CASE("a provider supplies statements with --data, as docs/format.md shows") {
  // '--data DIR FILE' takes one folder and checks FILE (it once took FILE as a second folder).
  auto r = test::run_npq({"validate", "--data", NPQ_SOURCE_DIR "/examples/data/frameworks",
                          NPQ_SOURCE_DIR "/examples/data/npq322-statement-not-covered.yaml"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("warning[NPQ322]: area 'school-culture' is covered statement by statement, but "
                   "1 of its 3 statements are not: 2.a") != std::string::npos);
  CHECK(r.out.find("1 file checked: 0 errors, 1 warning, 0 notes") != std::string::npos);
}
