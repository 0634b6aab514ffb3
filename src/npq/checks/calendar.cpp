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

/// The months a length can mean. A term is 3 to 4 months (about 13 weeks of teaching, or a
/// third of the year from one term's start to the next) and a half term 1.5 to 2; other units
/// convert exactly. Used where a bound in terms is compared with months ("two terms" against
/// "6 months").
struct MonthSpan {
  double low = 0;
  double high = 0;
};

std::optional<MonthSpan> month_span(const model::Quantity &q) {
  if (q.unit == "term") {
    return MonthSpan{q.value * 3, q.value * 4};
  }
  if (q.unit == "half-term") {
    return MonthSpan{q.value * 1.5, q.value * 2};
  }
  auto m = months(q);
  return m ? std::optional<MonthSpan>(MonthSpan{*m, *m}) : std::nullopt;
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

/// The first and the last day a date can mean, as numbers that compare in calendar order
/// (2024 is 2024-01-01 to 2024-12-31; 'autumn 2024' starts 2024-09-01).
long earliest(const Date &d) {
  return d.year * 400L + d.first_month() * 32L + (d.day == 0 ? 1 : d.day);
}
long latest(const Date &d) {
  return d.year * 400L + d.last_month() * 32L + (d.day == 0 ? 31 : d.day);
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
  // A length that includes the assessment is at least the taught length.
  if (d.including_assessment) {
    const auto &taught = d.nominal ? d.nominal : d.minimum;
    auto a = taught ? months(*taught) : std::nullopt;
    auto b = months(*d.including_assessment);
    if (a && b && *b < *a - 1e-9) {
      auto &diag = ctx.out.add(
          Code::duration_disordered, at(doc, d.including_assessment->loc),
          fmt::format("the length including the assessment ({}) is shorter than the {} taught "
                      "length ({})",
                      text(*d.including_assessment), d.nominal ? "normal" : "minimum",
                      text(*taught)));
      diag.notes.push_back({at(doc, taught->loc), "the taught length"});
    }
  }
  // A part of the programme lasts no longer than the whole of it: compared with the longest the
  // programme can take, counting a term as up to 4 months and a span's terms as at least 3.
  const std::optional<model::Quantity> &whole =
      d.maximum ? d.maximum : (d.including_assessment ? d.including_assessment : d.nominal);
  auto longest = whole ? month_span(*whole) : std::nullopt;
  for (const auto &span : d.spans) {
    const auto &shortest = span.at_least ? span.at_least : span.length;
    auto part = shortest ? month_span(*shortest) : std::nullopt;
    if (longest && part && part->low > longest->high + 1e-9) {
      auto &diag =
          ctx.out.add(Code::duration_disordered, at(doc, shortest->loc),
                      fmt::format("{} last{} {}, longer than the programme's {} ({})", span.of,
                                  span.at_least ? " at least" : "", text(*shortest),
                                  d.maximum                ? "maximum"
                                  : d.including_assessment ? "length including the assessment"
                                                           : "normal length",
                                  text(*whole)));
      diag.notes.push_back({at(doc, whole->loc), "the programme's length"});
    }
  }
}

/// One duration norm a qualification has had: a reformed framework's taught length (with the
/// months for the assessment after it), or a pre-reform framework's range of taught lengths.
struct Norm {
  bool reformed = true;
  double taught = 0;                           ///< reformed: taught months
  std::optional<model::MonthRange> assessment; ///< reformed: months for the assessment
  const model::Framework *framework = nullptr; ///< the framework the norm comes from, if any
  std::optional<MonthSpan> low;                ///< range: the shortest taught length
  std::optional<MonthSpan> high;               ///< range: the longest taught length

  std::string describe(const model::Qualification &q) const {
    if (reformed) {
      return fmt::format(
          "{} months taught{}{}", number_text(taught),
          assessment ? fmt::format(" and {} for the assessment", model::to_string(*assessment))
                     : "",
          framework != nullptr ? fmt::format(" ({})", framework->id)
                               : fmt::format(" ({})", q.group));
    }
    return fmt::format(
        "{} to {} ({})", framework->minimum_duration ? text(*framework->minimum_duration) : "?",
        framework->maximum_duration ? text(*framework->maximum_duration) : "?", framework->id);
  }
};

enum class Which { nominal, including_assessment, minimum, maximum };

/// True if a length of the programme fits the norm. A reformed norm judges the taught length
/// (within a month) and a length that includes the assessment (within a month of taught plus
/// assessment); a range judges every taught length, and of a length that includes the
/// assessment only that it is no shorter than the shortest taught length.
bool fits(const Norm &n, Which which, const model::Quantity &value) {
  auto m = month_span(value);
  if (!m) {
    return true; // a unit npq cannot convert: nothing to judge
  }
  constexpr double kEps = 1e-9;
  if (n.reformed) {
    if (which == Which::nominal) {
      return m->high >= n.taught - 1.0 - kEps && m->low <= n.taught + 1.0 + kEps;
    }
    if (which == Which::including_assessment) {
      double lo = n.taught + (n.assessment ? n.assessment->low : 0) - 1.0;
      double hi = n.assessment ? n.taught + n.assessment->high + 1.0 : HUGE_VAL;
      return m->high >= lo - kEps && m->low <= hi + kEps;
    }
    return true; // a reformed norm gives no minimum or maximum
  }
  if (n.low && m->high < n.low->low - kEps) {
    return false;
  }
  return which == Which::including_assessment || !n.high || m->low <= n.high->high + kEps;
}

/// The norms a programme is judged by: its framework's, or, when it names none, every norm its
/// qualification has had (the programme may predate the reformed frameworks).
std::vector<Norm> norms(const model::Qualification &q, const model::Framework *framework,
                        const ReferenceData &data) {
  auto of = [&](const model::Framework *f) -> std::optional<Norm> {
    if (f != nullptr && !f->reformed) {
      if (!f->minimum_duration && !f->maximum_duration) {
        return std::nullopt; // a pre-reform framework whose range npq does not know
      }
      Norm n;
      n.reformed = false;
      n.framework = f;
      n.low = f->minimum_duration ? month_span(*f->minimum_duration) : std::nullopt;
      n.high = f->maximum_duration ? month_span(*f->maximum_duration) : std::nullopt;
      return n;
    }
    if (!q.taught_months) {
      return std::nullopt;
    }
    Norm n;
    n.taught = *q.taught_months;
    n.assessment = q.assessment_months;
    n.framework = f;
    return n;
  };
  std::vector<Norm> out;
  if (framework != nullptr) {
    if (auto n = of(framework)) {
      out.push_back(*n);
    }
    return out;
  }
  bool reformed_added = false;
  for (const auto &id : q.frameworks) {
    const auto *f = data.framework(id);
    if (f == nullptr || (f->reformed && reformed_added)) {
      continue;
    }
    if (auto n = of(f)) {
      reformed_added = reformed_added || n->reformed;
      out.push_back(*n);
    }
  }
  if (!reformed_added && q.taught_months) {
    if (auto n = of(nullptr)) {
      out.push_back(*n);
    }
  }
  return out;
}

void check_norm(const model::Programme &p, const model::Qualification &q,
                const model::Framework *framework, const Context &ctx) {
  const auto &d = p.duration;
  std::vector<std::pair<Which, const model::Quantity *>> values;
  if (d.nominal) {
    values.emplace_back(Which::nominal, &*d.nominal);
  }
  if (d.including_assessment) {
    values.emplace_back(Which::including_assessment, &*d.including_assessment);
  }
  if (d.minimum) {
    values.emplace_back(Which::minimum, &*d.minimum);
  }
  if (d.maximum) {
    values.emplace_back(Which::maximum, &*d.maximum);
  }
  auto candidates = norms(q, framework, ctx.data);
  if (values.empty() || candidates.empty()) {
    return;
  }
  if (framework != nullptr || candidates.size() == 1) {
    // One norm: each length outside it is reported.
    const Norm &n = candidates.front();
    for (const auto &[which, value] : values) {
      if (fits(n, which, *value)) {
        continue;
      }
      if (n.reformed && which == Which::nominal) {
        ctx.out.add(Code::duration_differs, at(p.doc, value->loc),
                    fmt::format("the programme takes {}, but {} ({}) is taught over {} months",
                                text(*value), q.code, q.group, number_text(n.taught)),
                    "check the duration; reformed specialist NPQs take 12 months, leadership "
                    "NPQs 18");
      } else if (n.reformed) {
        ctx.out.add(Code::duration_differs, at(p.doc, value->loc),
                    fmt::format("the programme takes {} including the assessment, but {} ({}) is "
                                "taught over {} months{}",
                                text(*value), q.code, q.group, number_text(n.taught),
                                n.assessment ? fmt::format(" followed by {} for the assessment",
                                                           model::to_string(*n.assessment))
                                             : ""),
                    "check the length; if it is the taught length alone, write it as 'nominal'");
      } else if (which == Which::including_assessment) {
        ctx.out.add(Code::duration_differs, at(p.doc, value->loc),
                    fmt::format("{} including the assessment is shorter than the {} "
                                "framework's shortest taught length, {}",
                                text(*value), n.framework->id,
                                text(*n.framework->minimum_duration)));
      } else {
        ctx.out.add(
            Code::duration_differs, at(p.doc, value->loc),
            fmt::format(
                "{} is outside the {} framework's range of {} to {}", text(*value), n.framework->id,
                n.framework->minimum_duration ? text(*n.framework->minimum_duration) : "?",
                n.framework->maximum_duration ? text(*n.framework->maximum_duration) : "?"));
      }
    }
    return;
  }
  // No framework named, and the qualification has had several norms: the programme is judged by
  // whichever fits, and reported only if none does.
  for (const auto &n : candidates) {
    bool all = true;
    for (const auto &[which, value] : values) {
      all = all && fits(n, which, *value);
    }
    if (all) {
      return;
    }
  }
  const model::Quantity *where = values.front().second;
  for (const auto &[which, value] : values) {
    bool any = false;
    for (const auto &n : candidates) {
      any = any || fits(n, which, *value);
    }
    if (!any) {
      where = value;
      break;
    }
  }
  std::vector<std::string> lengths;
  lengths.reserve(values.size());
  for (const auto &[which, value] : values) {
    lengths.push_back(which == Which::nominal ? text(*value)
                      : which == Which::including_assessment
                          ? text(*value) + " including the assessment"
                      : which == Which::minimum ? "at least " + text(*value)
                                                : "at most " + text(*value));
  }
  std::string names;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == candidates.size() ? " or " : ", ") + candidates[i].describe(q);
  }
  std::string joined;
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    joined += (i == 0 ? "" : ", ") + lengths[i];
  }
  ctx.out.add(Code::duration_differs, at(p.doc, where->loc),
              fmt::format("the programme takes {}, which fits none of the norms {} has had: {}",
                          joined, q.code, names),
              "name the programme's framework ('framework: ...') if the source says which it "
              "follows");
}

