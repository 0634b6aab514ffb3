#include "npq/analysis/totals.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace npq::analysis {

namespace {

Interval activity_hours(const model::Activity &a) {
  return Interval::from(a.hours).times(static_cast<double>(std::max(a.count, 0)));
}

} // namespace

bool Selector::matches(const model::Activity &activity) const {
  if ((mode && activity.delivery.mode != *mode) ||
      (synchrony && activity.delivery.synchrony != *synchrony) ||
      (facilitation && activity.delivery.facilitation != *facilitation)) {
    return false;
  }
  if (kinds.empty() && ids.empty()) {
    return true;
  }
  return kinds.count(activity.kind) != 0 || (!activity.id.empty() && ids.count(activity.id) != 0);
}

Totals::Totals(const model::Programme &programme) : m_programme(programme) {
  const auto &rm = programme.route_map;
  m_period_index.reserve(rm.periods.size());
  for (std::size_t i = 0; i < rm.periods.size(); ++i) {
    m_period_index.emplace(rm.periods[i].id, static_cast<int>(i));
  }
  for (const auto &p : rm.periods) {
    for (const auto &a : p.activities) {
      m_activities.push_back(&a);
    }
  }
  for (const auto *slot : {&rm.throughout, &rm.before, &rm.after}) {
    for (const auto &a : *slot) {
      m_activities.push_back(&a);
    }
  }
  for (const auto &c : rm.choices) {
    Group g;
    g.choose = c.choose;
    for (const auto &ref : c.from) {
      int index = period_index(ref.value);
      if (index >= 0 && m_electives.insert(index).second) {
        g.options.push_back(index);
      }
    }
    g.choose = std::clamp(g.choose, 0, static_cast<int>(g.options.size()));
    m_groups.push_back(std::move(g));
  }
}

int Totals::period_index(std::string_view id) const {
  auto it = m_period_index.find(id);
  return it == m_period_index.end() ? -1 : it->second;
}

namespace {

// The activities of one list that the selector matches, each counted whole.
Total sum_of(const std::vector<model::Activity> &activities, const Selector &selector) {
  Total t;
  for (const auto &a : activities) {
    if (selector.matches(a)) {
      Interval h = activity_hours(a);
      t.hours += h;
      t.count += a.count;
      t.parts.push_back({&a, h, false});
    }
  }
  return t;
}

} // namespace

Total Totals::period_only(int index, const Selector &selector) const {
  const auto &periods = m_programme.route_map.periods;
  if (index < 0 || static_cast<std::size_t>(index) >= periods.size()) {
    return {};
  }
  return sum_of(periods[static_cast<std::size_t>(index)].activities, selector);
}

Total Totals::throughout(const Selector &selector) const {
  return sum_of(m_programme.route_map.throughout, selector);
}

Total Totals::outside(int slot, const Selector &selector) const {
  return sum_of(slot == model::kBefore ? m_programme.route_map.before : m_programme.route_map.after,
                selector);
}

Total Totals::period(int index, const Selector &selector) const {
  return periods({index}, selector);
}

Total Totals::periods(const std::vector<int> &indices, const Selector &selector) const {
  Total t;
  for (int index : indices) {
    Total p = period_only(index, selector);
    t.hours += p.hours;
    t.count += p.count;
    t.parts.insert(t.parts.end(), p.parts.begin(), p.parts.end());
  }
  for (const auto &a : m_programme.route_map.throughout) {
    if (selector.matches(a)) {
      Interval h = activity_hours(a).share();
      t.hours += h;
      t.parts.push_back({&a, h, true});
    }
  }
  return t;
}

