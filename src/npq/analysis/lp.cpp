#include "npq/analysis/lp.hpp"

#include <cmath>
#include <cstddef>

namespace npq::analysis::lp {

namespace {

constexpr double kEps = 1e-9;

// The tableau of a problem in standard form: minimise c·y subject to A y = b (b >= 0), y >= 0,
// where y are the original variables shifted by their lower bounds, then slacks, then one
// artificial per row. Row m is the objective row (reduced costs), its last entry minus the
// objective value.
class Tableau {
public:
  Tableau(const Problem &p, Budget *budget)
      : m_vars(static_cast<int>(p.low.size())), m_budget(budget) {
    // Constraint rows in y = x - low: each row's bounds shift by Σ a·low.
    struct Std {
      Terms terms;
      double rhs;
      int slack; // +1: a·y + s = rhs; -1: a·y - s = rhs; 0: equality
    };
    std::vector<Std> rows;
    for (const auto &r : p.rows) {
      double shift = 0;
      for (const auto &[j, a] : r.terms) {
        shift += a * p.low[static_cast<std::size_t>(j)];
      }
      bool has_low = std::isfinite(r.low);
      bool has_high = std::isfinite(r.high);
      if (has_low && has_high && std::fabs(r.high - r.low) <= kEps) {
        rows.push_back({r.terms, r.low - shift, 0});
        continue;
      }
      if (has_high) {
        rows.push_back({r.terms, r.high - shift, +1});
      }
      if (has_low) {
        rows.push_back({r.terms, r.low - shift, -1});
      }
    }
    for (std::size_t j = 0; j < p.high.size(); ++j) {
      if (std::isfinite(p.high[j])) {
        rows.push_back({{{static_cast<int>(j), 1.0}}, p.high[j] - p.low[j], +1});
      }
    }
    m_rows = static_cast<int>(rows.size());
    int slacks = 0;
    for (const auto &r : rows) {
      slacks += r.slack != 0 ? 1 : 0;
    }
    m_slack0 = m_vars;
    m_art0 = m_vars + slacks;
    m_cols = m_art0 + m_rows;
    m_cells = (static_cast<std::uint64_t>(m_rows) + 1) * (static_cast<std::uint64_t>(m_cols) + 1);
    if (m_cells > kMaxCells) {
      throw TooLarge();
    }
    charge();
    m_t.assign((static_cast<std::size_t>(m_rows) + 1) * (static_cast<std::size_t>(m_cols) + 1),
               0.0);
    m_basis.assign(static_cast<std::size_t>(m_rows), 0);
    int s = m_slack0;
    for (int i = 0; i < m_rows; ++i) {
      const auto &r = rows[static_cast<std::size_t>(i)];
      double sign = r.rhs < 0 ? -1.0 : 1.0; // keep b >= 0 for the artificial basis
      for (const auto &[j, a] : r.terms) {
        at(i, j) += sign * a;
      }
      if (r.slack != 0) {
        at(i, s++) = sign * r.slack;
      }
      at(i, m_art0 + i) = 1.0;
      rhs(i) = sign * r.rhs;
      m_basis[static_cast<std::size_t>(i)] = m_art0 + i;
    }
  }

  int variables() const { return m_vars; }

  // Phase one: minimise the sum of the artificials. Returns whether the problem is feasible.
  bool phase_one() {
    for (int j = 0; j <= m_cols; ++j) {
      double sum = 0;
      for (int i = 0; i < m_rows; ++i) {
        sum += at(i, j);
      }
      obj(j) = j >= m_art0 && j < m_cols ? 0.0 : -sum;
    }
    iterate(m_cols);
    if (-obj(m_cols) > 1e-7) {
      return false;
    }
    // Drive artificials still in the basis (at zero) out, where a real column can replace them.
    for (int i = 0; i < m_rows; ++i) {
      if (m_basis[static_cast<std::size_t>(i)] < m_art0) {
        continue;
      }
      for (int j = 0; j < m_art0; ++j) {
        if (std::fabs(at(i, j)) > kEps) {
          pivot(i, j);
          break;
        }
      }
    }
    return true;
  }

