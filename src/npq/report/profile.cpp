#include "npq/report/profile.hpp"

#include "npq/analysis/figures.hpp"
#include "npq/analysis/totals.hpp"
#include "npq/format/spec.hpp"
#include "npq/report/labels.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace npq::report {

namespace {

using analysis::Interval;
using analysis::Selector;

std::string vocabulary_label(const std::vector<model::VocabularyEntry> &words,
                             const std::string &id) {
  for (const auto &w : words) {
    if (w.id == id) {
      return w.label;
    }
  }
  return label(id);
}

} // namespace

std::string money(double amount, const std::string &currency) {
  std::string digits =
      amount == std::floor(amount) ? fmt::format("{:.0f}", amount) : fmt::format("{:.2f}", amount);
  std::string whole = digits.substr(0, digits.find('.'));
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) {
      grouped += ',';
    }
    grouped += whole[i];
  }
  std::string fraction =
      digits.find('.') == std::string::npos ? "" : digits.substr(digits.find('.'));
  return (currency == "GBP" || currency.empty() ? "£" : currency + " ") + grouped + fraction;
}

std::string share(const Interval &part, const Interval &whole) {
  if (part.low == 0 && part.high == 0 && part.unpublished == 0) {
    return "";
  }
  if (!part.is_exact() || whole.low <= 0) {
    return "";
  }
  // Hours the source leaves unpublished can only add to the whole, so a part that is known
  // exactly is at most its share of the whole's lower bound.
  return fmt::format("{}{:.0f} %", whole.is_exact() ? "" : "≤ ", 100.0 * part.low / whole.low);
}

std::string join(const std::vector<std::string> &parts, std::string_view separator) {
  std::string out;
  for (const auto &p : parts) {
    if (!p.empty()) {
      out += (out.empty() ? "" : std::string(separator)) + p;
    }
  }
  return out;
}

std::string role_label(const ReferenceData &data, const std::string &id) {
  return vocabulary_label(data.roles(), id);
}

std::string setting_label(const ReferenceData &data, const std::string &id) {
  return vocabulary_label(data.settings(), id);
}

namespace {

// What a funding entry is: "Full scholarship", "£1,055", or `on_request` for a price on request.
std::string funding_kind(const model::Funding &f, const char *on_request) {
  if (f.kind == "scholarship") {
    return f.coverage == "partial" ? "Partial scholarship" : "Full scholarship";
  }
  if (f.kind == "fee") {
    return f.amount ? money(*f.amount, f.currency) : "A fee (amount not published)";
  }
  return on_request;
}

// When it applies: " (suspended until …)", " (may be available)", " (from …, until …)".
std::string funding_status(const model::Funding &f) {
  if (f.status == "suspended") {
    return fmt::format(" (suspended{}{})", f.from ? " from " + f.from->value : "",
                       f.until ? " until " + f.until->value : "");
  }
  if (f.status == "possible") {
    return " (may be available)";
  }
  if (f.from || f.until) {
    return fmt::format(" ({}{})", f.from ? "from " + f.from->value : "",
                       f.until ? (f.from ? ", until " : "until ") + f.until->value : "");
  }
  return "";
}

} // namespace

std::string describe_funding(const model::Funding &f, const ReferenceData &data) {
  std::vector<std::string> who;
  for (const auto &s : f.settings) {
    who.push_back(setting_label(data, s.value));
  }
  std::string audience = who.empty() ? "everyone" : join(who, ", ");
  if (!f.region.empty()) {
    audience += " (" + label(f.region) + ")";
  }
  std::string what = funding_kind(f, "Price on request from the provider");
  std::string status = funding_status(f);
  std::string includes = f.includes.empty() ? "" : "; includes " + join(f.includes, ", ");
  return fmt::format("{}{} for {}{}", what, status, audience, includes);
}

