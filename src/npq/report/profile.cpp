#include "npq/report/profile.hpp"

#include "npq/analysis/figures.hpp"
#include "npq/analysis/totals.hpp"
#include "npq/format/spec.hpp"
#include "npq/report/labels.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

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

std::string percent(const Interval &part, const Interval &whole) {
  if (part.unpublished > 0 || whole.unpublished > 0 || !whole.bounded() || whole.high == 0) {
    return part.str();
  }
  return fmt::format("{} ({:.0f} %)", part.str(), 100.0 * part.low / whole.low);
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

std::string describe_funding(const model::Funding &f, const ReferenceData &data) {
  std::vector<std::string> who;
  for (const auto &s : f.settings) {
    who.push_back(setting_label(data, s.value));
  }
  std::string audience = who.empty() ? "everyone" : join(who, ", ");
  if (!f.region.empty()) {
    audience += " (" + label(f.region) + ")";
  }
  std::string what;
  if (f.kind == "scholarship") {
    what = f.coverage == "partial" ? "Partial scholarship" : "Full scholarship";
  } else if (f.kind == "fee") {
    what = f.amount ? money(*f.amount, f.currency) : "A fee (amount not published)";
  } else {
    what = "Price on request from the provider";
  }
  std::string status;
  if (f.status == "suspended") {
    status = fmt::format(" (suspended{}{})", f.from ? " from " + f.from->value : "",
                         f.until ? " until " + f.until->value : "");
  } else if (f.status == "possible") {
    status = " (may be available)";
  } else if (f.from || f.until) {
    status = fmt::format(" ({}{})", f.from ? "from " + f.from->value : "",
                         f.until ? (f.from ? ", until " : "until ") + f.until->value : "");
  }
  std::string includes = f.includes.empty() ? "" : "; includes " + join(f.includes, ", ");
  return fmt::format("{}{} for {}{}", what, status, audience, includes);
}

std::string describe_duration(const model::DurationBlock &d) {
  std::vector<std::string> parts;
  if (d.nominal) {
    parts.push_back(model::to_string(*d.nominal));
  }
  if (d.minimum) {
    parts.push_back("at least " + model::to_string(*d.minimum));
  }
  if (d.maximum) {
    parts.push_back("at most " + model::to_string(*d.maximum));
  }
  return join(parts, ", ");
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

std::vector<Fact> profile(const model::Programme &p, const ReferenceData &data) {
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
  f.push_back({"Programme", "Roles", join(roles, ", ")});

  if (p.route_map.present) {
    analysis::Totals totals(p);
    Interval all = totals.programme(Selector::all()).hours;
    f.push_back(
        {"Route map", "Periods",
         fmt::format("{} × {}", p.route_map.periods.size(), label(p.route_map.period_kind))});
    f.push_back({"Route map", "Total hours", all.str()});
    std::vector<std::string> choices;
    for (const auto &c : p.route_map.choices) {
      choices.push_back(fmt::format("choose {} of {}", c.choose, c.from.size()));
    }
    f.push_back({"Route map", "Choices", join(choices, "; ")});
    if (p.summary.present) {
      auto j = analysis::judge(p, totals);
      std::map<analysis::Verdict, std::size_t> count;
      for (const auto &fig : j.figures) {
        ++count[fig.verdict];
      }
      std::vector<std::string> parts;
      for (auto v : {analysis::Verdict::confirmed, analysis::Verdict::contradicted,
                     analysis::Verdict::open, analysis::Verdict::unverifiable}) {
        if (count[v] > 0) {
          parts.push_back(fmt::format("{} {}", count[v], analysis::to_string(v)));
        }
      }
      f.push_back({"Route map", "Published figures", join(parts, ", ")});
      // Each figure's verdict by name, so that 'npq diff' says which ones changed ('npq
      // compare' leaves these out: other programmes publish other figures).
      for (const auto &fig : j.figures) {
        f.push_back({std::string(kFigureSection), analysis::describe(fig),
                     fmt::format("{}, {}", fig.published.str(), analysis::to_string(fig.verdict))});
      }
    }
    std::set<std::string> present;
    for (const auto *a : totals.activities()) {
      present.insert(a->kind);
    }
    for (const auto &v : format::activity_kind_type().values) {
      if (present.count(std::string(v.word)) != 0) {
        Selector s;
        s.kinds.insert(std::string(v.word));
        f.push_back({"Hours by kind", label(v.word), totals.programme(s).hours.str()});
      }
    }
    for (const char *mode : {"online", "face-to-face", "in-school", "blended", ""}) {
      Selector s;
      s.mode = mode;
      Interval h = totals.programme(s).hours;
      if (h.low > 0 || h.unpublished > 0 || h.high > 0) {
        f.push_back(
            {"Delivery", *mode != '\0' ? label(mode) : "Place not stated", percent(h, all)});
      }
    }
    for (const char *sync : {"synchronous", "asynchronous"}) {
      Selector s;
      s.synchrony = sync;
      Interval h = totals.programme(s).hours;
      if (h.low > 0 || h.unpublished > 0 || h.high > 0) {
        f.push_back({"Delivery", label(sync), percent(h, all)});
      }
    }
  }
  if (framework != nullptr && !framework->areas.empty()) {
    std::set<std::string> specific;
    bool blanket = false;
    auto add = [&](const model::Coverage &c) {
      blanket = blanket || c.all;
      for (const auto &a : c.areas) {
        specific.insert(a.value.substr(0, a.value.find('/')));
      }
    };
    for (const auto *c : model::teaching_coverage(p)) {
      add(*c);
    }
    std::size_t covered = 0;
    for (const auto &area : framework->areas) {
      covered += specific.count(area.id);
    }
    f.push_back({"Coverage", "Areas named",
                 fmt::format("{} of {}{}", covered, framework->areas.size(),
                             blanket ? " (plus a general claim)" : "")});
  }
  std::vector<std::string> funding;
  for (const auto &fund : p.funding) {
    funding.push_back(describe_funding(fund, data));
  }
  f.push_back({"Cost and funding", "Funding", join(funding, "; ")});
  const auto &a = p.assessment;
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
  f.push_back({"Assessment", "Engagement needed",
               a.engagement_threshold
                   ? fmt::format("{} %", analysis::number(*a.engagement_threshold))
                   : ""});
  std::vector<std::string> parts;
  for (const auto &part : a.parts) {
    parts.push_back(part.title.empty() ? part.id : part.title);
  }
  f.push_back({"Assessment", "Parts", join(parts, ", ")});
  return f;
}

} // namespace npq::report
