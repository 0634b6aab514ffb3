#include "npq/report/glossary.hpp"

#include "npq/report/labels.hpp"
#include "npq/report/profile.hpp"

#include <array>
#include <fmt/format.h>

namespace npq::report::glossary {

namespace {

using analysis::number;

std::string with_unit(const std::string &figure, double value, bool unit) {
  if (!unit) {
    return figure;
  }
  return figure + (value == 1 ? " hour" : " hours");
}

std::string quantity(const model::Quantity &q) {
  return model::to_string(q);
}

} // namespace

std::string lower_first(std::string text) {
  if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' && !(text[1] >= 'A' && text[1] <= 'Z')) {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

std::string capitalise(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  }
  return text;
}

Family family_of(std::string_view kind) {
  static constexpr std::array<std::pair<std::string_view, Family>, 25> kKinds{{
      {"induction-conference", Family::live},
      {"conference", Family::live},
      {"face-to-face-event", Family::live},
      {"seminar", Family::live},
      {"webinar", Family::live},
      {"workshop", Family::live},
      {"clinic", Family::live},
      {"community-session", Family::live},
      {"peer-learning-group", Family::live},
      {"mentor-check-in", Family::live},
      {"coaching", Family::live},
      {"audit", Family::self_study},
      {"self-directed-study", Family::self_study},
      {"module", Family::self_study},
      {"online-learning", Family::self_study},
      {"reading", Family::self_study},
      {"learning-journal", Family::self_study},
      {"formative-task", Family::self_study},
      {"practical-learning", Family::in_school},
      {"implementation-project", Family::in_school},
      {"school-visit", Family::in_school},
      {"placement", Family::in_school},
      {"assessment-briefing", Family::assessment},
      {"assessment", Family::assessment},
      {"other", Family::other},
  }};
  for (const auto &[k, f] : kKinds) {
    if (k == kind) {
      return f;
    }
  }
  return Family::other;
}

std::string_view family_label(Family family) {
  switch (family) {
  case Family::live:
    return "Live sessions";
  case Family::self_study:
    return "Self-study";
  case Family::in_school:
    return "In-school work";
  case Family::assessment:
    return "Assessment";
  case Family::other:
    break;
  }
  return "Other activities";
}

std::string hours(const analysis::Interval &i, bool unit) {
  if (!i.bounded() && i.low == 0 && i.unpublished > 0) {
    return std::string(kNotPublished);
  }
  std::string about = i.approximate ? "about " : "";
  if (!i.bounded()) {
    return "at least " + about + with_unit(number(i.low), i.low, unit);
  }
  if (i.low == i.high) {
    return about + with_unit(number(i.low), i.low, unit);
  }
  if (i.low == 0) {
    return "up to " + about + with_unit(number(i.high), i.high, unit);
  }
  return fmt::format("{}{} to {}", about, number(i.low), with_unit(number(i.high), i.high, unit));
}

std::string hours(const model::Hours &published, bool unit) {
  return hours(analysis::Interval::from(published), unit);
}

std::string activity_hours(const model::Activity &a) {
  if (a.hours.form == model::Hours::Form::not_published) {
    return a.count == 1 ? std::string(kNotPublished)
                        : fmt::format("{}, hours {}", a.count, kNotPublished);
  }
  if (a.count == 1) {
    return hours(a.hours, false);
  }
  return fmt::format("{} × {}", a.count, hours(a.hours, false));
}

std::string days(double value) {
  return number(value) + (value == 1 ? " day" : " days");
}

std::string delivery(const model::Delivery &d) {
  std::vector<std::string> parts;
  if (d.mode == "online") {
    parts.emplace_back("online");
  } else if (d.mode == "face-to-face") {
    parts.emplace_back("in person");
  } else if (d.mode == "in-school") {
    parts.emplace_back("in your school");
  } else if (d.mode == "blended") {
    parts.emplace_back("online and in person");
  }
  if (d.synchrony == "synchronous") {
    parts.emplace_back("live");
  } else if (d.synchrony == "asynchronous") {
    parts.emplace_back("in your own time");
  }
  if (d.facilitation == "facilitated") {
    parts.emplace_back("led by a facilitator");
  } else if (d.facilitation == "self-directed") {
    parts.emplace_back("on your own");
  }
  return capitalise(join(parts, ", "));
}

std::string duration(const model::DurationBlock &d) {
  std::string range;
  if (d.minimum && d.maximum && d.minimum->unit == d.maximum->unit) {
    range = fmt::format("{} to {}", number(d.minimum->value), quantity(*d.maximum));
  } else if (d.minimum && d.maximum) {
    range = fmt::format("{} to {}", quantity(*d.minimum), quantity(*d.maximum));
  } else if (d.minimum) {
    range = "at least " + quantity(*d.minimum);
  } else if (d.maximum) {
    range = "up to " + quantity(*d.maximum);
  }
  if (d.nominal && !range.empty()) {
    return fmt::format("usually {} ({})", quantity(*d.nominal), range);
  }
  return d.nominal ? quantity(*d.nominal) : range;
}

std::string funding(const model::Funding &f, const ReferenceData &data) {
  std::vector<std::string> who;
  for (const auto &s : f.settings) {
    who.push_back(setting_label(data, s.value));
  }
  std::string audience = join(who, ", ");
  if (!f.region.empty()) {
    audience += " in " + label(f.region);
  }
  std::string what;
  if (f.kind == "scholarship") {
    what = f.coverage == "partial" ? "Partly funded by a scholarship" : "Free: fully funded";
  } else if (f.kind == "fee") {
    what = f.amount ? money(*f.amount, f.currency) : "A fee (amount not published)";
  } else {
    what = "Price on request";
  }
  std::string when;
  if (f.from || f.until) {
    when = join({f.from ? "from " + f.from->value : "", f.until ? "until " + f.until->value : ""},
                " ");
  }
  if (f.status == "suspended") {
    what += " (suspended" + (when.empty() ? "" : " " + when) + ")";
  } else if (f.status == "possible") {
    what += " (may be available" + (when.empty() ? "" : " " + when) + ")";
  } else if (!when.empty()) {
    what += " (" + when + ")";
  }
  std::string includes = f.includes.empty() ? "" : ", including " + join(f.includes, ", ");
  return audience.empty() ? what + includes : fmt::format("{} for {}{}", what, audience, includes);
}

std::string qualification(const model::Qualification *q, const std::string &code) {
  if (q == nullptr) {
    return code;
  }
  return fmt::format("NPQ in {} ({})", q->name, code);
}

std::string assessment_timing(const model::Assessment &a) {
  if (a.timing_starts.empty()) {
    return {};
  }
  std::string when = label(a.timing_starts);
  if (a.timing_starts == "after-programme") {
    when = "After the programme";
  } else if (a.timing_starts == "end-of-programme") {
    when = "At the end of the programme";
  }
  return when + (a.timing_within ? ", within " + model::to_string(*a.timing_within) : "");
}

std::string count_words(long long n, bool capital) {
  static constexpr std::array<std::string_view, 13> kWords{
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  std::string out =
      n >= 0 && n < 13 ? std::string(kWords[static_cast<std::size_t>(n)]) : std::to_string(n);
  return capital ? capitalise(out) : out;
}

std::string noun(std::string_view word) {
  return lower_first(label(word));
}

std::string plural(std::string_view word) {
  std::string w = noun(word);
  if (w.empty() || w.back() == 's') {
    return w;
  }
  return w + "s";
}

std::string choose(int n, std::size_t of) {
  return fmt::format("Choose {} of {}", n, of);
}

std::string every(std::string_view unit) {
  if (unit == "half-term") {
    return "half-termly";
  }
  if (unit == "term") {
    return "termly";
  }
  if (unit == "week" || unit == "month" || unit == "year") {
    return std::string(unit) + "ly";
  }
  return {};
}

} // namespace npq::report::glossary
