// What providers publish beyond hours (issue 13): lengths with and without the assessment and
// the norms they are judged by, spans of part of a programme, announcements against the page's
// own date and what it still offers, cost and funding coverage, engagement thresholds with a
// scope, withdrawn offers judged at the page's date, reformed groups, and suites whose members'
// programmes contradict them.
#include "helpers.hpp"
#include "npq/report/profile.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using test::codes;
using test::minimal_programme;
using test::minimal_programme_for;

namespace {

/// Error and warning codes, with notes.
std::vector<std::string> all_codes(const std::string &text) {
  return codes(test::check(text).diagnostics, true);
}

bool has(const std::vector<std::string> &found, const std::string &code) {
  for (const auto &c : found) {
    if (c.rfind(code + "@", 0) == 0) {
      return true;
    }
  }
  return false;
}

const npq::model::Programme &programme_of(const npq::FileResult &r) {
  const npq::model::Programme *p = nullptr;
  for (const auto &doc : r.parsed->documents) {
    p = std::get_if<npq::model::Programme>(&doc.model);
  }
  REQUIRE(p != nullptr);
  return *p;
}

const npq::model::Suite &suite_of(const npq::FileResult &r) {
  const npq::model::Suite *s = nullptr;
  for (const auto &doc : r.parsed->documents) {
    s = std::get_if<npq::model::Suite>(&doc.model);
  }
  REQUIRE(s != nullptr);
  return *s;
}

std::string with_fee(const std::string &p) {
  return p + "funding:\n  - {kind: fee, amount: 1000, currency: GBP}\n";
}

std::string suite(const std::string &source_extra, const std::string &body) {
  return "format: 1\nkind: suite\ntitle: S\nprovider: P\n"
         "source: {title: S, url: 'https://www.example.org/s'" +
         source_extra + "}\n" + body;
}

} // namespace

TEST_CASE("duration: a programme naming no framework is judged by every norm its qualification "
          "has had") {
  // NPQSL has had the reformed 18 months and the 2017 range of two terms to 18 months.
  auto pre_reform = with_fee(minimal_programme()) +
                    "duration: {nominal: 12 months, minimum: 6 months, maximum: 18 months}\n";
  CHECK(!has(all_codes(pre_reform), "NPQ330"));
  auto too_long = with_fee(minimal_programme()) + "duration: {nominal: 24 months}\n";
  auto r = test::check(too_long);
  const auto &d = test::first(r, npq::Code::duration_differs);
  CHECK(d.message.find("fits none of the norms NPQSL has had") != std::string::npos);
  CHECK(d.message.find("npq-2017") != std::string::npos);
  // A qualification with reformed frameworks only keeps the reformed norm.
  auto lt = with_fee(minimal_programme_for("NPQLT")) + "duration: {nominal: 18 months}\n";
  CHECK(has(all_codes(lt), "NPQ330"));
}

TEST_CASE("duration: a named framework decides the norm") {
  auto reformed =
      with_fee(minimal_programme()) + "framework: npqsl-2020\nduration: {nominal: 12 months}\n";
  CHECK(has(all_codes(reformed), "NPQ330"));
  // Two terms are 6 to 8 months: 6 months fits the 2017 minimum, 5 does not.
  auto six = with_fee(minimal_programme()) +
             "framework: npq-2017\nduration: {nominal: 12 months, minimum: 6 months}\n";
  CHECK(!has(all_codes(six), "NPQ330"));
  auto five = with_fee(minimal_programme()) +
              "framework: npq-2017\nduration: {nominal: 12 months, minimum: 5 months}\n";
  CHECK(has(all_codes(five), "NPQ330"));
}

TEST_CASE("duration: a length including the assessment is compared with taught plus assessment") {
  auto lt = [](const std::string &length) {
    return with_fee(minimal_programme_for("NPQLT")) + "duration: {including-assessment: " + length +
           "}\n";
  };
  CHECK(!has(all_codes(lt("15 months")), "NPQ330")); // 12 taught + 3 assessment
  auto r = test::check(lt("17 months"));
  CHECK(test::first(r, npq::Code::duration_differs).message.find("including the assessment") !=
        std::string::npos);
  auto sl = with_fee(minimal_programme()) +
            "framework: npqsl-2020\nduration: {including-assessment: 21 months}\n";
  CHECK(!has(all_codes(sl), "NPQ330"));
  // Under a pre-reform range only the shortest taught length bounds it.
  auto legacy = with_fee(minimal_programme()) +
                "framework: npq-2017\nduration: {including-assessment: 21 months}\n";
  CHECK(!has(all_codes(legacy), "NPQ330"));
}

