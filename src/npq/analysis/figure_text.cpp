#include "npq/analysis/figure_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace npq::analysis::detail {

namespace {

constexpr double kEps = 1e-7;

// "Implementation project" -> "implementation project"; acronyms ("NPQ clinic") stay.
std::string lower_first(const std::string &title) {
  if (title.size() >= 2 && std::isupper(static_cast<unsigned char>(title[0])) != 0 &&
      std::islower(static_cast<unsigned char>(title[1])) != 0) {
    std::string out = title;
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
  }
  return title;
}

// The plural of a phrase's last word: "event" -> "events", "study" -> "studies".
std::string plural(const std::string &phrase) {
  if (phrase.empty()) {
    return phrase;
  }
  auto ends = [&](std::string_view s) {
    return phrase.size() >= s.size() && phrase.compare(phrase.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) {
    return phrase + "es";
  }
  if (ends("y") && phrase.size() >= 2 &&
      std::string_view("aeiou").find(phrase[phrase.size() - 2]) == std::string_view::npos) {
    return phrase.substr(0, phrase.size() - 1) + "ies";
  }
  return phrase + "s";
}

std::string join_words(const std::vector<std::string> &items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? "" : (i + 1 == items.size() ? " and " : ", ");
    out += items[i];
  }
  return out;
}

std::string hours(double h) {
  return fmt::format("{} hour{}", number(h), std::fabs(h - 1) < kEps ? "" : "s");
}

} // namespace

std::string activity_phrase(const model::Activity &a, long long occurrences) {
  std::string title = lower_first(a.title);
  if (occurrences > 1) {
    return fmt::format("the {} {}", occurrences, plural(title));
  }
  return "the " + title;
}

std::string sentence(const Figure::Phrase &ph) {
  std::string out = fmt::format("holds only if {} {} {}", ph.subject, ph.verb, ph.amount);
  if (!ph.where.empty()) {
    out += " in " + ph.where;
  }
  if (!ph.given.empty()) {
    out += " (" + ph.given + ")";
  }
  return out;
}

