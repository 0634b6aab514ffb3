#include "npq/report/export.hpp"

#include "npq/analysis/totals.hpp"
#include "npq/markup/json_stream.hpp"
#include "npq/report/coverage.hpp"
#include "npq/report/hours.hpp"
#include "npq/report/profile.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace npq::report {

namespace {

using analysis::Interval;
using Json = nlohmann::ordered_json;

Json interval(const Interval &i) {
  return Json{{"text", i.str()},
              {"low", i.low},
              {"high", std::isfinite(i.high) ? Json(i.high) : Json(nullptr)},
              {"approximate", i.approximate},
              {"not_published", i.unpublished}};
}

Json optional_text(const std::string &s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Json quantity(const std::optional<model::Quantity> &q) {
  if (!q) {
    return nullptr;
  }
  return Json{{"value", q->value}, {"unit", q->unit}, {"text", model::to_string(*q)}};
}

const char *form(model::Hours::Form f) {
  switch (f) {
  case model::Hours::Form::exact:
    return "exact";
  case model::Hours::Form::at_least:
    return "at-least";
  case model::Hours::Form::up_to:
    return "up-to";
  case model::Hours::Form::about:
    return "about";
  case model::Hours::Form::range:
    return "range";
  case model::Hours::Form::not_published:
    return "not-published";
  }
  return "not-published";
}

Json activity(const model::Activity &a) {
  Json areas = Json::array();
  for (const auto &r : a.covers.areas) {
    areas.push_back(r.value);
  }
  Interval one = Interval::from(a.hours);
  return Json{{"id", optional_text(a.id)},
              {"title", a.title},
              {"kind", a.kind},
              {"count", a.count},
              {"hours", Json{{"form", form(a.hours.form)},
                             {"low", one.low},
                             {"high", std::isfinite(one.high) ? Json(one.high) : Json(nullptr)}}},
              {"total", interval(one.times(a.count))},
              {"delivery", Json{{"synchrony", optional_text(a.delivery.synchrony)},
                                {"facilitation", optional_text(a.delivery.facilitation)},
                                {"mode", optional_text(a.delivery.mode)}}},
              {"covers", Json{{"all", a.covers.all}, {"areas", areas}}},
              {"description", optional_text(a.description)},
              {"line", a.loc.line}};
}

Json findings_json(const Diagnostics &d) {
  return Json{{"errors", d.count(Severity::error)},
              {"warnings", d.count(Severity::warning)},
              {"notes", d.count(Severity::note)},
              {"suppressed", d.suppressed_count()}};
}

Json assessment(const model::Assessment &a) {
  if (!a.present) {
    return nullptr;
  }
  Json parts = Json::array();
  for (const auto &p : a.parts) {
    Json areas = Json::array();
    for (const auto &r : p.assesses.areas) {
      areas.push_back(r.value);
    }
    parts.push_back(Json{{"id", p.id}, {"title", optional_text(p.title)}, {"assesses", areas}});
  }
  return Json{{"kind", optional_text(a.kind)},
              {"window", quantity(a.window)},
              {"open_book", a.open_book ? Json(*a.open_book) : Json(nullptr)},
              {"timing", optional_text(a.timing_starts)},
              {"within", quantity(a.timing_within)},
              {"engagement_threshold",
               a.engagement_threshold ? Json(*a.engagement_threshold) : Json(nullptr)},
              {"engagement_scope", optional_text(a.engagement_scope)},
              {"parts", parts}};
}

Json duration(const model::DurationBlock &d, bool suite) {
  Json spans = Json::array();
  for (const auto &s : d.spans) {
    spans.push_back(Json{{"of", s.of},
                         {"length", quantity(s.length)},
                         {"at_least", quantity(s.at_least)},
                         {"up_to", quantity(s.up_to)}});
  }
  Json j{{"nominal", quantity(d.nominal)},
         {"minimum", quantity(d.minimum)},
         {"maximum", quantity(d.maximum)},
         {"including_assessment", quantity(d.including_assessment)},
         {"spans", spans}};
  if (suite) {
    j["varies_by"] = d.varies_by.empty() ? "participant" : d.varies_by;
  }
  j["text"] = optional_text(describe_duration(d));
  return j;
}

Json announcements(const std::vector<model::Announcement> &list) {
  Json out = Json::array();
  for (const auto &a : list) {
    out.push_back(Json{{"kind", a.kind},
                       {"what", a.what},
                       {"date", a.date ? Json(a.date->value) : Json(nullptr)},
                       {"tense", a.tense}});
  }
  return out;
}

Json funding(const std::vector<model::Funding> &list, const ReferenceData &data) {
  Json out = Json::array();
  for (const auto &f : list) {
    Json settings = Json::array();
    for (const auto &s : f.settings) {
      settings.push_back(s.value);
    }
    out.push_back(Json{{"kind", f.kind},
                       {"status", f.status},
                       {"coverage", optional_text(f.coverage)},
                       {"amount", f.amount ? Json(*f.amount) : Json(nullptr)},
                       {"currency", optional_text(f.currency)},
                       {"settings", settings},
                       {"region", optional_text(f.region)},
                       {"text", describe_funding(f, data)}});
  }
  return out;
}

} // namespace

std::string export_json(const model::Programme &p, const ReferenceData &data,
                        const Diagnostics &findings) {
  // Written member by member: the route map and the published figures grow with the input, and
  // as one DOM they took about six times the size of the text they print.
  std::string out;
  markup::JsonStream j(out);
  j.open('{');
  j.member("npq_export", 2);
  j.member("kind", "programme");
  j.member("file", p.doc.file);
  j.member("id", optional_text(p.id));
  j.member("title", p.title);
  const auto *q = data.qualification(p.qualification.value);
  j.member("qualification",
           Json{{"code", p.qualification.value},
                {"identifier", q != nullptr ? optional_text(q->identifier) : Json(nullptr)},
                {"name", q != nullptr ? Json(q->name) : Json(nullptr)},
                {"group", q != nullptr ? Json(q->group) : Json(nullptr)}});
  j.member("provider", optional_text(p.provider));
  j.member("delivery_partner", optional_text(p.delivery_partner));
  const auto *framework = p.framework ? data.framework(p.framework->value) : nullptr;
  j.member("framework", framework == nullptr ? Json(nullptr)
                                             : Json{{"id", framework->id},
                                                    {"title", framework->title},
                                                    {"provisional", framework->provisional}});
  j.member("source", Json{{"title", p.source.title},
                          {"url", optional_text(p.source.url)},
                          {"document", optional_text(p.source.document)},
                          {"published", optional_text(p.source.published)}});
  Json roles = Json::array();
  for (const auto &r : p.audience.roles) {
    roles.push_back(r.value);
  }
  j.member("audience",
           Json{{"description", optional_text(p.audience.description)}, {"roles", roles}});
  j.member("funding", funding(p.funding, data));
  j.member("duration", duration(p.duration, false));
  Json starts = Json::array();
  for (const auto &s : p.starts) {
    starts.push_back(s.date.value);
  }
  j.member("starts", starts);
  j.member("announcements", announcements(p.announcements));
  if (p.route_map.present) {
    analysis::Totals totals(p);
    j.key("route_map");
    j.open('{');
    j.member("period_kind", p.route_map.period_kind);
    j.key("periods");
    j.open('[');
    for (std::size_t i = 0; i < p.route_map.periods.size(); ++i) {
      const auto &period = p.route_map.periods[i];
      j.open('{');
      j.member("id", period.id);
      j.member("title", period.title);
      j.member("kind", period.kind);
      j.member("elective", totals.electives().count(static_cast<int>(i)) != 0);
      j.member("hours",
               interval(totals.within(static_cast<int>(i), analysis::Selector::all()).hours));
      j.key("activities");
      j.open('[');
      for (const auto &a : period.activities) {
        j.value(activity(a));
      }
      j.close();
      j.close();
    }
    j.close();
    auto list = [&](const char *key, const std::vector<model::Activity> &activities) {
      j.key(key);
      j.open('[');
      for (const auto &a : activities) {
        j.value(activity(a));
      }
      j.close();
    };
    list("throughout", p.route_map.throughout);
    list("before", p.route_map.before);
    list("after", p.route_map.after);
    j.key("choices");
    j.open('[');
    for (const auto &c : p.route_map.choices) {
      Json from = Json::array();
      for (const auto &r : c.from) {
        from.push_back(r.value);
      }
      j.value(Json{{"id", c.id}, {"choose", c.choose}, {"from", from}});
    }
    j.close();
    j.close();
    auto hours = build_hours_report(p);
    Json by_kind = Json::object();
    for (std::size_t i = 0; i < hours.kinds.size(); ++i) {
      by_kind[hours.kinds[i]] = interval(hours.programme.by_kind[i]);
    }
    Json delivery = Json::array();
    for (const auto &s : hours.delivery) {
      delivery.push_back(
          Json{{"dimension", s.dimension}, {"value", s.value}, {"hours", interval(s.hours)}});
    }
    j.member("totals", Json{{"programme", interval(hours.programme.total)},
                            {"by_kind", by_kind},
                            {"by_delivery", delivery}});
    j.key("published");
    j.open('[');
    for (const auto &f : hours.published) {
      j.value(Json{{"label", f.label},
                   {"figure", f.figure},
                   {"period", optional_text(f.period)},
                   {"published", f.published},
                   {"route_map", f.route_map},
                   {"verdict", f.verdict},
                   {"condition", optional_text(f.condition)},
                   {"inferred", optional_text(f.inferred)},
                   {"line", f.line}});
    }
    j.close();
    j.member("conflicts", Json(hours.conflicts));
  } else {
    j.member("route_map", nullptr);
    j.member("totals", nullptr);
    j.member("published", Json::array());
    j.member("conflicts", Json::array());
  }
  auto coverage = build_coverage_report(p, data);
  Json areas = Json::array();
  for (const auto &row : coverage.rows) {
    areas.push_back(Json{{"id", row.area_id}, {"title", row.area_title}, {"status", row.status}});
  }
  j.member("coverage", Json{{"problem", optional_text(coverage.problem)}, {"areas", areas}});
  j.member("assessment", assessment(p.assessment));
  j.member("findings", findings_json(findings));
  j.close();
  out += '\n';
  return out;
}

std::string export_json(const model::Suite &s, const ReferenceData &data,
                        const Diagnostics &findings) {
  Json j;
  j["npq_export"] = 2;
  j["kind"] = "suite";
  j["file"] = s.doc.file;
  j["id"] = optional_text(s.id);
  j["title"] = s.title;
  j["provider"] = s.provider;
  j["delivery_partner"] = optional_text(s.delivery_partner);
  Json groups = Json::array();
  for (const auto &g : s.groups) {
    Json members = Json::array();
    for (const auto &m : g.members) {
      const auto *q = data.qualification(m.qualification.value);
      members.push_back(
          Json{{"qualification", m.qualification.value},
               {"title", optional_text(m.title)},
               {"group", q != nullptr ? Json(q->group) : Json(nullptr)},
               {"taught_months",
                q != nullptr && q->taught_months ? Json(*q->taught_months) : Json(nullptr)}});
    }
    groups.push_back(
        Json{{"id", g.id},
             {"title", g.title},
             {"declared_count", g.declared_count ? Json(*g.declared_count) : Json(nullptr)},
             {"described_as", optional_text(g.described_as)},
             {"members", members}});
  }
  j["groups"] = groups;
  Json activities = Json::array();
  for (const auto &a : s.common_activities) {
    activities.push_back(activity(a));
  }
  j["common_activities"] = activities;
  j["funding"] = funding(s.common_funding, data);
  j["duration"] = duration(s.common_duration, true);
  j["announcements"] = announcements(s.announcements);
  j["assessment"] = assessment(s.common_assessment);
  j["findings"] = findings_json(findings);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace npq::report
