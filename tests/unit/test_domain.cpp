// Domain checks on small programmes: intervals, choice rules, coverage, calendar, funding.
#include "helpers.hpp"
#include "npq/analysis/interval.hpp"

#include <doctest/doctest.h>

using npq::analysis::Interval;
using test::codes;
using test::minimal_programme;

namespace {

std::string modules(const std::string &choose, const std::string &total) {
  return minimal_programme() +
         "route-map:\n  period-kind: module\n  periods:\n"
         "    - {id: core, title: Core, activities: [{title: W, kind: practical-learning, hours: "
         "20}]}\n"
         "    - {id: a, title: A, activities: [{title: W, kind: practical-learning, hours: 10}]}\n"
         "    - {id: b, title: B, activities: [{title: W, kind: practical-learning, hours: 30}]}\n"
         "    - {id: c, title: C, activities: [{title: W, kind: practical-learning, hours: "
         "{at-least: 40}}]}\n"
         "  choices:\n    - {id: electives, choose: " +
         choose + ", from: [a, b, c]}\n" +
         (total.empty() ? "" : "summary:\n  total-hours: " + total + "\n");
}

} // namespace

TEST_CASE("intervals: exact, at least, up to, about, not published") {
  Interval sum =
      Interval::exact(2) + Interval{13, HUGE_VAL, false, 0} + Interval{0, HUGE_VAL, false, 1};
  CHECK(sum.low == 15);
  CHECK(!sum.bounded());
  CHECK(sum.unpublished == 1);
  CHECK(sum.str() == "≥ 15");
  CHECK(Interval{0, HUGE_VAL, false, 1}.str() == "not published");
  CHECK(Interval::exact(39).compatible(Interval{43, HUGE_VAL, false, 1}) == false);
  CHECK(Interval::exact(75).compatible(Interval{75, HUGE_VAL, false, 2}));
  CHECK(Interval{0, 50, false, 0}.compatible(Interval{20, 20, true, 0}));
  CHECK(Interval{20, 20, true, 0}.compatible(Interval::exact(21.5))); // about: 10 % either way
  CHECK(!Interval{20, 20, true, 0}.compatible(Interval::exact(23)));
  CHECK(Interval::exact(1.5).times(6).str() == "9");
}

TEST_CASE("choice rules: a feasible rule whose every selection meets the published minimum") {
  // Lightest selection a + b = 40, plus core 20 = 60; heaviest is unbounded.
  CHECK(codes(modules("2", "{at-least: 60}")).empty());
}

TEST_CASE("choice rules: the lightest selection breaks the published minimum, and is named") {
  auto r = test::check(modules("2", "{at-least: 61}"));
  REQUIRE(codes(r.diagnostics) == std::vector<std::string>{"NPQ312@18"});
  const auto &d = test::first(r, npq::Code::selection_breaks_limit);
  CHECK(d.message.find("choosing A, B gives 60 hours") != std::string::npos);
  CHECK(d.notes.size() == 2);
}

TEST_CASE("choice rules: the heaviest selection breaks a published maximum") {
  auto r = test::check(modules("1", "{up-to: 45}"));
  REQUIRE(codes(r.diagnostics) == std::vector<std::string>{"NPQ312@18"});
  CHECK(test::first(r, npq::Code::selection_breaks_limit).message.find("choosing C") !=
        std::string::npos);
}

TEST_CASE("choice rules: infeasible and overlapping rules") {
  CHECK(codes(modules("4", "")) == std::vector<std::string>{"NPQ310@16"});
  std::string overlap = modules("1", "");
  overlap.replace(overlap.find("from: [a, b, c]"), 15, "from: [a, b, b]");
  CHECK(codes(overlap) == std::vector<std::string>{"NPQ311@16"});
}

TEST_CASE("coverage: uncovered areas are named, blanket claims are reported separately") {
  std::string base = test::minimal_programme_for("NPQLTD") +
                     "framework: npqltd-2020\n"
                     "assessment: {kind: written-case-study, window: 8 days}\n";
  std::string three =
      base +
      "topics:\n  - {title: T, covers: [teaching, designing-effective-professional-development, "
      "delivering-effective-professional-development]}\n";
  auto r = test::check(three);
  REQUIRE(codes(r.diagnostics) == std::vector<std::string>{"NPQ320@8"});
  CHECK(test::first(r, npq::Code::area_not_covered).message.find("Implementation") !=
        std::string::npos);
  std::string blanket = three + "route-map:\n  period-kind: term\n  periods:\n"
                                "    - {id: t, title: T, activities: [{title: S, kind: "
                                "self-directed-study, hours: 1, covers: all}]}\n";
  CHECK(codes(blanket) == std::vector<std::string>{"NPQ321@15"});
}

TEST_CASE("calendar: dates that do not exist and durations out of order") {
  CHECK(codes(minimal_programme() + "starts: [{date: 2024-02-29}]\n").empty()); // leap year
  CHECK(codes(minimal_programme() + "starts: [{date: 2023-02-29}]\n") ==
        std::vector<std::string>{"NPQ333@8"});
  CHECK(codes(minimal_programme() + "duration: {nominal: 18 months, maximum: 1 year}\n") ==
        std::vector<std::string>{"NPQ331@8"});
  CHECK(codes(minimal_programme() + "duration: {nominal: 78 weeks}\n").empty()); // = 18 months
}

TEST_CASE("funding: a fee for an audience that is also fully funded") {
  std::string funded =
      "funding:\n  - {kind: scholarship, coverage: full, settings: [state-funded-school]}\n";
  CHECK(codes(minimal_programme() + funded +
              "  - {kind: fee, amount: 900, currency: GBP, settings: [independent-school]}\n")
            .empty());
  CHECK(codes(minimal_programme() + funded +
              "  - {kind: fee, amount: 900, currency: GBP, settings: [state-funded-school]}\n") ==
        std::vector<std::string>{"NPQ350@10"});
  // A suspended scholarship does not contradict a fee.
  CHECK(codes(minimal_programme() + "funding:\n  - {kind: scholarship, coverage: full, status: "
                                    "suspended}\n  - {kind: fee, amount: 900, currency: GBP}\n")
            .empty());
}

TEST_CASE("suppression: a finding silenced with a reason is counted, not dropped") {
  auto r = test::check(
      modules("4", "") +
      "suppress:\n  - {code: NPQ310, pointer: /route-map/choices/0, reason: testing}\n");
  CHECK(r.diagnostics.count(npq::Severity::error) == 0);
  CHECK(r.diagnostics.suppressed_count() == 1);
}
