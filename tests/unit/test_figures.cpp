// Verdicts on published figures (analysis/figures.hpp): each verdict, the wording of each kind of
// condition, conflicts, figures carried into totals, choices, and "about". The property test
// (tests/figures/property.py) checks the verdicts on thousands of random programmes.
#include "helpers.hpp"
#include "npq/analysis/figures.hpp"
#include "npq/report/hours.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using npq::analysis::Figure;
using npq::analysis::Verdict;

// A programme with a route map and a summary written in YAML lines, judged.
struct Judged {
  npq::FileResult result;
  const npq::model::Programme *programme = nullptr;
  npq::analysis::Judgement judgement;
};

Judged judge(const std::string &route_map, const std::string &summary,
             npq::analysis::FigureOptions options = {}) {
  Judged j;
  j.result = test::check(test::minimal_programme() + route_map + summary);
  REQUIRE(j.result.parsed);
  for (const auto &doc : j.result.parsed->documents) {
    j.programme = std::get_if<npq::model::Programme>(&doc.model);
  }
  REQUIRE(j.programme != nullptr);
  npq::analysis::Totals totals(*j.programme);
  j.judgement = npq::analysis::judge(*j.programme, totals, options);
  return j;
}

const Figure &figure(const Judged &j, Figure::Kind kind, std::size_t nth = 0) {
  for (const auto &f : j.judgement.figures) {
    if (f.kind == kind && nth-- == 0) {
      return f;
    }
  }
  FAIL("no such figure");
  return j.judgement.figures.front();
}

const std::string kEvents = "route-map:\n"
                            "  period-kind: term\n"
                            "  periods:\n"
                            "    - id: t1\n"
                            "      title: Term one\n"
                            "      activities:\n"
                            "        - {title: Online modules, kind: online-learning, hours: 40}\n"
                            "        - {title: Coaching, kind: coaching, hours: 10}\n"
                            "        - {title: Face-to-face event, kind: face-to-face-event, "
                            "count: 6, hours: not-published}\n";

} // namespace

TEST_CASE("figures: an open total says what would make it true, and never 'agrees'") {
  auto j = judge(kEvents, "summary:\n  total-hours: 120\n");
  const auto &f = figure(j, Figure::Kind::programme_total);
  CHECK(f.verdict == Verdict::open);
  CHECK(f.condition ==
        "holds only if the 6 face-to-face events take 70 hours in all (about 11.7 hours each)");
  auto r = npq::report::build_hours_report(*j.programme);
  std::string text = npq::report::render_hours_text({r});
  CHECK(text.find("agrees") == std::string::npos);
  CHECK(text.find("open") != std::string::npos);
  CHECK(test::codes(j.result.diagnostics) == std::vector<std::string>{"NPQ308@18"});
}

TEST_CASE("figures: confirmed, contradicted, and a total that only the route map decides") {
  CHECK(figure(judge(kEvents, "summary:\n  total-hours: {at-least: 50}\n"),
               Figure::Kind::programme_total)
            .verdict == Verdict::confirmed);
  CHECK(figure(judge(kEvents, "summary:\n  total-hours: 45\n"), Figure::Kind::programme_total)
            .verdict == Verdict::contradicted);
  CHECK(figure(judge(kEvents, "summary:\n  total-hours: {up-to: 50}\n"),
               Figure::Kind::programme_total)
            .condition == "holds only if the 6 face-to-face events take no hours at all");
}

TEST_CASE("figures: a category over unpublished hours is unverifiable, and carried into totals") {
  std::string summary = "summary:\n"
                        "  categories:\n"
                        "    - label: Face-to-face events\n"
                        "      kinds: [face-to-face-event]\n"
                        "      total-hours: 12\n"
                        "  total-hours: 62\n";
  auto j = judge(kEvents, summary);
  CHECK(figure(j, Figure::Kind::total).verdict == Verdict::unverifiable);
  CHECK(figure(j, Figure::Kind::total).condition ==
        "cannot be checked: no activity behind it has published hours");
  // 50 published + the 12 the category publishes: the total is confirmed, not "≥ 50".
  CHECK(figure(j, Figure::Kind::programme_total).verdict == Verdict::confirmed);
  CHECK(j.judgement.programme.low == doctest::Approx(62));
  CHECK(j.judgement.programme.high == doctest::Approx(62));
  CHECK(test::codes(j.result.diagnostics, true) ==
        std::vector<std::string>{"NPQ324@1", "NPQ352@1", "NPQ306@8", "NPQ303@14", "NPQ303@15",
                                 "NPQ309@21"});
}

TEST_CASE("figures: shares of an activity that runs throughout, said once per period") {
  std::string rm = "route-map:\n"
                   "  period-kind: term\n"
                   "  periods:\n"
                   "    - {id: t1, title: Term one, activities: [{title: Study, kind: "
                   "self-directed-study, hours: 10}]}\n"
                   "    - {id: t2, title: Term two, activities: [{title: Study, kind: "
                   "self-directed-study, hours: 11}]}\n"
                   "  throughout:\n"
                   "    - {title: Implementation project, kind: implementation-project, hours: "
                   "not-published}\n";
  std::string summary = "summary:\n"
                        "  categories:\n"
                        "    - label: Study and project\n"
                        "      kinds: [self-directed-study, implementation-project]\n"
                        "      hours-per-period: {at-least: 13}\n";
  auto j = judge(rm, summary);
  const auto &f = figure(j, Figure::Kind::per_period);
  CHECK(f.verdict == Verdict::open);
  CHECK(f.condition == "holds only if the implementation project takes at least 3 hours in Term "
                       "one and at least 2 hours in Term two");
}