std::string describe_duration(const model::DurationBlock &d) {
  std::vector<std::string> parts;
  if (d.nominal) {
    parts.push_back(model::to_string(*d.nominal));
  }
  if (d.including_assessment) {
    parts.push_back(model::to_string(*d.including_assessment) + " including the assessment");
  }
  if (d.varies_by == "qualification" && (d.minimum || d.maximum)) {
    // "12-18 months, depending on the subject area": the range spans the qualifications.
    std::string range;
    if (d.minimum && d.maximum) {
      range =
          d.minimum->unit == d.maximum->unit
              ? fmt::format("{} to {}", analysis::number(d.minimum->value),
                            model::to_string(*d.maximum))
              : fmt::format("{} to {}", model::to_string(*d.minimum), model::to_string(*d.maximum));
    } else {
      range = d.minimum ? model::to_string(*d.minimum) + " or more"
                        : "up to " + model::to_string(*d.maximum);
    }
    parts.push_back(range + ", depending on the qualification");
  } else {
    if (d.minimum) {
      parts.push_back("at least " + model::to_string(*d.minimum));
    }
    if (d.maximum) {
      parts.push_back("at most " + model::to_string(*d.maximum));
    }
  }
  std::string out = join(parts, ", ");
  if (out.empty() && !d.spans.empty()) {
    out = "not stated"; // a span is of part of the programme, never its length
  }
  for (const auto &span : d.spans) {
    std::string length = span.length     ? model::to_string(*span.length)
                         : span.at_least ? "at least " + model::to_string(*span.at_least)
                         : span.up_to    ? "up to " + model::to_string(*span.up_to)
                                         : std::string();
    if (!length.empty()) {
      out += (out.empty() ? "" : "; ") + span.of + " over " + length;
    }
  }
  return out;
}

std::string describe_engagement(const model::Assessment &a) {
  if (!a.engagement_threshold) {
    return {};
  }
  std::string percent = fmt::format("{} %", analysis::number(*a.engagement_threshold));
  return a.engagement_scope.empty() ? percent : percent + " of " + a.engagement_scope;
}

std::string describe_delivery(const model::Delivery &d) {
  return join({d.synchrony, d.facilitation, d.mode}, ", ");
}

std::string describe_hours(const model::Activity &a) {
  if (a.hours.form == model::Hours::Form::not_published) {
    return "not published";
  }
  std::string one = Interval::from(a.hours).str();
  return a.count == 1 ? one : fmt::format("{} × {}", a.count, one);
}

std::string describe_cost(const model::Funding &f) {
  std::string what = funding_kind(f, "Price on request") + funding_status(f);
  if (!f.region.empty()) {
    what += " (" + label(f.region) + ")";
  }
  return what;
}

std::vector<std::string> funding_settings(const std::vector<model::Funding> &funding,
                                          const ReferenceData &data) {
  std::set<std::string> named;
  for (const auto &f : funding) {
    for (const auto &s : f.settings) {
      named.insert(s.value);
    }
  }
  std::vector<std::string> out;
  for (const auto &w : data.settings()) { // the catalogue's order
    if (named.erase(w.id) != 0) {
      out.push_back(w.id);
    }
  }
  out.insert(out.end(), named.begin(), named.end()); // ids the catalogue does not know
  return out;
}

