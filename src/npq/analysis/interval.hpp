// Hours as intervals. Providers publish exact figures, minimums ("13 hours per term
// (minimum)"), maximums ("up to 50 hours"), approximations ("around 20 hours") and nothing at all;
// adding such figures gives a range, and a figure that is not published widens it to infinity
// instead of counting as zero.
#pragma once

#include "npq/model/model.hpp"

#include <cmath>
#include <string>

namespace npq::analysis {

struct Interval {
  double low = 0;
  double high = 0;          ///< may be +infinity
  bool approximate = false; ///< includes an "about" figure
  int unpublished = 0;      ///< how many contributions have no published figure

  static Interval zero() { return {}; }
  static Interval exact(double h) { return {h, h, false, 0}; }
  static Interval from(const model::Hours &hours);

  bool bounded() const { return std::isfinite(high); }
  bool is_exact() const { return low == high && !approximate && unpublished == 0; }

  Interval &operator+=(const Interval &other);
  Interval operator+(const Interval &other) const {
    Interval r = *this;
    r += other;
    return r;
  }
  Interval times(double n) const;
  /// The share of this total that falls in one of several periods: anywhere from 0 to all of it.
  Interval share() const;

  /// Whether two figures can both be true. An approximate side is widened by 10 %.
  bool compatible(const Interval &other) const;

  /// "75", "≥ 43", "≤ 50", "≈ 20", "10–12", "not published".
  std::string str() const;
};

/// Formats a number of hours without trailing zeros ("1.5", "8").
std::string number(double value);

} // namespace npq::analysis