void check_periods(const model::Programme &p, const Context &ctx) {
  const auto &rm = p.route_map;
  // The periods are the taught programme; a length that includes the assessment is compared
  // only as an upper bound (the periods cannot last longer than it).
  const auto &stated = p.duration.nominal ? p.duration.nominal : p.duration.including_assessment;
  bool upper_only = !p.duration.nominal;
  if (!rm.present || !stated || !rm.choices.empty()) {
    return; // with electives, the periods listed are not all taken
  }
  auto nominal = months(*stated);
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
  if (upper_only ? total - *nominal > longest + 1e-9
                 : std::fabs(total - *nominal) > longest + 1e-9) {
    ctx.out.add(Code::periods_vs_duration, at(p.doc, rm.loc),
                fmt::format("the route map's {} periods last about {} months, but the programme "
                            "takes {}{}",
                            rm.periods.size(), number_text(total), text(*stated),
                            upper_only ? " including the assessment" : ""));
  }
}

/// What shows that a page still offers the programme it describes once its successor starts: a
/// price or funding that is available and not said to end before the successor starts, or a
/// start date on or after the successor's. Empty if nothing does.
std::string still_offered(const std::vector<model::Funding> &funding,
                          const std::vector<model::Start> &starts, const Date &successor,
                          model::Loc &where) {
  for (const auto &f : funding) {
    auto until = f.until ? parse_date(f.until->value) : std::nullopt;
    if (f.status != "available" || (until && latest(*until) < earliest(successor))) {
      continue;
    }
    where = f.loc;
    if (f.kind == "fee" && f.amount && f.currency == "GBP" && *f.amount == std::floor(*f.amount)) {
      auto digits = fmt::format("{}", static_cast<long long>(*f.amount));
      for (auto i = static_cast<long>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
      }
      return "a fee of £" + digits;
    }
    if (f.kind == "fee") {
      return f.amount ? fmt::format("a fee of {}", number_text(*f.amount)) : "a fee";
    }
    return f.kind == "scholarship" ? "a scholarship" : "a price on request";
  }
  for (const auto &s : starts) {
    auto start = parse_date(s.date.value);
    if (start && latest(*start) >= earliest(successor)) {
      where = s.loc;
      return "a start date, " + s.date.value;
    }
  }
  return {};
}