namespace {

// "Cost by setting": one fact per setting, each giving what the programme's funding says for it;
// an entry that names no setting applies to all of them.
void add_costs(std::vector<Fact> &f, const std::vector<model::Funding> &funding,
               const ReferenceData &data, const std::vector<std::string> &settings) {
  auto cost_for = [&](const std::string *setting) {
    std::vector<std::string> parts;
    for (const auto &entry : funding) {
      bool names = entry.settings.empty();
      for (const auto &s : entry.settings) {
        names = names || (setting != nullptr && s.value == *setting);
      }
      if (names) {
        parts.push_back(describe_cost(entry));
      }
    }
    return join(parts, "; ");
  };
  if (settings.empty()) {
    f.push_back({"Cost by setting", "Any setting", cost_for(nullptr)});
  }
  for (const auto &s : settings) {
    f.push_back({"Cost by setting", setting_label(data, s), cost_for(&s)});
  }
}

void add_assessment(std::vector<Fact> &f, const model::Assessment &a) {
  f.push_back({"Assessment", "Kind", label(a.kind)});
  f.push_back(
      {"Assessment", "Window",
       a.window ? model::to_string(*a.window) + (a.open_book && *a.open_book ? ", open book" : "")
                : ""});
  f.push_back(
      {"Assessment", "When",
       a.timing_starts.empty()
           ? ""
           : label(a.timing_starts) +
                 (a.timing_within ? ", within " + model::to_string(*a.timing_within) : "")});
  f.push_back({"Assessment", "Engagement needed", describe_engagement(a)});
  std::vector<std::string> parts;
  for (const auto &part : a.parts) {
    parts.push_back(part.title.empty() ? part.id : part.title);
  }
  f.push_back({"Assessment", "Parts", join(parts, ", ")});
}

// A share of the hours as a percentage when everything is known, else the hours it rests on.
std::string share_of(const Interval &part, const Interval &whole) {
  std::string s = share(part, whole);
  if (!s.empty() || (part.low == 0 && part.high == 0 && part.unpublished == 0)) {
    return s;
  }
  return "not known";
}

void add_hours(std::vector<Fact> &f, const model::Programme &p) {
  analysis::Totals totals(p);
  Interval all = totals.programme(Selector::all()).hours;
  f.push_back({"Hours", "Periods",
               fmt::format("{} × {}", p.route_map.periods.size(), label(p.route_map.period_kind))});
  // Hours by the families a participant compares: live, self-study, in school, assessment.
  std::set<std::string> present;
  for (const auto *a : totals.activities()) {
    present.insert(a->kind);
  }
  Interval live;
  for (auto family : activity_families()) {
    Selector s;
    for (const auto &k : present) {
      if (activity_family(k) == family) {
        s.kinds.insert(k);
      }
    }
    Interval hours = s.kinds.empty() ? Interval::zero() : totals.programme(s).hours;
    if (family == activity_families().front()) {
      live = hours;
    }
    f.push_back({"Hours", std::string(family), s.kinds.empty() ? "" : hours.str()});
  }
  f.push_back({"Hours", "Total (route map)", all.str()});
  // The published figures' verdicts, in words ("Figures you can trust").
  std::optional<analysis::Judgement> j;
  if (p.summary.present) {
    j = analysis::judge(p, totals);
  }
  const std::vector<analysis::Figure> none;
  const auto &figures = j ? j->figures : none;
  std::string published_total;
  std::map<analysis::Verdict, std::size_t> count;
  for (const auto &fig : figures) {
    ++count[fig.verdict];
    if (fig.kind == analysis::Figure::Kind::programme_total) {
      published_total =
          fmt::format("{}, {}", fig.published.str(), analysis::to_string(fig.verdict));
    }
  }
  f.push_back({"Hours", "Published total", published_total});
  std::vector<std::string> verdicts;
  for (auto v : {analysis::Verdict::confirmed, analysis::Verdict::contradicted,
                 analysis::Verdict::open, analysis::Verdict::unverifiable}) {
    if (count[v] > 0) {
      verdicts.push_back(fmt::format("{} {}", count[v], analysis::to_string(v)));
    }
  }
  f.push_back({"Hours", "Published figures", join(verdicts, ", ")});
  std::vector<std::string> choices;
  for (const auto &c : p.route_map.choices) {
    choices.push_back(fmt::format("choose {} of {}", c.choose, c.from.size()));
  }
  f.push_back({"Hours", "Choices", join(choices, "; ")});
  // Shares: live sessions (the family above), and where activities happen (their delivery).
  f.push_back({"Hours", "% live", share_of(live, all)});
  for (auto [label_text, mode] :
       {std::pair{"% face to face", "face-to-face"}, std::pair{"% online", "online"}}) {
    Selector s;
    s.mode = mode;
    f.push_back({"Hours", label_text, share_of(totals.programme(s).hours, all)});
  }
  // Each figure's verdict by name, so that 'npq diff' says which ones changed, and hours by
  // activity kind: both for 'npq diff' only (see kFigureSection).
  for (const auto &fig : figures) {
    f.push_back({std::string(kFigureSection), analysis::describe(fig),
                 fmt::format("{}, {}", fig.published.str(), analysis::to_string(fig.verdict))});
  }
  for (const auto &v : format::activity_kind_type().values) {
    if (present.count(std::string(v.word)) != 0) {
      Selector s;
      s.kinds.insert(std::string(v.word));
      f.push_back({std::string(kKindSection), label(v.word), totals.programme(s).hours.str()});
    }
  }
}

} // namespace

