// Durations and dates: ranges in order, durations against the qualification's norm, periods that
// fit the duration, dates that exist and come in order, and assessment timing.
#include "npq/checks/check.hpp"

#include <cmath>
#include <fmt/format.h>
#include <optional>

namespace npq::checks {

namespace {

std::optional<double> months(const model::Quantity &q) {
  if (q.unit == "month") {
    return q.value;
  }
  if (q.unit == "year") {
    return q.value * 12;
  }
  if (q.unit == "term") {
    return q.value * 4; // three terms a year
  }
  if (q.unit == "half-term") {
    return q.value * 2; // six half terms a year
  }
  if (q.unit == "week") {
    return q.value * 12.0 / 52.0;
  }
  if (q.unit == "day") {
    return q.value * 12.0 / 365.0;
  }
  return std::nullopt;
}

std::string text(const model::Quantity &q) {
  return model::to_string(q);
}

std::string number_text(double v) {
  return v == std::floor(v) ? fmt::format("{}", static_cast<long long>(v))
                            : fmt::format("{:.1f}", v);
}

struct Date {
  int year = 0;
  int month = 0; ///< 0 when only the year is known
  int day = 0;   ///< 0 when not known
  int first_month() const { return month == 0 ? 1 : month; }
  int last_month() const { return month == 0 ? 12 : month; }
};

std::optional<Date> parse_date(const std::string &s) {
  Date d;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) >= 1 &&
      std::isdigit(static_cast<unsigned char>(s[0]))) {
    return d;
  }
  char season[16] = {};
  int year = 0;
  if (std::sscanf(s.c_str(), "%15s %4d", season, &year) == 2) {
    std::string name(season);
    d.year = year;
    d.month = name == "autumn" ? 9 : name == "spring" ? 1 : 4;
    return d;
  }
  return std::nullopt;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

void check_date(const model::DocumentInfo &doc, const model::Ref &ref, const Context &ctx) {
  auto d = parse_date(ref.value);
  if (d && d->day > 0 && d->month >= 1 && d->month <= 12 &&
      d->day > days_in_month(d->year, d->month)) {
    ctx.out.add(Code::date_problem, at(doc, ref.loc),
                fmt::format("{} is not a date: {}-{:02} has {} days", ref.value, d->year, d->month,
                            days_in_month(d->year, d->month)));
  }
}

void check_order(const model::DocumentInfo &doc, const std::optional<model::Ref> &from,
                 const std::optional<model::Ref> &until, const Context &ctx) {
  if (!from || !until) {
    return;
  }
  auto a = parse_date(from->value);
  auto b = parse_date(until->value);
  if (!a || !b) {
    return;
  }
  // Compare the earliest the statement can start with the latest it can end.
  long start = a->year * 400L + a->first_month() * 32L + a->day;
  long end = b->year * 400L + b->last_month() * 32L + (b->day == 0 ? 31 : b->day);
  if (start > end) {
    auto &d = ctx.out.add(
        Code::date_problem, at(doc, until->loc),
        fmt::format("the end date {} comes before the start date {}", until->value, from->value));
    d.notes.push_back({at(doc, from->loc), "the start date"});
  }
}

void check_range(const model::DocumentInfo &doc, const model::DurationBlock &d,
                 const Context &ctx) {
  auto check = [&](const std::optional<model::Quantity> &lo,
                   const std::optional<model::Quantity> &hi, std::string_view lo_name,
                   std::string_view hi_name) {
    if (!lo || !hi) {
      return;
    }
    auto a = months(*lo);
    auto b = months(*hi);
    if (a && b && *a > *b + 1e-9) {
      auto &diag = ctx.out.add(Code::duration_disordered, at(doc, lo->loc),
                               fmt::format("the {} duration ({}) is longer than the {} ({})",
                                           lo_name, text(*lo), hi_name, text(*hi)));
      diag.notes.push_back({at(doc, hi->loc), fmt::format("the {} duration", hi_name)});
    }
  };
  check(d.minimum, d.nominal, "minimum", "normal");
  check(d.nominal, d.maximum, "normal", "maximum");
  check(d.minimum, d.maximum, "minimum", "maximum");
}

void check_norm(const model::Programme &p, const model::Qualification &q,
                const model::Framework *framework, const Context &ctx) {
  const auto &d = p.duration;
  if (framework != nullptr && !framework->reformed &&
      (framework->minimum_duration || framework->maximum_duration)) {
    auto lo = framework->minimum_duration ? months(*framework->minimum_duration) : std::nullopt;
    auto hi = framework->maximum_duration ? months(*framework->maximum_duration) : std::nullopt;
    for (const auto *value : {&d.nominal, &d.minimum, &d.maximum}) {
      if (!*value) {
        continue;
      }
      auto m = months(**value);
      if (m && ((lo && *m < *lo - 1e-9) || (hi && *m > *hi + 1e-9))) {
        ctx.out.add(
            Code::duration_differs, at(p.doc, (*value)->loc),
            fmt::format("{} is outside the {} framework's range of {} to {}", text(**value),
                        framework->id,
                        framework->minimum_duration ? text(*framework->minimum_duration) : "?",
                        framework->maximum_duration ? text(*framework->maximum_duration) : "?"));
      }
    }
    return;
  }
  if (!q.taught_months || !d.nominal) {
    return;
  }
  auto m = months(*d.nominal);
  if (m && std::fabs(*m - *q.taught_months) > 1.0) {
    ctx.out.add(Code::duration_differs, at(p.doc, d.nominal->loc),
                fmt::format("the programme takes {}, but {} ({}) is taught over {} months",
                            text(*d.nominal), q.code, q.group, *q.taught_months),
                "check the duration; reformed specialist NPQs take 12 months, leadership NPQs 18");
  }
}

void check_periods(const model::Programme &p, const Context &ctx) {
  const auto &rm = p.route_map;
  if (!rm.present || !p.duration.nominal || !rm.choices.empty()) {
    return; // with electives, the periods listed are not all taken
  }
  auto nominal = months(*p.duration.nominal);
  if (!nominal) {
    return;
  }
  double total = 0;
  double longest = 0;
  for (const auto &period : rm.periods) {
    std::optional<double> length;
    if (period.length) {
      length = months(*period.length);
    } else if (period.kind == "term") {
      length = 4;
    } else if (period.kind == "half-term") {
      length = 2;
    } else if (period.kind == "year") {
      length = 12;
    }
    if (!length) {
      return; // unknown length: nothing to compare
    }
    total += *length;
    longest = std::max(longest, *length);
  }
  if (std::fabs(total - *nominal) > longest + 1e-9) {
    ctx.out.add(Code::periods_vs_duration, at(p.doc, rm.loc),
                fmt::format("the route map's {} periods last about {} months, but the programme "
                            "takes {}",
                            rm.periods.size(), number_text(total), text(*p.duration.nominal)));
  }
}

} // namespace