Figure::Phrase condition_phrase(const System &system, const Expression &e, const Requirement &r,
                                std::pair<double, double> range, const model::Programme &p) {
  // What the unknown part of the figure stands for, grouped as a reader would name it.
  // Activities whose hours are published as a range ("about 20") are taken at their published
  // value and said so, so that the condition speaks of what the source leaves open.
  struct Group {
    std::string key;
    const model::Activity *activity = nullptr;
    const model::Category *category = nullptr;
    long long occurrences = 0;
    std::vector<int> periods; ///< shares of an activity that runs throughout
  };
  std::vector<Group> groups;
  auto find = [&](const std::string &key) -> Group & {
    for (auto &g : groups) {
      if (g.key == key) {
        return g;
      }
    }
    groups.push_back({key});
    return groups.back();
  };
  bool any_open = false;
  for (const auto &[v, coefficient] : e.terms) {
    const Unknown &u = system.unknowns()[static_cast<std::size_t>(v)];
    any_open = any_open || !(u.kind == Unknown::Kind::activity && u.published);
  }
  double constant = e.constant;
  std::vector<std::string> given;
  bool only_whole_activities = true;
  for (const auto &[v, coefficient] : e.terms) {
    const Unknown &u = system.unknowns()[static_cast<std::size_t>(v)];
    switch (u.kind) {
    case Unknown::Kind::activity: {
      if (any_open && u.published) {
        const model::Hours &h = u.activity->hours;
        double n = std::max(u.activity->count, 0);
        using Form = model::Hours::Form;
        double nominal = h.form == Form::up_to ? h.high : h.low;
        constant += coefficient * nominal * n;
        std::string value = h.form == Form::about      ? "about " + hours(nominal * n)
                            : h.form == Form::at_least ? "at least " + hours(nominal * n)
                            : h.form == Form::up_to
                                ? "up to " + hours(nominal * n)
                                : fmt::format("{}–{}", number(h.low * n), hours(h.high * n));
        given.push_back(fmt::format("{} at {}", activity_phrase(*u.activity, 1), value));
        break;
      }
      Group &g = find("a:" + u.activity->title);
      g.activity = u.activity;
      g.occurrences += std::max(u.activity->count, 0);
      break;
    }
    case Unknown::Kind::share: {
      Group &g = find("s:" + u.activity->title);
      g.activity = u.activity;
      g.occurrences = 1;
      g.periods.push_back(u.period);
      only_whole_activities = false;
      break;
    }
    case Unknown::Kind::category: {
      Group &g = find("c:" + u.category->label);
      g.category = u.category;
      only_whole_activities = false;
      break;
    }
    }
  }
  auto period_titles = [&](const std::vector<int> &periods) {
    std::vector<std::string> titles;
    titles.reserve(periods.size());
    for (int i : periods) {
      titles.push_back(p.route_map.periods[static_cast<std::size_t>(i)].title);
    }
    return join_words(titles);
  };
  Figure::Phrase ph;
  bool one_share = groups.size() == 1 && !groups.front().periods.empty();
  std::vector<std::string> names;
  for (const auto &g : groups) {
    if (g.category != nullptr) {
      names.push_back(
          fmt::format("the hours of '{}' that the route map does not show", g.category->label));
    } else if (!g.periods.empty()) {
      names.push_back(one_share ? activity_phrase(*g.activity, 1)
                                : fmt::format("{} in {}", activity_phrase(*g.activity, 1),
                                              period_titles(g.periods)));
    } else {
      names.push_back(activity_phrase(*g.activity, g.occurrences));
    }
  }
  if (one_share) {
    ph.where = period_titles(groups.front().periods);
  }
  if (names.size() > 4) {
    ph.subject = fmt::format("the {} activities whose hours are not published ({}, …)",
                             names.size(), join_words({names[0], names[1], names[2]}));
  } else {
    ph.subject = join_words(names);
  }
  bool single = groups.size() == 1 && groups.front().occurrences <= 1;
  ph.verb = single ? "takes" : "take";
  ph.given = given.empty() ? "" : "with " + join_words(given);
  bool lower = r.low > range.first + kEps;
  bool upper = std::isfinite(r.high) && r.high < range.second - kEps;
  double need_low = r.low - constant;
  double need_high = r.high - constant;
  std::string in_all = single ? "" : " in all";
  if (lower && upper) {
    if (std::fabs(r.high - r.low) <= kEps) {
      ph.amount = need_low <= kEps ? "no hours at all" : hours(need_low) + in_all;
      long long n = 0;
      for (const auto &g : groups) {
        n += g.occurrences;
      }
      if (groups.size() == 1 && only_whole_activities && n > 1 && need_low > kEps) {
        double each = need_low / static_cast<double>(n);
        double rounded = std::round(each * 10) / 10;
        ph.amount += std::fabs(each - rounded) < kEps
                         ? fmt::format(" ({} each)", hours(rounded))
                         : fmt::format(" (about {} each)", hours(rounded));
      }
    } else {
      ph.amount = fmt::format("between {} and {}{}", number(std::max(need_low, 0.0)),
                              hours(need_high), in_all);
    }
  } else if (lower) {
    ph.amount = fmt::format("at least {}{}", hours(need_low), in_all);
  } else {
    ph.amount = need_high <= kEps ? "no hours at all"
                                  : fmt::format("at most {}{}", hours(need_high), in_all);
  }
  return ph;
}

std::string choice_condition(const Selection &holds, const model::Programme &p) {
  std::vector<std::string> titles;
  for (int i : holds.chosen) {
    titles.push_back(p.route_map.periods[static_cast<std::size_t>(i)].title);
  }
  if (titles.empty()) {
    return "holds only for some choices of electives";
  }
  return fmt::format("holds only for some choices of electives, for example {}",
                     join_words(titles));
}

std::string unverifiable_text(const Interval &allowed, bool route_map_alone, bool has_route_map) {
  (void)allowed;
  (void)route_map_alone;
  return has_route_map ? "cannot be checked: no activity behind it has published hours"
                       : "cannot be checked: the programme publishes no route map";
}

