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

#include <cstdint>
#include <limits>
#include <stdexcept>
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

/// The work a series of solves may do, in tableau cells touched (building a tableau, each
/// pivot). Honest programmes need a few thousand; a hostile one at the format's list limits
/// would need hours and gigabytes, so the solver stops instead (TooLarge) and the caller says
/// that the figures were not judged.
struct Budget {
  std::uint64_t cells = 0;
  /// Takes `n` cells of work, or throws TooLarge.
  void spend(std::uint64_t n);
};

/// No tableau larger than this many cells is built (32 MiB of doubles).
constexpr std::uint64_t kMaxCells = std::uint64_t{4} << 20;

/// Thrown when a solve would go over its Budget or kMaxCells.
struct TooLarge : std::runtime_error {
  TooLarge() : std::runtime_error("linear program over its work budget") {}
};

enum class Status { optimal, unbounded, infeasible };

struct Result {
  Status status = Status::infeasible;
  double value = 0; ///< the optimum when status is optimal
};

/// The least value of `objective` over the problem's feasible set.
Result minimise(const Problem &problem, const Terms &objective, Budget *budget = nullptr);

/// The greatest value of `objective` over the problem's feasible set.
Result maximise(const Problem &problem, const Terms &objective, Budget *budget = nullptr);

/// Whether any point satisfies every row and bound.
bool feasible(const Problem &problem, Budget *budget = nullptr);

} // namespace npq::analysis::lp
