// A small linear-programming solver for the reasoning over published figures (figures.hpp).
//
// Why our own: the systems are tiny (the unknown hours of one programme: a handful of activities
// and their shares of the periods, a few dozen rows at most), Debian's LP libraries are GPL
// (GLPK), LGPL (lp_solve, awkward for the static release binary) or large (COIN-OR CLP), and
// what npq needs is exact answers to "what is the least / greatest this sum of hours can be".
// This is the textbook two-phase dense simplex with Bland's rule (it cannot cycle), which on
// problems of this size is both fast and easy to check; tests/unit/test_lp.cpp and the property
// test in tests/figures/ compare it with independent methods.
#pragma once

#include <limits>
#include <utility>
#include <vector>

namespace npq::analysis::lp {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A sparse linear expression: (variable index, coefficient) pairs.
using Terms = std::vector<std::pair<int, double>>;

/// low <= Σ coefficient × x <= high; either side may be infinite.
struct Row {
  Terms terms;
  double low = -kInfinity;
  double high = kInfinity;
};

/// Variables x_j with finite lower bounds and possibly infinite upper bounds.
struct Problem {
  std::vector<double> low;  ///< one per variable, finite
  std::vector<double> high; ///< one per variable, may be kInfinity
  std::vector<Row> rows;

  int add_variable(double lo, double hi) {
    low.push_back(lo);
    high.push_back(hi);
    return static_cast<int>(low.size()) - 1;
  }
};

enum class Status { optimal, unbounded, infeasible };

struct Result {
  Status status = Status::infeasible;
  double value = 0; ///< the optimum when status is optimal
};

/// The least value of `objective` over the problem's feasible set.
Result minimise(const Problem &problem, const Terms &objective);

/// The greatest value of `objective` over the problem's feasible set.
Result maximise(const Problem &problem, const Terms &objective);

/// Whether any point satisfies every row and bound.
bool feasible(const Problem &problem);

} // namespace npq::analysis::lp