/// NPQ335 and NPQ336: what a page announces, against what it offers and against its own date.
void check_announcements(const model::DocumentInfo &doc, const model::Source &source,
                         const std::vector<model::Announcement> &announcements,
                         const std::vector<model::Funding> &funding,
                         const std::vector<model::Start> &starts, const Context &ctx) {
  auto page = source.published.empty() ? std::nullopt : parse_date(source.published);
  for (const auto &a : announcements) {
    if (a.date) {
      check_date(doc, *a.date, ctx);
    }
    Date when_date;
    bool dated = false;
    if (a.date) {
      if (auto d = parse_date(a.date->value)) {
        when_date = *d;
        dated = true;
      }
    }
    const Date *when = dated ? &when_date : nullptr;
    if (a.kind == "successor" && when != nullptr) {
      model::Loc offer;
      std::string evidence = still_offered(funding, starts, *when, offer);
      if (!evidence.empty()) {
        auto &d = ctx.out.add(
            Code::successor_announced, at(doc, a.date->loc),
            fmt::format("the page announces '{}' from {}, while it still offers this programme "
                        "({}) without saying until when",
                        a.what, a.date->value, evidence),
            "say whether this programme can still be joined once its successor starts (a "
            "funding statement's 'until')");
        d.notes.push_back({at(doc, offer), "what the page still offers"});
      }
    }
    if (page && when != nullptr && (a.tense == "past" || a.tense == "announced")) {
      // Something that has happened cannot be later than the page. Something already announced
      // may be: NPQ intakes, funding and frameworks run by academic year and are announced for
      // the next one; an announcement about a period beyond the academic year after the page's
      // is what a page dated earlier could not yet carry.
      bool past = a.tense == "past";
      Date last_known = *page;
      if (!past) {
        int year = page->month == 0 || page->month >= 9 ? page->year : page->year - 1;
        last_known = Date{year + 2, 8, 31}; // the end of the next academic year
      }
      if (earliest(*when) <= latest(last_known)) {
        continue;
      }
      std::string gap;
      if (page->month != 0 && when->month != 0) {
        int months_later = (when->year * 12 + when->month) - (page->year * 12 + page->month);
        gap = fmt::format(" ({} month{} later)", months_later, months_later == 1 ? "" : "s");
      }
      auto &d = ctx.out.add(
          Code::date_after_publication, at(doc, a.date->loc),
          past ? fmt::format("the page is dated {}, but speaks of '{}' in {}{} as past: its text "
                             "was changed after that date",
                             source.published, a.what, a.date->value, gap)
               : fmt::format("the page is dated {}, but speaks of '{}' for {}{} as already "
                             "announced, beyond the academic year after its date ({}/{}): its "
                             "text was probably changed after that date",
                             source.published, a.what, a.date->value, gap, last_known.year - 1,
                             last_known.year % 100),
          "the page's date does not date its other figures; check them against a current source");
      d.notes.push_back({at(doc, source.published_loc), "the page's own date"});
    }
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
  check_announcements(p.doc, p.source, p.announcements, p.funding, p.starts, ctx);
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
  check_announcements(s.doc, s.source, s.announcements, s.common_funding, {}, ctx);
}

std::optional<DateSpan> date_span(const std::string &text) {
  auto d = parse_date(text);
  if (!d) {
    return std::nullopt;
  }
  return DateSpan{earliest(*d), latest(*d)};
}

} // namespace npq::checks