void check_assessment_timing(const model::DocumentInfo &doc, const model::Assessment &a,
                             const std::optional<model::Quantity> &nominal,
                             const model::Qualification *q, const Context &ctx) {
  if (a.window && a.timing_within) {
    auto w = months(*a.window);
    auto within = months(*a.timing_within);
    if (w && within && *w > *within + 1e-9) {
      ctx.out.add(Code::assessment_timing, at(doc, a.window->loc),
                  fmt::format("the assessment window ({}) is longer than the time allowed for "
                              "the assessment ({})",
                              text(*a.window), text(*a.timing_within)));
    }
  }
  if (q != nullptr && nominal && a.timing_within && q->taught_months && q->assessment_months) {
    auto n = months(*nominal);
    auto within = months(*a.timing_within);
    double norm = *q->taught_months + q->assessment_months->high; // the longest it allows
    if (n && within && *n + *within > norm + 1.0) {
      ctx.out.add(Code::assessment_timing, at(doc, a.timing_within->loc),
                  fmt::format("{} of teaching and {} for the assessment run beyond {}'s {} months",
                              text(*nominal), text(*a.timing_within), q->code, norm));
    }
  }
}

void check_calendar(const model::Programme &p, const Context &ctx) {
  for (const auto &s : p.starts) {
    check_date(p.doc, s.date, ctx);
  }
  if (!p.source.published.empty()) {
    check_date(p.doc, model::Ref{p.source.published, p.source.published_loc}, ctx);
  }
  for (const auto &f : p.funding) {
    if (f.from) {
      check_date(p.doc, *f.from, ctx);
    }
    if (f.until) {
      check_date(p.doc, *f.until, ctx);
    }
    check_order(p.doc, f.from, f.until, ctx);
  }
  check_range(p.doc, p.duration, ctx);
  const auto *q = ctx.data.qualification(p.qualification.value);
  const auto *framework = p.framework ? ctx.data.framework(p.framework->value) : nullptr;
  if (q != nullptr) {
    check_norm(p, *q, framework, ctx);
  }
  check_periods(p, ctx);
  check_assessment_timing(p.doc, p.assessment, p.duration.nominal, q, ctx);
}

void check_calendar(const model::Suite &s, const Context &ctx) {
  check_range(s.doc, s.common_duration, ctx);
  const auto &d = s.common_duration;
  auto lo = d.minimum ? months(*d.minimum) : std::nullopt;
  auto hi = d.maximum ? months(*d.maximum) : std::nullopt;
  for (const auto &g : s.groups) {
    for (const auto &m : g.members) {
      const auto *q = ctx.data.qualification(m.qualification.value);
      if (q == nullptr || !q->taught_months) {
        continue;
      }
      double t = *q->taught_months;
      if ((lo && t < *lo - 1e-9) || (hi && t > *hi + 1e-9)) {
        ctx.out.add(Code::duration_differs, at(s.doc, m.qualification.loc),
                    fmt::format("{} is taught over {} months, outside the suite's stated range "
                                "of {} to {}",
                                q->code, t, d.minimum ? text(*d.minimum) : "?",
                                d.maximum ? text(*d.maximum) : "?"));
      }
    }
  }
  for (const auto &f : s.common_funding) {
    check_order(s.doc, f.from, f.until, ctx);
  }
  check_assessment_timing(s.doc, s.common_assessment, std::nullopt, nullptr, ctx);
}

} // namespace npq::checks
