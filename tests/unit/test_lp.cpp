// The small simplex solver behind the reasoning over published figures: optimal, unbounded and
// infeasible problems, equality and range rows, shifted lower bounds, degenerate and fractional
// vertices. The property test (tests/figures/) checks it further against scipy.
#include "npq/analysis/lp.hpp"

#include <doctest/doctest.h>

using namespace npq::analysis::lp;

TEST_CASE("lp: bounds alone") {
  Problem p;
  int x = p.add_variable(2, 5);
  int y = p.add_variable(0, kInfinity);
  CHECK(minimise(p, {{x, 1}}).value == doctest::Approx(2));
  CHECK(maximise(p, {{x, 1}}).value == doctest::Approx(5));
  CHECK(minimise(p, {{x, 1}, {y, 1}}).value == doctest::Approx(2));
  CHECK(maximise(p, {{x, 1}, {y, 1}}).status == Status::unbounded);
  CHECK(minimise(p, {{y, -1}}).status == Status::unbounded);
}

TEST_CASE("lp: a published total carries unknown hours") {
  // 120 = 50 published + six events whose hours are unknown: the events take 70 in all.
  Problem p;
  std::vector<int> events;
  Terms total;
  for (int i = 0; i < 6; ++i) {
    events.push_back(p.add_variable(0, kInfinity));
    total.push_back({events.back(), 1});
  }
  p.rows.push_back({total, 70, 70});
  CHECK(minimise(p, total).value == doctest::Approx(70));
  CHECK(maximise(p, total).value == doctest::Approx(70));
  CHECK(maximise(p, {{events[0], 1}}).value == doctest::Approx(70));
  CHECK(minimise(p, {{events[0], 1}}).value == doctest::Approx(0));
}

TEST_CASE("lp: shares of an activity that runs throughout") {
  // A project of unknown hours over 4 terms; at least 3, 2, 2, 2 in each term; at most 8 in all.
  Problem p;
  Terms all;
  std::vector<int> share;
  for (int t = 0; t < 4; ++t) {
    share.push_back(p.add_variable(0, kInfinity));
    all.push_back({share.back(), 1});
  }
  p.rows.push_back({{{share[0], 1}}, 3, kInfinity});
  for (int t = 1; t < 4; ++t) {
    p.rows.push_back({{{share[static_cast<std::size_t>(t)], 1}}, 2, kInfinity});
  }
  CHECK(minimise(p, all).value == doctest::Approx(9));
  p.rows.push_back({all, 0, 8});
  CHECK_FALSE(feasible(p));
  CHECK(minimise(p, all).status == Status::infeasible);
  p.rows.back().high = 9;
  CHECK(feasible(p));
  CHECK(maximise(p, {{share[0], 1}}).value == doctest::Approx(3));
}

TEST_CASE("lp: fractional vertices and negative right-hand sides") {
  // x + y = 1, y + z = 1, x + z = 1 has its only solution at one half each.
  Problem p;
  int x = p.add_variable(0, kInfinity);
  int y = p.add_variable(0, kInfinity);
  int z = p.add_variable(0, kInfinity);
  p.rows.push_back({{{x, 1}, {y, 1}}, 1, 1});
  p.rows.push_back({{{y, 1}, {z, 1}}, 1, 1});
  p.rows.push_back({{{x, 1}, {z, 1}}, 1, 1});
  CHECK(maximise(p, {{x, 1}}).value == doctest::Approx(0.5));
  CHECK(minimise(p, {{x, 1}}).value == doctest::Approx(0.5));
  // x - y <= -2 (a negative right-hand side): y >= x + 2.
  Problem q;
  int a = q.add_variable(1, 4);
  int b = q.add_variable(0, 5);
  q.rows.push_back({{{a, 1}, {b, -1}}, -kInfinity, -2});
  CHECK(minimise(q, {{b, 1}}).value == doctest::Approx(3));
  CHECK(maximise(q, {{a, 1}}).value == doctest::Approx(3));
}

TEST_CASE("lp: degenerate problems terminate") {
  // Many rows through the same vertex (Bland's rule must not cycle).
  Problem p;
  std::vector<int> v;
  for (int i = 0; i < 6; ++i) {
    v.push_back(p.add_variable(0, kInfinity));
  }
  for (int i = 0; i < 6; ++i) {
    Terms t;
    for (int j = 0; j <= i; ++j) {
      t.push_back({v[static_cast<std::size_t>(j)], 1});
    }
    p.rows.push_back({t, -kInfinity, 0});
  }
  Terms sum;
  for (int i : v) {
    sum.push_back({i, 1});
  }
  CHECK(maximise(p, sum).value == doctest::Approx(0));
  CHECK(minimise(p, sum).value == doctest::Approx(0));
}

TEST_CASE("lp: a work budget stops a solve, and only past it") {
  // 70 = the sum of six unknowns: a 1 x 13 tableau (6 variables, an artificial, the right-hand
  // side; two rows with the objective), so building it costs 2 x 14 = 28 cells.
  Problem p;
  Terms total;
  for (int i = 0; i < 6; ++i) {
    total.push_back({p.add_variable(0, kInfinity), 1});
  }
  p.rows.push_back({total, 70, 70});
  Budget enough{1'000'000};
  CHECK(maximise(p, total, &enough).value == doctest::Approx(70));
  CHECK(enough.cells < 1'000'000);
  Budget tiny{10};
  CHECK_THROWS_AS(maximise(p, total, &tiny), TooLarge);
  CHECK(tiny.cells == 0);
  // No tableau over kMaxCells is built, budget or not: 2,100 rows of 2,100 unknowns.
  Problem big;
  Terms all;
  for (int i = 0; i < 2100; ++i) {
    all.push_back({big.add_variable(0, kInfinity), 1});
  }
  for (int i = 0; i < 2100; ++i) {
    big.rows.push_back({{all[static_cast<std::size_t>(i)]}, 0, 1});
  }
  CHECK_THROWS_AS(feasible(big), TooLarge);
}
