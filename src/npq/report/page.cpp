#include "npq/report/page.hpp"

#include "npq/analysis/totals.hpp"
#include "npq/report/glossary.hpp"
#include "npq/report/labels.hpp"
#include "npq/report/page_parts.hpp"
#include "npq/report/profile.hpp"
#include "npq/report/routemap.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace npq::report {

namespace {

namespace g = glossary;

std::string source_text(const model::Source &s) {
  return join({s.title, s.published.empty() ? "" : "published " + s.published}, ", ");
}

std::string roles(const model::Audience &a, const ReferenceData &data) {
  std::vector<std::string> out;
  for (const auto &r : a.roles) {
    out.push_back(role_label(data, r.value));
  }
  return join(out, ", ");
}

std::string funding(const std::vector<model::Funding> &funding, const ReferenceData &data,
                    const model::DocumentInfo &doc) {
  std::vector<std::string> lines;
  lines.reserve(funding.size());
  for (const auto &f : funding) {
    lines.push_back(parts::marked(doc, g::funding(f, data), f.loc.pointer));
  }
  return join(lines, "; ");
}

// "take part in at least 90% of the live sessions": the threshold with what it is a percentage
// of, which is not the whole course unless the provider says so.
std::string engagement(const model::Assessment &a) {
  std::string percent = analysis::number(*a.engagement_threshold) + "%";
  return a.engagement_scope.empty()
             ? "take part in at least " + percent + "; the provider does not say of what"
             : "take part in at least " + percent + " of " + a.engagement_scope;
}

PageSection assessment(const model::Assessment &a, const model::Framework *framework,
                       const model::DocumentInfo &doc) {
  PageFacts facts;
  // `key`: where the value is written under 'assessment', to mark what was inferred.
  std::string at = a.loc.pointer;
  auto add = [&](const char *label, const std::string &value,
                 std::initializer_list<const char *> keys) {
    if (value.empty()) {
      return;
    }
    std::string said = value;
    for (const char *key : keys) {
      if (said == value) {
        said = parts::marked(doc, value, at + "/" + key);
      }
    }
    facts.items.emplace_back(label, said);
  };
  add("Kind", a.kind.empty() ? "" : label(a.kind), {"kind"});
  add("What it is", g::capitalise(a.description), {"description"});
  if (a.window) {
    add("How long you have",
        model::to_string(*a.window) + (a.open_book && *a.open_book ? ", open book" : ""),
        {"window", "open-book"});
  }
  add("When", g::assessment_timing(a), {"timing"});
  if (a.engagement_threshold) {
    add("To qualify", engagement(a), {"engagement-threshold"});
  }
  if (a.word_limit) {
    add("Word limit", fmt::format("{} words", *a.word_limit), {"word-limit"});
  }
  for (std::size_t i = 0; i < a.parts.size(); ++i) {
    const auto &part = a.parts[i];
    std::string what = join({part.description, parts::covers(part.assesses, framework)}, ": ");
    facts.items.emplace_back(part.title.empty() ? part.id : part.title,
                             parts::marked(doc, what.empty() ? std::string("not described") : what,
                                           fmt::format("{}/parts/{}", at, i)));
  }
  add("Assessed by", a.assessor, {"assessor"});
  return PageSection{2, std::string(g::kAssessment), {std::move(facts)}};
}

// How the programme is delivered, as schema.org's courseMode: from the places the route map
// states (in every slot: before the programme, its periods, throughout, after), and from kinds
// whose place is their meaning (a face-to-face event, a webinar). A place the encoder inferred is
// left out: search engines cannot be told it is a reading.
std::vector<std::string> course_modes(const model::Programme &p) {
  std::set<std::string> places;
  auto add = [&](const model::Activity &a) {
    if (!a.loc.pointer.empty() && !parts::inferred(p.doc, a.loc.pointer + "/delivery").empty()) {
      return;
    }
    std::string mode = a.delivery.mode;
    if (mode.empty() && (a.kind == "face-to-face-event" || a.kind == "school-visit" ||
                         a.kind == "placement" || a.kind == "practical-learning")) {
      mode = "face-to-face";
    }
    if (mode.empty() && (a.kind == "webinar" || a.kind == "online-learning")) {
      mode = "online";
    }
    if (mode == "blended") {
      places.insert("online");
      places.insert("onsite");
    } else if (mode == "online") {
      places.insert("online");
    } else if (!mode.empty()) {
      places.insert("onsite");
    }
  };
  for (const auto &period : p.route_map.periods) {
    for (const auto &a : period.activities) {
      add(a);
    }
  }
  for (const auto *slot : {&p.route_map.before, &p.route_map.throughout, &p.route_map.after}) {
    for (const auto &a : *slot) {
      add(a);
    }
  }
  for (const auto &c : p.summary.categories) {
    for (const auto &k : c.kinds) {
      model::Activity a;
      a.kind = k.value;
      add(a);
    }
  }
  if (places.size() == 2) {
    return {"Blended"};
  }
  if (places.count("online") != 0) {
    return {"Online"};
  }
  if (places.count("onsite") != 0) {
    return {"Onsite"};
  }
  return {};
}

// ISO 8601 for schema.org: "P18M", "P1Y"; empty for units it has no letter for (terms).
std::string iso_duration(const model::DurationBlock &d) {
  if (!d.nominal) {
    return {};
  }
  const auto &q = *d.nominal;
  std::string value = analysis::number(q.value);
  if (q.unit == "month") {
    return "P" + value + "M";
  }
  if (q.unit == "year") {
    return "P" + value + "Y";
  }
  if (q.unit == "week") {
    return "P" + value + "W";
  }
  if (q.unit == "day") {
    return "P" + value + "D";
  }
  return {};
}

// schema.org data states facts, with no room to say "inferred": a value the encoder inferred is
// left out (and reported as not published where Google requires it), never passed off as read.
CourseData course(const model::Programme &p, const ReferenceData &data,
                  const model::Qualification *q, const analysis::Judgement &j,
                  const std::string &total) {
  auto read = [&](const std::string &value, const std::string &key) {
    return parts::inferred(p.doc, key).empty() ? value : std::string();
  };
  CourseData c;
  c.name = p.title;
  c.description = p.description.empty() ? read(p.audience.description, "/audience/description")
                                        : read(p.description, "/description");
  c.provider = read(p.provider, "/provider");
  c.credential = g::qualification(q, p.qualification.value);
  for (const auto &f : p.funding) {
    if (!parts::inferred(p.doc, f.loc.pointer).empty()) {
      continue;
    }
    CourseOffer o;
    std::vector<std::string> who;
    for (const auto &s : f.settings) {
      who.push_back(setting_label(data, s.value));
    }
    o.description = g::funding(f, data);
    if (f.kind == "scholarship" && f.coverage != "partial" && f.status != "suspended") {
      o.category = "Free";
      o.price = 0;
      o.currency = "GBP";
    } else if (f.kind == "scholarship") {
      continue; // a partial or suspended scholarship is no offer of its own
    } else {
      o.category = "Paid";
      o.price = f.amount;
      o.currency = f.currency.empty() ? "GBP" : f.currency;
    }
    c.offers.push_back(std::move(o));
  }
  c.modes = course_modes(p);
  // The workload as an ISO duration only when the total is one published, confirmed figure.
  c.workload = total;
  for (const auto &f : j.figures) {
    if (f.kind == analysis::Figure::Kind::programme_total &&
        f.verdict == analysis::Verdict::confirmed && f.published.is_exact() && f.inferred.empty()) {
      c.workload = "PT" + analysis::number(f.published.low) + "H";
    }
  }
  if (j.figures.empty() && p.route_map.present) {
    analysis::Totals totals(p);
    auto whole = totals.programme(analysis::Selector::all());
    auto t = whole.hours;
    if (t.is_exact() && parts::inferred_part(whole, p.doc).empty()) {
      c.workload = "PT" + analysis::number(t.low) + "H";
    }
  }
  c.duration = parts::inferred(p.doc, "/duration").empty() ? iso_duration(p.duration) : "";
  return c;
}

// The total in a few words, for the picture: "75 hours as published, not confirmed".
std::string short_total(const model::Programme &p, const analysis::Totals &totals,
                        const analysis::Judgement &j) {
  for (const auto &f : j.figures) {
    if (f.kind == analysis::Figure::Kind::programme_total) {
      return g::hours(f.published) + " " + parts::figure_words(f, p) +
             (f.verdict == analysis::Verdict::confirmed ? "" : ", not confirmed");
    }
  }
  if (!p.route_map.present) {
    // No route map: only what the summary publishes ("face-to-face sessions: 8 days").
    std::vector<std::string> said;
    for (const auto &c : p.summary.categories) {
      if (c.days) {
        said.push_back(c.label + ": " + parts::marked(p.doc, g::days(*c.days), c.days_loc.pointer));
      }
    }
    return join(said, "; ");
  }
  auto whole = totals.programme(analysis::Selector::all());
  auto t = whole.hours;
  if (!j.route_map_alone && p.summary.present && j.programme.bounded() && !t.bounded()) {
    t.high = j.programme.high;
    t.unpublished = 0;
  }
  return g::hours(t) + parts::inferred_part(whole, p.doc);
}

// A member's page name from its programme file, percent-encoded: a file name is user text, and
// only these characters are safe in a Markdown link and an HTML attribute alike.
std::string stem(const std::string &file) {
  std::string out;
  for (unsigned char c : std::filesystem::path(file).stem().string()) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.' || c == '~';
    out += safe ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

} // namespace

std::string PageCell::text() const {
  std::string out;
  for (const auto &p : pieces) {
    out += p.text;
  }
  return out;
}

Page build_page(const model::Programme &p, const ReferenceData &data, const PageOptions &options) {
  Page page;
  page.title = p.title;
  page.description = p.description;
  page.source_file = p.doc.file;
  const model::Framework *framework = p.framework ? data.framework(p.framework->value) : nullptr;
  const model::Qualification *q = data.qualification(p.qualification.value);
  analysis::Totals totals(p);
  auto j = analysis::judge(p, totals, options.figures);
  std::string total = total_statement(p, options.figures);

  PageFacts facts;
  // `key`: where the value is written, so that a value the encoder inferred says so; "" for
  // values marked piece by piece (the cost, line by line) or not read from one place.
  auto add = [&](const char *label, const std::string &value, const std::string &key) {
    if (!value.empty()) {
      facts.items.emplace_back(label, key.empty() ? value : parts::marked(p.doc, value, key));
    }
  };
  add("Qualification", g::qualification(q, p.qualification.value), "/qualification");
  add("Provider", p.provider, "/provider");
  add("Delivery partner", p.delivery_partner, "/delivery-partner");
  if (framework != nullptr) {
    add("Framework", framework->title, "/framework");
  }
  add("Duration", g::duration(p.duration), "/duration");
  std::vector<std::string> starts;
  for (const auto &s : p.starts) {
    starts.push_back(parts::marked(p.doc, s.label.empty() ? s.date.value : s.label, s.loc.pointer));
  }
  add("Starts", join(starts, "; "), "");
  add("Who it is for", p.audience.description, "/audience/description");
  add("Roles", roles(p.audience, data), "/audience/roles");
  add("Cost", funding(p.funding, data, p.doc), "");
  add("Total hours", total, ""); // total_statement says whether the total was inferred
  add("Source", source_text(p.source), "/source");
  page.sections.push_back(PageSection{2, std::string(g::kAtAGlance), {std::move(facts)}});

  if (options.allow_contradictions) {
    // Published anyway, at the provider's request: the contradictions are on the page.
    auto found = contradictions(p, options.figures);
    if (!found.empty()) {
      PageList list;
      for (auto &c : found) {
        list.items.push_back({PageText(std::move(c))});
      }
      page.sections.push_back(PageSection{2, std::string(g::kDisagree), {std::move(list)}});
    }
  }
  if (p.route_map.present || p.summary.present) {
    page.sections.push_back(parts::hours_summary(p, totals, j));
  }
  if (p.route_map.present) {
    page.sections.push_back(PageSection{2, std::string(g::kRouteMap), {PagePicture{}}});
    for (auto &s : parts::route_map_sections(p, totals, framework)) {
      page.sections.push_back(std::move(s));
    }
    page.picture = parts::route_map_picture(p, totals, j, short_total(p, totals, j));
  } else {
    // No route map: the picture says so rather than drawing nothing.
    page.picture.title = p.title;
    std::string published = short_total(p, totals, j);
    page.picture.total = "The provider publishes no route map for this programme" +
                         (published.empty() ? std::string(".") : "; " + published + ".");
    page.picture.description = "The provider publishes no route map for " + p.title + ".";
  }
  if (!p.topics.empty()) {
    PageList list;
    for (const auto &t : p.topics) {
      std::string line = join({t.title, t.description}, ": ");
      std::string c = parts::covers(t.covers, framework);
      if (!c.empty() && c != t.title) {
        line += " (framework area: " + c + ")";
      }
      list.items.push_back({line});
    }
    page.sections.push_back(PageSection{2, std::string(g::kLearn), {std::move(list)}});
  }
  if (!p.behaviours.empty()) {
    PageList list;
    for (const auto &b : p.behaviours) {
      list.items.push_back({join({b.title.empty() ? b.id.value : b.title, b.description}, ": ")});
    }
    page.sections.push_back(PageSection{2, std::string(g::kBehaviours), {std::move(list)}});
  }
  if (p.assessment.present) {
    page.sections.push_back(assessment(p.assessment, framework, p.doc));
  }
  page.course = course(p, data, q, j, short_total(p, totals, j));
  return page;
}

Page build_page(const model::Suite &s, const ReferenceData &data, const PageOptions &options) {
  Page page;
  page.suite = true;
  page.title = s.title;
  page.description = s.description;
  page.source_file = s.doc.file;
  PageFacts facts;
  auto add = [&](const char *label, const std::string &value) {
    if (!value.empty()) {
      facts.items.emplace_back(label, value);
    }
  };
  add("Provider", parts::marked(s.doc, s.provider, "/provider"));
  add("Delivery partner", parts::marked(s.doc, s.delivery_partner, "/delivery-partner"));
  add("Duration",
      parts::marked(s.doc, g::duration(s.common_duration), s.common_duration.loc.pointer));
  add("Cost", funding(s.common_funding, data, s.doc));
  add("Source", parts::marked(s.doc, source_text(s.source), "/source"));
  page.sections.push_back(PageSection{2, std::string(g::kAtAGlance), {std::move(facts)}});

  for (const auto &group : s.groups) {
    PageTable t;
    t.caption = group.title;
    t.columns = {"Qualification", "Who it is for", "Taught over", "Pages"};
    for (const auto &m : group.members) {
      const auto *q = data.qualification(m.qualification.value);
      std::vector<PageCell> row{
          m.title.empty() ? g::qualification(q, m.qualification.value) : m.title,
          m.audience.description,
          q != nullptr && q->taught_months ? fmt::format("{} months", *q->taught_months)
                                           : std::string()};
      if (!m.programme.empty()) {
        // The member's pages sit beside this one, named after its programme file.
        std::string name = stem(m.programme);
        row.emplace_back(
            std::vector<PageText>{{"programme page", name + "." + options.link_extension},
                                  PageText(", "),
                                  {"route map picture", name + ".svg"},
                                  PageText(", "),
                                  {"course data (schema.org)", name + ".jsonld"}});
      }
      t.rows.push_back(std::move(row));
    }
    parts::drop_empty_columns(t, false);
    page.sections.push_back(PageSection{2, group.title, {std::move(t)}});
  }
  if (!s.common_activities.empty()) {
    std::vector<const model::Activity *> acts;
    for (const auto &a : s.common_activities) {
      acts.push_back(&a);
    }
    page.sections.push_back(parts::common_hours(acts));
    parts::Inferences inferences{&s.doc, {}};
    PageSection every{
        2,
        std::string(g::kEveryProgramme),
        {parts::activity_table(acts, nullptr, std::string(g::kEveryProgramme), inferences)}};
    inferences.add_notes(every.blocks);
    page.sections.push_back(std::move(every));
  }
  if (s.common_assessment.present) {
    page.sections.push_back(assessment(s.common_assessment, nullptr, s.doc));
  }
  return page;
}

} // namespace npq::report
