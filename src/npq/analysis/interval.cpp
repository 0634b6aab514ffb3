#include "npq/analysis/interval.hpp"

#include <fmt/format.h>

namespace npq::analysis {

Interval Interval::from(const model::Hours &hours) {
  using Form = model::Hours::Form;
  switch (hours.form) {
  case Form::exact:
    return exact(hours.low);
  case Form::at_least:
    return {hours.low, HUGE_VAL, false, 0};
  case Form::up_to:
    return {0, hours.high, false, 0};
  case Form::about:
    return {hours.low, hours.high, true, 0};
  case Form::range:
    return {hours.low, hours.high, false, 0};
  case Form::not_published:
    return {0, HUGE_VAL, false, 1};
  }
  return {};
}

Interval &Interval::operator+=(const Interval &other) {
  low += other.low;
  high += other.high;
  approximate = approximate || other.approximate;
  unpublished += other.unpublished;
  return *this;
}

Interval Interval::times(double n) const {
  Interval r = *this;
  r.low *= n;
  r.high = std::isfinite(high) ? high * n : (n == 0 ? 0 : high);
  if (n == 0) {
    r.unpublished = 0;
  }
  return r;
}

Interval Interval::share() const {
  return {0, high, approximate, unpublished};
}

bool Interval::compatible(const Interval &other) const {
  constexpr double kTolerance = 0.10;
  auto widen_low = [](const Interval &i) {
    return i.approximate ? i.low * (1 - kTolerance) : i.low;
  };
  auto widen_high = [](const Interval &i) {
    return i.approximate && std::isfinite(i.high) ? i.high * (1 + kTolerance) : i.high;
  };
  constexpr double kEpsilon = 1e-9;
  return widen_low(*this) <= widen_high(other) + kEpsilon &&
         widen_low(other) <= widen_high(*this) + kEpsilon;
}

std::string number(double value) {
  if (!std::isfinite(value)) {
    return "∞";
  }
  std::string text = fmt::format("{:.2f}", value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string Interval::str() const {
  if (!bounded() && low == 0 && unpublished > 0) {
    return "not published";
  }
  if (!bounded()) {
    return fmt::format("≥ {}{}", number(low), approximate ? " (approx.)" : "");
  }
  std::string approx = approximate ? "≈ " : "";
  if (low == high) {
    return approx + number(low);
  }
  if (low == 0) {
    return fmt::format("≤ {}{}", number(high), approximate ? " (approx.)" : "");
  }
  return fmt::format("{}{}–{}", approx, number(low), number(high));
}

} // namespace npq::analysis