TEST_CASE("duration: including the assessment is no shorter than taught, a span no longer than "
          "the programme") {
  auto shorter = with_fee(minimal_programme_for("NPQLT")) +
                 "duration: {nominal: 12 months, including-assessment: 10 months}\n";
  CHECK(has(all_codes(shorter), "NPQ331"));
  auto span = [](const std::string &at_least) {
    return with_fee(minimal_programme()) +
           "duration:\n  maximum: 12 months\n  spans:\n"
           "    - {of: the face-to-face sessions, at-least: " +
           at_least + "}\n";
  };
  auto r = test::check(span("5 terms"));
  CHECK(test::first(r, npq::Code::duration_disordered).message ==
        "the face-to-face sessions last at least 5 terms, longer than the programme's maximum "
        "(12 months)");
  CHECK(!has(all_codes(span("4 terms")), "NPQ331")); // 12 to 16 months: may fit
  CHECK(!has(all_codes(span("2 terms")), "NPQ331"));
  // A span alone says nothing about the programme's own length.
  auto alone = with_fee(minimal_programme()) +
               "duration:\n  spans: [{of: the face-to-face sessions, at-least: 2 terms}]\n";
  CHECK(!has(all_codes(alone), "NPQ330"));
  CHECK(!has(all_codes(alone), "NPQ331"));
}

TEST_CASE("duration: route-map periods are compared with a length including the assessment only "
          "as an upper bound") {
  std::string terms =
      "route-map:\n  period-kind: term\n  periods:\n"
      "    - {id: a, title: A, activities: [{title: W, kind: reading, hours: 1}]}\n"
      "    - {id: b, title: B, activities: [{title: W, kind: reading, hours: 1}]}\n"
      "    - {id: c, title: C, activities: [{title: W, kind: reading, hours: 1}]}\n";
  auto fits = with_fee(minimal_programme_for("NPQLT")) +
              "duration: {including-assessment: 15 months}\n" + terms;
  CHECK(!has(all_codes(fits), "NPQ332"));
  auto too_short = with_fee(minimal_programme_for("NPQLT")) +
                   "duration: {including-assessment: 6 months}\n" + terms;
  CHECK(has(all_codes(too_short), "NPQ332"));
}

TEST_CASE("announcements: a successor announced while the page still offers this programme") {
  std::string successor = "announcements:\n  - {kind: successor, what: the next programmes, "
                          "date: autumn 2021, tense: future}\n";
  auto r = test::check(with_fee(minimal_programme()) + successor);
  const auto &d = test::first(r, npq::Code::successor_announced);
  CHECK(d.severity == npq::Severity::note);
  CHECK(d.message == "the page announces 'the next programmes' from autumn 2021, while it still "
                     "offers this programme (a fee of £1,000) without saying until when");
  // A price said to end before the successor starts, or a start before it, is no finding.
  auto ends = minimal_programme() +
              "funding:\n  - {kind: fee, amount: 1000, currency: GBP, until: 2021-07}\n" +
              successor;
  CHECK(!has(all_codes(ends), "NPQ335"));
  auto earlier_start = minimal_programme() + "starts: [{date: 2021-02}]\n" + successor;
  CHECK(!has(all_codes(earlier_start), "NPQ335"));
  auto later_start = minimal_programme() + "starts: [{date: 2021-11}]\n" + successor;
  CHECK(has(all_codes(later_start), "NPQ335"));
  // Without a date there is no start to be ambiguous about.
  auto undated = with_fee(minimal_programme()) +
                 "announcements:\n  - {kind: successor, what: the next programmes, tense: "
                 "future}\n";
  CHECK(!has(all_codes(undated), "NPQ335"));
}