TEST_CASE("figures: rows that exceed the headline total conflict, even with hours unpublished") {
  std::string rm = "route-map:\n"
                   "  period-kind: term\n"
                   "  periods:\n"
                   "    - {id: t1, title: Term one, activities: [{title: S, kind: "
                   "self-directed-study, hours: not-published}, {title: C, kind: coaching, "
                   "hours: not-published}]}\n";
  std::string summary = "summary:\n"
                        "  categories:\n"
                        "    - {label: Study, kinds: [self-directed-study], total-hours: 30}\n"
                        "    - {label: Coaching, kinds: [coaching], hours-per-period: 2}\n"
                        "  total-hours: 31\n";
  auto j = judge(rm, summary);
  REQUIRE(j.judgement.conflicts.size() == 1);
  CHECK(j.judgement.conflicts.front().figures.size() == 3); // 30 + ≥ 2 > 31 needs all three
  CHECK(j.judgement.route_map_alone);
  CHECK(test::codes(j.result.diagnostics) == std::vector<std::string>{"NPQ304@14"});
}

TEST_CASE("figures: a total confirmed only because errors cancel out says so") {
  std::string rm = "route-map:\n"
                   "  period-kind: term\n"
                   "  periods:\n"
                   "    - {id: t1, title: Term one, activities: [{title: Audit, kind: audit, "
                   "hours: 1}, {title: Study, kind: self-directed-study, hours: 9}]}\n";
  std::string summary = "summary:\n"
                        "  categories:\n"
                        "    - {label: Audit, kinds: [audit], total-hours: 2}\n"
                        "    - {label: Study, kinds: [self-directed-study], total-hours: 8}\n"
                        "  total-hours: 10\n";
  auto j = judge(rm, summary);
  const auto &f = figure(j, Figure::Kind::programme_total);
  CHECK(f.verdict == Verdict::confirmed);
  CHECK(f.cancels == "the published categories add up to 10 hours, but only because the errors "
                     "of 2 of them cancel out: 'Audit' (−1) and 'Study' (+1)");
}

TEST_CASE("figures: 'about' holds within the configured tolerance") {
  std::string rm = "route-map:\n"
                   "  period-kind: term\n"
                   "  periods:\n"
                   "    - {id: t1, title: Term one, activities: [{title: S, kind: "
                   "self-directed-study, hours: 22}]}\n";
  std::string summary = "summary:\n  total-hours: {about: 20}\n";
  CHECK(figure(judge(rm, summary), Figure::Kind::programme_total).verdict == Verdict::confirmed);
  npq::analysis::FigureOptions strict;
  strict.about_tolerance = 0.05;
  CHECK(figure(judge(rm, summary, strict), Figure::Kind::programme_total).verdict ==
        Verdict::contradicted);
}

TEST_CASE("figures: a total that holds for some choices of electives only") {
  std::string rm = "route-map:\n"
                   "  period-kind: module\n"
                   "  periods:\n"
                   "    - {id: a, title: Module A, activities: [{title: S, kind: "
                   "self-directed-study, hours: 10}]}\n"
                   "    - {id: b, title: Module B, activities: [{title: S, kind: "
                   "self-directed-study, hours: 20}]}\n"
                   "  choices:\n"
                   "    - {id: pick, title: Pick one, choose: 1, from: [a, b]}\n";
  auto j = judge(rm, "summary:\n  total-hours: 20\n");
  const auto &f = figure(j, Figure::Kind::programme_total);
  CHECK(f.verdict == Verdict::open);
  CHECK(f.condition == "holds only for some choices of electives, for example Module B");
  CHECK(figure(judge(rm, "summary:\n  total-hours: {from: 10, to: 20}\n"),
               Figure::Kind::programme_total)
            .verdict == Verdict::confirmed);
}

TEST_CASE("figures: no bundled programme or example is called 'agrees'") {
  namespace fs = std::filesystem;
  for (const char *dir : {"programmes", "examples"}) {
    for (const auto &e : fs::recursive_directory_iterator(fs::path(NPQ_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".yaml" ||
          e.path().string().find("/data/") != std::string::npos) {
        continue;
      }
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      auto r = test::check(ss.str(), e.path().string());
      if (!r.parsed) {
        continue;
      }
      for (const auto &doc : r.parsed->documents) {
        if (const auto *p = std::get_if<npq::model::Programme>(&doc.model)) {
          auto hours = npq::report::build_hours_report(*p);
          for (const auto &text :
               {npq::report::render_hours_text({hours}), npq::report::render_hours_json({hours})}) {
            CAPTURE(e.path().string());
            CHECK(text.find("agrees") == std::string::npos);
          }
        }
      }
    }
  }
}