Total Totals::programme(const Selector &selector) const {
  Total t;
  const auto &periods = m_programme.route_map.periods;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (m_electives.count(static_cast<int>(i)) != 0) {
      continue;
    }
    Total p = period_only(static_cast<int>(i), selector);
    t.hours += p.hours;
    t.count += p.count;
    t.parts.insert(t.parts.end(), p.parts.begin(), p.parts.end());
  }
  for (std::size_t g = 0; g < m_groups.size(); ++g) {
    const auto &group = m_groups[g];
    std::vector<Total> options;
    for (int index : group.options) {
      options.push_back(period_only(index, selector));
    }
    std::vector<double> lows;
    std::vector<double> highs;
    std::vector<int> unpublished;
    bool approximate = false;
    long long min_count = 0;
    long long max_count = 0;
    std::vector<long long> counts;
    for (const auto &o : options) {
      lows.push_back(o.hours.low);
      highs.push_back(o.hours.high);
      unpublished.push_back(o.hours.unpublished);
      approximate = approximate || o.hours.approximate;
      counts.push_back(o.count);
    }
    auto n = static_cast<std::size_t>(group.choose);
    std::sort(lows.begin(), lows.end());
    std::sort(highs.begin(), highs.end(), std::greater<>());
    std::sort(unpublished.begin(), unpublished.end());
    std::sort(counts.begin(), counts.end());
    Interval range;
    range.low = std::accumulate(lows.begin(), lows.begin() + static_cast<long>(n), 0.0);
    range.high = std::accumulate(highs.begin(), highs.begin() + static_cast<long>(n), 0.0);
    range.approximate = approximate;
    range.unpublished =
        std::accumulate(unpublished.begin(), unpublished.begin() + static_cast<long>(n), 0);
    min_count = std::accumulate(counts.begin(), counts.begin() + static_cast<long>(n), 0LL);
    max_count = std::accumulate(counts.end() - static_cast<long>(n), counts.end(), 0LL);
    t.hours += range;
    t.count += min_count;
    const auto &rule = m_programme.route_map.choices[g];
    t.choices.push_back(fmt::format(
        "choice '{}': {} of {} periods, {} hours{}", rule.id, group.choose, group.options.size(),
        range.str(),
        min_count == max_count ? "" : fmt::format(" ({}–{} occurrences)", min_count, max_count)));
  }
  for (const Total &whole : {throughout(selector), outside(model::kBefore, selector),
                             outside(model::kAfter, selector)}) {
    t.hours += whole.hours;
    t.count += whole.count;
    t.parts.insert(t.parts.end(), whole.parts.begin(), whole.parts.end());
  }
  return t;
}

std::optional<Selection> Totals::extreme(const Selector &selector, bool heaviest) const {
  if (m_groups.empty()) {
    return std::nullopt;
  }
  Selection s;
  const auto &periods = m_programme.route_map.periods;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (m_electives.count(static_cast<int>(i)) == 0) {
      s.hours += period_only(static_cast<int>(i), selector).hours;
    }
  }
  for (const auto &group : m_groups) {
    std::vector<std::pair<Interval, int>> options;
    for (int index : group.options) {
      options.emplace_back(period_only(index, selector).hours, index);
    }
    // Lightest: smallest upper bound first (then lower); heaviest: largest lower bound first.
    std::stable_sort(options.begin(), options.end(), [&](const auto &a, const auto &b) {
      if (heaviest) {
        return a.first.low != b.first.low ? a.first.low > b.first.low : a.first.high > b.first.high;
      }
      return a.first.high != b.first.high ? a.first.high < b.first.high : a.first.low < b.first.low;
    });
    for (int k = 0; k < group.choose; ++k) {
      s.hours += options[static_cast<std::size_t>(k)].first;
      s.periods.push_back(options[static_cast<std::size_t>(k)].second);
    }
  }
  for (const auto *a : m_activities) {
    if (a->period < 0 && selector.matches(*a)) {
      s.hours += activity_hours(*a);
    }
  }
  std::sort(s.periods.begin(), s.periods.end());
  return s;
}

std::optional<Selection> Totals::lightest(const Selector &selector) const {
  return extreme(selector, false);
}

std::optional<Selection> Totals::heaviest(const Selector &selector) const {
  return extreme(selector, true);
}

std::string where_text(const model::Activity &a, const model::Programme &programme) {
  switch (a.period) {
  case model::kThroughout:
    return "throughout";
  case model::kBefore:
    return "before the programme";
  case model::kAfter:
    return "after the taught programme";
  default:
    return programme.route_map.periods[static_cast<std::size_t>(a.period)].title;
  }
}

std::string describe(const Contribution &c, const model::Programme &programme) {
  const auto &a = *c.activity;
  std::string where = where_text(a, programme);
  std::string figure = Interval::from(a.hours).str();
  std::string hours = a.hours.form == model::Hours::Form::not_published
                          ? "hours not published"
                          : fmt::format("{} hour{}", figure, figure == "1" ? "" : "s");
  std::string count = a.count != 1 ? fmt::format("{} × ", a.count) : "";
  std::string share = c.share ? " (runs throughout: any share of it may fall here)" : "";
  return fmt::format("{}: {}, {}{}{}", where, a.title, count, hours, share);
}

} // namespace npq::analysis