TEST_CASE("announcements: a later date spoken of as past or already announced") {
  auto page = [](const std::string &published, const std::string &date, const std::string &tense) {
    std::string p = minimal_programme();
    p.replace(p.find("title: Test source}"), 19,
              "title: Test source, published: " + published + "}");
    return with_fee(p) + "announcements:\n  - {kind: funding, what: new funding, date: " + date +
           ", tense: " + tense + "}\n";
  };
  auto r = test::check(page("2023-02-13", "autumn 2024", "announced"));
  const auto &d = test::first(r, npq::Code::date_after_publication);
  CHECK(d.message.find("(19 months later)") != std::string::npos);
  CHECK(d.message.find("(2023/24)") != std::string::npos);
  // Announced for the next academic year: normal.
  CHECK(!has(all_codes(page("2023-02-13", "autumn 2023", "announced")), "NPQ336"));
  CHECK(!has(all_codes(page("2023-02-13", "summer 2024", "announced")), "NPQ336"));
  CHECK(!has(all_codes(page("2024-03-01", "autumn 2024", "announced")), "NPQ336"));
  // A plan for later is normal; a past event after the page is not.
  CHECK(!has(all_codes(page("2023-02-13", "autumn 2024", "future")), "NPQ336"));
  CHECK(has(all_codes(page("2023-02-13", "2023-09", "past")), "NPQ336"));
  CHECK(!has(all_codes(page("2023-02-13", "2023-02", "past")), "NPQ336"));
  // An undated page cannot be judged.
  auto undated = with_fee(minimal_programme()) +
                 "announcements:\n  - {kind: funding, what: f, date: autumn 2030, tense: past}\n";
  CHECK(!has(all_codes(undated), "NPQ336"));
}

TEST_CASE("funding: a page with no cost or funding gets a note") {
  CHECK(has(all_codes(minimal_programme()), "NPQ352"));
  CHECK(!has(all_codes(with_fee(minimal_programme())), "NPQ352"));
  auto contact = minimal_programme() + "funding: [{kind: contact-provider}]\n";
  CHECK(!has(all_codes(contact), "NPQ352"));
}

TEST_CASE("funding: an audience setting that no funding statement covers, even in part") {
  auto p = [](const std::string &audience, const std::string &funding) {
    return minimal_programme_for("NPQEYL") + "audience: {settings: [" + audience +
           "]}\nfunding:\n" + funding;
  };
  std::string schools = "  - {kind: scholarship, coverage: full, settings: [state-funded-school, "
                        "state-funded-college]}\n";
  auto r = test::check(p("pvi-nursery, school-based-nursery, childminder-setting", schools));
  const auto &d = test::first(r, npq::Code::audience_not_funded);
  CHECK(d.message == "the programme is for Private, voluntary or independent nursery and "
                     "Childminder, which no funding statement covers");
  CHECK(d.notes.size() == 1);
  // A school-based nursery may be part of a state-funded school: covered in part.
  CHECK(!has(all_codes(p("school-based-nursery", schools)), "NPQ353"));
  // An academy is within state-funded schools; a statement for everyone covers all.
  CHECK(!has(all_codes(p("academy", schools)), "NPQ353"));
  CHECK(!has(all_codes(p("pvi-nursery", "  - {kind: fee, amount: 1, currency: GBP}\n")), "NPQ353"));
  // A statement for a broader setting covers those within it, and the other way round.
  CHECK(!has(all_codes(p("pvi-nursery", "  - {kind: contact-provider, settings: "
                                        "[early-years-setting]}\n")),
             "NPQ353"));
  CHECK(!has(all_codes(p("early-years-setting", "  - {kind: contact-provider, settings: "
                                                "[childminder-setting]}\n")),
             "NPQ353"));
  CHECK(test::data().settings_containing("school-based-nursery") ==
        std::vector<std::string>{"school-based-nursery", "state-funded-school",
                                 "independent-school", "early-years-setting"});
}

TEST_CASE("engagement threshold: a percentage alone or with its scope") {
  auto scoped = minimal_programme() +
                "assessment:\n  engagement-threshold: {percent: 90, of: the live sessions}\n";
  auto r = test::check(scoped);
  const auto &a = programme_of(r).assessment;
  REQUIRE(a.engagement_threshold);
  CHECK(*a.engagement_threshold == 90);
  CHECK(a.engagement_scope == "the live sessions");
  CHECK(npq::report::describe_engagement(a) == "90 % of the live sessions");
  auto plain = test::check(minimal_programme() + "assessment: {engagement-threshold: 90}\n");
  CHECK(npq::report::describe_engagement(programme_of(plain).assessment) == "90 %");
  // The percentage is still checked, and located at 'percent'.
  auto fraction =
      minimal_programme() + "assessment:\n  engagement-threshold: {percent: 0.9, of: the course}\n";
  CHECK(codes(fraction) == std::vector<std::string>{"NPQ340@9"});
}