  // Phase two: minimise c·y over the feasible basis phase one found. Returns false when unbounded.
  bool phase_two(const std::vector<double> &c) {
    for (int j = 0; j <= m_cols; ++j) {
      obj(j) = j < m_vars ? c[static_cast<std::size_t>(j)] : 0.0;
    }
    for (int i = 0; i < m_rows; ++i) {
      int b = m_basis[static_cast<std::size_t>(i)];
      double cb = b < m_vars ? c[static_cast<std::size_t>(b)] : 0.0;
      if (cb != 0.0) {
        for (int j = 0; j <= m_cols; ++j) {
          obj(j) -= cb * at(i, j);
        }
      }
    }
    return iterate(m_art0); // artificials never re-enter
  }

  double objective_value() const { return -obj_const(m_cols); }

private:
  // Row-major index computed in size_t: rows x cols can pass int's range.
  std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(i) * (static_cast<std::size_t>(m_cols) + 1) +
           static_cast<std::size_t>(j);
  }
  double &at(int i, int j) { return m_t[index(i, j)]; }
  double &rhs(int i) { return at(i, m_cols); }
  double &obj(int j) { return at(m_rows, j); }
  double obj_const(int j) const { return m_t[index(m_rows, j)]; }

  void charge() {
    if (m_budget != nullptr) {
      m_budget->spend(m_cells);
    }
  }

  void pivot(int r, int c) {
    charge();
    double p = at(r, c);
    for (int j = 0; j <= m_cols; ++j) {
      at(r, j) /= p;
    }
    for (int i = 0; i <= m_rows; ++i) {
      if (i == r) {
        continue;
      }
      double f = at(i, c);
      if (f == 0.0) {
        continue;
      }
      for (int j = 0; j <= m_cols; ++j) {
        at(i, j) -= f * at(r, j);
      }
      at(i, c) = 0.0;
    }
    m_basis[static_cast<std::size_t>(r)] = c;
  }

  // Bland's rule: the lowest-index improving column enters; among the rows that bound it, the
  // one whose basic variable has the lowest index leaves. Columns >= limit never enter. Returns
  // false when the objective is unbounded below.
  bool iterate(int limit) {
    while (true) {
      int enter = -1;
      for (int j = 0; j < limit; ++j) {
        if (obj(j) < -kEps) {
          enter = j;
          break;
        }
      }
      if (enter < 0) {
        return true;
      }
      int leave = -1;
      double best = 0;
      for (int i = 0; i < m_rows; ++i) {
        double a = at(i, enter);
        if (a <= kEps) {
          continue;
        }
        double ratio = rhs(i) / a;
        if (leave < 0 || ratio < best - kEps ||
            (std::fabs(ratio - best) <= kEps &&
             m_basis[static_cast<std::size_t>(i)] < m_basis[static_cast<std::size_t>(leave)])) {
          leave = i;
          best = ratio;
        }
      }
      if (leave < 0) {
        return false;
      }
      pivot(leave, enter);
    }
  }

  int m_vars = 0;
  int m_rows = 0;
  int m_cols = 0;
  int m_slack0 = 0;
  int m_art0 = 0;
  std::uint64_t m_cells = 0;
  Budget *m_budget = nullptr;
  std::vector<double> m_t;
  std::vector<int> m_basis;
};

Result solve(const Problem &p, const Terms &objective, double sense, Budget *budget) {
  Tableau t(p, budget);
  if (!t.phase_one()) {
    return {Status::infeasible, 0};
  }
  std::vector<double> c(static_cast<std::size_t>(t.variables()), 0.0);
  double constant = 0;
  for (const auto &[j, a] : objective) {
    c[static_cast<std::size_t>(j)] += sense * a;
    constant += a * p.low[static_cast<std::size_t>(j)];
  }
  if (!t.phase_two(c)) {
    return {Status::unbounded, sense * -kInfinity};
  }
  return {Status::optimal, sense * t.objective_value() + constant};
}

} // namespace

void Budget::spend(std::uint64_t n) {
  if (n > cells) {
    cells = 0;
    throw TooLarge();
  }
  cells -= n;
}

Result minimise(const Problem &problem, const Terms &objective, Budget *budget) {
  return solve(problem, objective, 1.0, budget);
}

Result maximise(const Problem &problem, const Terms &objective, Budget *budget) {
  return solve(problem, objective, -1.0, budget);
}

bool feasible(const Problem &problem, Budget *budget) {
  return Tableau(problem, budget).phase_one();
}

} // namespace npq::analysis::lp