std::string summary_condition(const Figure &fig, const model::Programme &p) {
  if (fig.parts.size() == 1) {
    return fig.parts.front().condition;
  }
  std::vector<const Figure::Part *> shown;
  for (const auto &part : fig.parts) {
    if (part.verdict != Verdict::confirmed && !part.condition.empty()) {
      shown.push_back(&part);
    }
  }
  if (shown.empty()) {
    return {};
  }
  bool same = std::all_of(shown.begin(), shown.end(), [&](const Figure::Part *part) {
    return part->condition == shown.front()->condition;
  });
  if (same) {
    return shown.front()->condition;
  }
  // Open parts about one activity's shares, said once: "the implementation project takes at
  // least 3 hours in Term one and at least 2 hours in Term two, Term three and Term four".
  const auto &first = shown.front()->phrase;
  bool mergeable = !first.subject.empty() && !first.where.empty() &&
                   std::all_of(shown.begin(), shown.end(), [&](const Figure::Part *part) {
                     const auto &ph = part->phrase;
                     return ph.subject == first.subject && ph.verb == first.verb &&
                            ph.given == first.given && !ph.where.empty();
                   });
  if (mergeable) {
    std::vector<std::pair<std::string, std::vector<std::string>>> by_amount;
    for (const auto *part : shown) {
      auto it = std::find_if(by_amount.begin(), by_amount.end(),
                             [&](const auto &a) { return a.first == part->phrase.amount; });
      if (it == by_amount.end()) {
        by_amount.push_back({part->phrase.amount, {part->phrase.where}});
      } else {
        it->second.push_back(part->phrase.where);
      }
    }
    std::vector<std::string> pieces;
    pieces.reserve(by_amount.size());
    for (const auto &[amount, wheres] : by_amount) {
      pieces.push_back(amount + " in " + join_words(wheres));
    }
    Figure::Phrase ph = first;
    ph.amount = join_words(pieces);
    ph.where.clear();
    return sentence(ph);
  }
  std::string out;
  for (const auto *part : shown) {
    std::string where = part->period >= 0
                            ? p.route_map.periods[static_cast<std::size_t>(part->period)].title
                        : part->activity != nullptr ? part->activity->title
                                                    : std::string();
    out += (out.empty() ? "" : "; ") + (where.empty() ? "" : where + ": ") + part->condition;
  }
  return out;
}

void cancel_out(Judgement &j, const model::Programme &p) {
  (void)p;
  Figure *total = nullptr;
  for (auto &f : j.figures) {
    if (f.kind == Figure::Kind::programme_total) {
      total = &f;
    }
  }
  if (total == nullptr || p.summary.partial || total->verdict == Verdict::contradicted ||
      total->published.low != total->published.high || total->published.approximate) {
    return;
  }
  // Every category has a published exact total, and together they make the programme total.
  std::map<const model::Category *, const Figure *> totals;
  for (const auto &f : j.figures) {
    if (f.kind == Figure::Kind::total) {
      totals[f.category] = &f;
    }
  }
  double sum = 0;
  for (const auto &c : p.summary.categories) {
    auto it = totals.find(&c);
    if (it == totals.end() || it->second->published.low != it->second->published.high ||
        it->second->published.approximate) {
      return;
    }
    sum += it->second->published.low;
  }
  if (std::fabs(sum - total->published.low) > kEps) {
    return;
  }
  std::vector<std::string> errors;
  double deviation = 0;
  for (const auto &c : p.summary.categories) {
    const Figure &f = *totals.at(&c);
    if (f.verdict != Verdict::contradicted) {
      continue;
    }
    const Interval &rm = f.parts.front().route_map;
    double pub = f.published.low;
    double d = rm.low > pub ? rm.low - pub : (rm.bounded() && rm.high < pub ? rm.high - pub : 0);
    if (std::fabs(d) <= kEps) {
      continue;
    }
    deviation += d;
    errors.push_back(fmt::format("'{}' ({}{}{})", c.label, d > 0 ? "+" : "−", number(std::fabs(d)),
                                 d > 0 && !rm.bounded() ? " or more" : ""));
  }
  if (errors.size() >= 2 && std::fabs(deviation) <= kEps) {
    total->cancels =
        fmt::format("the published categories add up to {} hours, but only because the "
                    "errors of {} of them cancel out: {}",
                    number(sum), errors.size(), join_words(errors));
  }
}

} // namespace npq::analysis::detail