TEST_CASE("duration words: including the assessment, a range across qualifications, spans") {
  auto r = test::check(
      suite("", "common:\n  duration: {minimum: 12 months, maximum: 18 months, varies-by: "
                "qualification}\ngroups:\n  - {id: g, title: G, members: [{qualification: "
                "NPQLT}]}\n"));
  CHECK(npq::report::describe_duration(suite_of(r).common_duration) ==
        "12 to 18 months, depending on the qualification");
  auto p = test::check(minimal_programme() +
                       "duration:\n  nominal: 14 months\n  including-assessment: 17 months\n"
                       "  spans: [{of: the face-to-face sessions, at-least: 2 terms}]\n");
  CHECK(npq::report::describe_duration(programme_of(p).duration) ==
        "14 months, 17 months including the assessment; the face-to-face sessions over at least "
        "2 terms");
}

TEST_CASE("suites: a withdrawn offer is judged at the page's date") {
  auto page = [](const std::string &published) {
    return suite(published.empty() ? "" : ", published: " + published,
                 "groups:\n  - id: l\n    title: L\n    members:\n"
                 "      - {qualification: NPQH, related: [ASO]}\n");
  };
  auto severity = [&](const std::string &published) -> std::string {
    auto r = test::check(page(published));
    for (const auto &d : r.diagnostics.items()) {
      if (d.code == npq::Code::withdrawn_qualification) {
        return std::string(npq::to_string(d.severity));
      }
    }
    return "none";
  };
  CHECK(severity("") == "note");        // undated
  CHECK(severity("2022-05") == "note"); // in the year it was withdrawn
  CHECK(severity("2023-05-01") == "warning");
  CHECK(severity("2021-11") == "none"); // before the withdrawal
}

TEST_CASE("suites: a group that calls its members reformed") {
  auto group = [](const std::string &described, const std::string &members) {
    return suite("", "groups:\n  - id: l\n    title: Leadership NPQs\n    described-as: " +
                         described + "\n    members: [" + members + "]\n");
  };
  auto r = test::check(group("reformed", "{qualification: NPQEYL}, {qualification: NPQSL}"));
  const auto &d = test::first(r, npq::Code::reformed_without_predecessor);
  CHECK(d.message.find("NPQEYL (Early years leadership) has no framework from before the "
                       "reforms (only npqeyl-2022)") != std::string::npos);
  CHECK(codes(r.diagnostics).size() == 1);
  CHECK(!has(all_codes(group("reformed", "{qualification: NPQSL}, {qualification: NPQH}")),
             "NPQ383"));
  CHECK(!has(all_codes(group("new", "{qualification: NPQEYL}")), "NPQ383"));
}

TEST_CASE("suites: a member's programme delivers a common activity otherwise") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "npq-test-member-delivery";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "member.yaml");
    out << minimal_programme_for("NPQLT")
        << "route-map:\n  period-kind: term\n  periods:\n"
           "    - id: a\n      title: A\n      activities:\n"
           "        - {title: Group, kind: peer-learning-group, hours: 2, delivery: {mode: "
           "online}}\n"
           "        - {title: Mixed, kind: peer-learning-group, hours: 2, delivery: {mode: "
           "blended}}\n"
           "        - {title: Study, kind: self-directed-study, hours: 2, delivery: {mode: "
           "online}}\n";
  }
  auto text = [](const std::string &mode) {
    return suite("", "common:\n  activities:\n"
                     "    - {title: Peer learning, kind: peer-learning-group, hours: "
                     "not-published, delivery: {mode: " +
                         mode +
                         "}}\ngroups:\n  - id: s\n    title: S\n    members:\n"
                         "      - {qualification: NPQLT, programme: member.yaml}\n");
  };
  auto r = test::check(text("face-to-face"), (dir / "suite.yaml").string());
  const auto &d = test::first(r, npq::Code::member_delivery_contradiction);
  CHECK(d.message == "the suite says every programme's 'Peer learning' is face-to-face, but "
                     "NPQLT's programme (member.yaml) has 1 peer-learning-group activity "
                     "delivered otherwise");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "Group: online");
  CHECK(d.notes[0].where.file == (dir / "member.yaml").generic_string());
  CHECK(!has(all_codes(text("online")), "NPQ384"));
  auto agrees = test::check(text("online"), (dir / "suite.yaml").string());
  CHECK(!has(codes(agrees.diagnostics), "NPQ384"));
  fs::remove_all(dir);
}