std::vector<Fact> profile(const model::Programme &p, const ReferenceData &data,
                          const std::vector<std::string> &settings) {
  std::vector<Fact> f;
  const auto *q = data.qualification(p.qualification.value);
  const auto *framework = p.framework ? data.framework(p.framework->value) : nullptr;
  f.push_back({"Programme", "Title", p.title});
  f.push_back({"Programme", "Qualification",
               q != nullptr ? fmt::format("{} — {}", q->code, q->name) : p.qualification.value});
  f.push_back({"Programme", "Provider", p.provider});
  f.push_back({"Programme", "Delivery partner", p.delivery_partner});
  f.push_back({"Programme", "Framework", framework != nullptr ? framework->id : ""});
  f.push_back({"Programme", "Duration", describe_duration(p.duration)});
  std::vector<std::string> starts;
  for (const auto &s : p.starts) {
    starts.push_back(s.label.empty() ? s.date.value : s.label);
  }
  f.push_back({"Programme", "Starts", join(starts, "; ")});
  std::vector<std::string> roles;
  for (const auto &r : p.audience.roles) {
    roles.push_back(role_label(data, r.value));
  }
  f.push_back({"Programme", "Who it is for", join(roles, ", ")});
  if (p.route_map.present) {
    add_hours(f, p);
  }
  // Days out of school are published in the summary, with or without a route map.
  std::vector<std::string> days;
  for (const auto &c : p.summary.categories) {
    if (c.days) {
      days.push_back(fmt::format("{} ({})", analysis::number(*c.days), c.label));
    }
  }
  f.push_back({"Hours", "Days out of school", join(days, "; ")});
  add_costs(f, p.funding, data, settings);
  add_assessment(f, p.assessment);
  if (framework != nullptr && !framework->areas.empty()) {
    std::set<std::string> specific;
    bool blanket = false;
    for (const auto *c : model::teaching_coverage(p)) {
      blanket = blanket || c->all;
      for (const auto &a : c->areas) {
        specific.insert(a.value.substr(0, a.value.find('/')));
      }
    }
    std::size_t covered = 0;
    for (const auto &area : framework->areas) {
      covered += specific.count(area.id);
    }
    f.push_back({"Coverage", "Areas named",
                 fmt::format("{} of {}{}", covered, framework->areas.size(),
                             blanket ? " (plus a general claim)" : "")});
  }
  return f;
}

std::vector<Fact> profile(const model::Suite &s, const ReferenceData &data,
                          const std::vector<std::string> &settings) {
  std::vector<Fact> f;
  f.push_back({"Programme", "Title", s.title});
  std::vector<std::string> codes;
  for (const auto &g : s.groups) {
    for (const auto &m : g.members) {
      codes.push_back(m.qualification.value);
    }
  }
  f.push_back({"Programme", "Qualification",
               fmt::format("a suite of {}: {}", codes.size(), join(codes, ", "))});
  f.push_back({"Programme", "Provider", s.provider});
  f.push_back({"Programme", "Delivery partner", s.delivery_partner});
  f.push_back({"Programme", "Duration", describe_duration(s.common_duration)});
  // What every programme of the suite includes: its hours are a suite's to publish, or not.
  for (auto family : activity_families()) {
    Interval hours;
    bool any = false;
    for (const auto &a : s.common_activities) {
      if (activity_family(a.kind) == family) {
        Interval one = Interval::from(a.hours);
        hours += a.count == 1 ? one : one.times(a.count);
        any = true;
      }
    }
    if (any) {
      f.push_back({"Hours", std::string(family), hours.str()});
    }
  }
  add_costs(f, s.common_funding, data, settings);
  add_assessment(f, s.common_assessment);
  return f;
}

} // namespace npq::report
