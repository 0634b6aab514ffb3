#include "npq/model/build.hpp"

#include "npq/text/pointer.hpp"
#include "npq/yaml/load.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unordered_set>

namespace npq::model {

namespace {

using yaml::Node;

// Reads values out of a structurally valid tree; every accessor tolerates a missing key.
class Reader {
public:
  Reader(const SourceFile &source) : m_source(source) {}

  Loc loc(const Node &node, const std::string &pointer) const {
    auto p = m_source.position(node.offset);
    return Loc{p.line, p.column, pointer};
  }

  /// Where `key` is written in `map` (the line a reader looks at for "the assessment").
  Loc key_loc(const Node &map, std::string_view key, const std::string &pointer) const {
    const Node *k = map.key_node(key);
    return k != nullptr ? loc(*k, pointer) : Loc{0, 0, pointer};
  }

  static std::string join(const std::string &base, std::string_view key) {
    return base + "/" + escape_pointer_segment(key);
  }
  static std::string join(const std::string &base, std::size_t index) {
    return base + "/" + std::to_string(index);
  }

  static std::string text(const Node *map, std::string_view key) {
    if (map == nullptr) {
      return {};
    }
    const Node *n = map->get(key);
    return (n != nullptr && n->is_scalar()) ? n->text : std::string();
  }

  std::optional<Ref> ref(const Node *map, std::string_view key, const std::string &base) const {
    if (map == nullptr) {
      return std::nullopt;
    }
    const Node *n = map->get(key);
    if (n == nullptr || !n->is_scalar()) {
      return std::nullopt;
    }
    return Ref{n->text, loc(*n, join(base, key))};
  }

  static std::optional<double> number(const Node *map, std::string_view key) {
    if (map == nullptr) {
      return std::nullopt;
    }
    const Node *n = map->get(key);
    double v = 0;
    if (n == nullptr || !yaml::parse_number(*n, v)) {
      return std::nullopt;
    }
    return v;
  }

  static std::optional<int> integer(const Node *map, std::string_view key) {
    auto v = number(map, key);
    if (!v || !std::isfinite(*v) || std::fabs(*v) > 1e9) {
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  static std::optional<bool> boolean(const Node *map, std::string_view key) {
    if (map == nullptr) {
      return std::nullopt;
    }
    const Node *n = map->get(key);
    if (n == nullptr || yaml::scalar_type(*n) != yaml::ScalarType::boolean) {
      return std::nullopt;
    }
    return n->text == "true" || n->text == "True" || n->text == "TRUE";
  }

  static std::vector<std::string> texts(const Node *map, std::string_view key) {
    std::vector<std::string> out;
    const Node *n = map != nullptr ? map->get(key) : nullptr;
    if (n != nullptr && n->is_sequence()) {
      for (const Node *item : n->items) {
        if (item->is_scalar()) {
          out.push_back(item->text);
        }
      }
    }
    return out;
  }

  std::vector<Ref> refs(const Node *map, std::string_view key, const std::string &base) const {
    std::vector<Ref> out;
    const Node *n = map != nullptr ? map->get(key) : nullptr;
    if (n != nullptr && n->is_sequence()) {
      std::string p = join(base, key);
      for (std::size_t i = 0; i < n->items.size(); ++i) {
        if (n->items[i]->is_scalar()) {
          out.push_back(Ref{n->items[i]->text, loc(*n->items[i], join(p, i))});
        }
      }
    }
    return out;
  }

  std::optional<Hours> hours(const Node *map, std::string_view key, const std::string &base) const {
    const Node *n = map != nullptr ? map->get(key) : nullptr;
    if (n == nullptr) {
      return std::nullopt;
    }
    Hours h;
    h.loc = loc(*n, join(base, key));
    double v = 0;
    if (n->is_scalar() && yaml::parse_number(*n, v)) {
      h.form = Hours::Form::exact;
      h.low = h.high = v;
    } else if (n->is_mapping()) {
      if (auto a = number(n, "at-least")) {
        h.form = Hours::Form::at_least, h.low = *a, h.high = HUGE_VAL;
      } else if (auto u = number(n, "up-to")) {
        h.form = Hours::Form::up_to, h.low = 0, h.high = *u;
      } else if (auto ab = number(n, "about")) {
        h.form = Hours::Form::about, h.low = h.high = *ab;
      } else {
        h.form = Hours::Form::range;
        h.low = number(n, "from").value_or(0);
        h.high = number(n, "to").value_or(HUGE_VAL);
      }
    } else {
      h.form = Hours::Form::not_published, h.low = 0, h.high = HUGE_VAL;
    }
    return h;
  }

  std::optional<Quantity> quantity(const Node *map, std::string_view key,
                                   const std::string &base) const {
    const Node *n = map != nullptr ? map->get(key) : nullptr;
    if (n == nullptr || !n->is_scalar()) {
      return std::nullopt;
    }
    return parse_quantity(n->text, loc(*n, join(base, key)));
  }

  Coverage coverage(const Node *map, std::string_view key, const std::string &base) const {
    Coverage c;
    const Node *n = map != nullptr ? map->get(key) : nullptr;
    if (n == nullptr) {
      return c;
    }
    c.present = true;
    c.loc = loc(*n, join(base, key));
    if (n->is_scalar()) {
      c.all = n->text == "all";
    } else {
      c.areas = refs(map, key, base);
    }
    return c;
  }

  Delivery delivery(const Node *map) const {
    const Node *n = map != nullptr ? map->get("delivery") : nullptr;
    return Delivery{text(n, "synchrony"), text(n, "facilitation"), text(n, "mode")};
  }

  Activity activity(const Node &n, const std::string &p, int period) const {
    Activity a;
    a.id = text(&n, "id");
    a.title = text(&n, "title");
    a.kind = text(&n, "kind");
    a.hours = hours(&n, "hours", p).value_or(Hours{});
    a.count = integer(&n, "count").value_or(1);
    a.delivery = delivery(&n);
    a.covers = coverage(&n, "covers", p);
    a.description = text(&n, "description");
    a.quote = text(&n, "quote");
    a.period = period;
    a.loc = loc(n, p);
    return a;
  }

  std::vector<Activity> activities(const Node *map, std::string_view key, const std::string &base,
                                   int period) const {
    std::vector<Activity> out;
    const Node *n = map != nullptr ? map->get(key) : nullptr;
    if (n != nullptr && n->is_sequence()) {
      std::string p = join(base, key);
      out.reserve(n->items.size());
      for (std::size_t i = 0; i < n->items.size(); ++i) {
        out.push_back(activity(*n->items[i], join(p, i), period));
      }
    }
    return out;
  }

  template <typename F>
  void each(const Node *map, std::string_view key, const std::string &base, F f) const {
    const Node *n = map != nullptr ? map->get(key) : nullptr;
    if (n != nullptr && n->is_sequence()) {
      std::string p = join(base, key);
      for (std::size_t i = 0; i < n->items.size(); ++i) {
        f(*n->items[i], join(p, i));
      }
    }
  }

  Source source(const Node *map, const std::string &base) const {
    Source s;
    const Node *n = map != nullptr ? map->get("source") : nullptr;
    if (n == nullptr) {
      return s;
    }
    std::string p = join(base, "source");
    s.title = text(n, "title");
    s.publisher = text(n, "publisher");
    s.url = text(n, "url");
    if (auto d = ref(n, "document", p)) {
      s.document = d->value;
      s.document_loc = d->loc;
    }
    if (auto d = ref(n, "published", p)) {
      s.published = d->value;
      s.published_loc = d->loc;
    }
    s.retrieved = text(n, "retrieved");
    s.loc = key_loc(*map, "source", p);
    return s;
  }

  Audience audience(const Node *map, const std::string &base) const {
    Audience a;
    const Node *n = map != nullptr ? map->get("audience") : nullptr;
    if (n == nullptr) {
      return a;
    }
    std::string p = join(base, "audience");
    a.present = true;
    a.description = text(n, "description");
    a.roles = refs(n, "roles", p);
    a.settings = refs(n, "settings", p);
    a.requirements = texts(n, "requirements");
    a.notes = texts(n, "notes");
    a.loc = key_loc(*map, "audience", p);
    return a;
  }

  std::vector<Funding> funding(const Node *map, const std::string &base) const {
    std::vector<Funding> out;
    each(map, "funding", base, [&](const Node &n, const std::string &p) {
      Funding f;
      f.kind = text(&n, "kind");
      f.status = text(&n, "status");
      if (f.status.empty()) {
        f.status = "available";
      }
      f.coverage = text(&n, "coverage");
      f.amount = number(&n, "amount");
      f.currency = text(&n, "currency");
      f.settings = refs(&n, "settings", p);
      f.region = text(&n, "region");
      f.includes = texts(&n, "includes");
      f.conditions = texts(&n, "conditions");
      f.from = ref(&n, "from", p);
      f.until = ref(&n, "until", p);
      f.quote = text(&n, "quote");
      f.loc = loc(n, p);
      out.push_back(std::move(f));
    });
    return out;
  }

  DurationBlock duration(const Node *map, const std::string &base) const {
    DurationBlock d;
    const Node *n = map != nullptr ? map->get("duration") : nullptr;
    if (n == nullptr) {
      return d;
    }
    std::string p = join(base, "duration");
    d.present = true;
    d.nominal = quantity(n, "nominal", p);
    d.minimum = quantity(n, "minimum", p);
    d.maximum = quantity(n, "maximum", p);
    d.including_assessment = quantity(n, "including-assessment", p);
    each(n, "spans", p, [&](const Node &sn, const std::string &sp) {
      Span span;
      span.of = text(&sn, "of");
      span.length = quantity(&sn, "length", sp);
      span.at_least = quantity(&sn, "at-least", sp);
      span.up_to = quantity(&sn, "up-to", sp);
      span.loc = loc(sn, sp);
      d.spans.push_back(std::move(span));
    });
    d.varies_by = text(n, "varies-by");
    d.loc = key_loc(*map, "duration", p);
    return d;
  }

  std::vector<Announcement> announcements(const Node *map, const std::string &base) const {
    std::vector<Announcement> out;
    each(map, "announcements", base, [&](const Node &n, const std::string &p) {
      Announcement a;
      a.kind = text(&n, "kind");
      a.what = text(&n, "what");
      a.date = ref(&n, "date", p);
      a.tense = text(&n, "tense");
      a.quote = text(&n, "quote");
      a.loc = loc(n, p);
      out.push_back(std::move(a));
    });
    return out;
  }

  Assessment assessment(const Node *map, const std::string &base) const {
    Assessment a;
    const Node *n = map != nullptr ? map->get("assessment") : nullptr;
    if (n == nullptr) {
      return a;
    }
    std::string p = join(base, "assessment");
    a.present = true;
    a.kind = text(n, "kind");
    a.description = text(n, "description");
    a.window = quantity(n, "window", p);
    a.open_book = boolean(n, "open-book");
    if (const Node *t = n->get("timing")) {
      a.timing_starts = text(t, "starts");
      a.timing_within = quantity(t, "within", join(p, "timing"));
    }
    a.parts = parts(n, "parts", p);
    if (const Node *e = n->get("engagement-threshold"); e != nullptr && e->is_mapping()) {
      // {percent: 90, of: attendance at the live sessions}
      std::string ep = join(p, "engagement-threshold");
      a.engagement_threshold = number(e, "percent");
      a.engagement_scope = text(e, "of");
      const Node *percent = e->get("percent");
      a.engagement_loc = percent != nullptr ? loc(*percent, join(ep, "percent")) : loc(*e, ep);
    } else {
      a.engagement_threshold = number(n, "engagement-threshold");
      if (e != nullptr) {
        a.engagement_loc = loc(*e, join(p, "engagement-threshold"));
      }
    }
    a.word_limit = integer(n, "word-limit");
    a.assessor = text(n, "assessor");
    a.loc = key_loc(*map, "assessment", p);
    return a;
  }

  std::vector<AssessmentPart> parts(const Node *map, std::string_view key,
                                    const std::string &base) const {
    std::vector<AssessmentPart> out;
    each(map, key, base, [&](const Node &n, const std::string &p) {
      AssessmentPart part;
      part.id = text(&n, "id");
      part.title = text(&n, "title");
      part.assesses = coverage(&n, "assesses", p);
      part.description = text(&n, "description");
      part.loc = loc(n, p);
      out.push_back(std::move(part));
    });
    return out;
  }

  RouteMap route_map(const Node *map, const std::string &base) const {
    RouteMap r;
    const Node *n = map != nullptr ? map->get("route-map") : nullptr;
    if (n == nullptr) {
      return r;
    }
    std::string p = join(base, "route-map");
    r.present = true;
    r.period_kind = text(n, "period-kind");
    r.period_length = quantity(n, "period-length", p);
    r.loc = key_loc(*map, "route-map", p);
    each(n, "periods", p, [&](const Node &pn, const std::string &pp) {
      Period period;
      period.id = text(&pn, "id");
      period.title = text(&pn, "title");
      period.kind = text(&pn, "kind");
      if (period.kind.empty()) {
        period.kind = r.period_kind;
      }
      period.length = quantity(&pn, "length", pp);
      if (!period.length) {
        period.length = r.period_length;
      }
      period.covers = coverage(&pn, "covers", pp);
      period.description = text(&pn, "description");
      period.topics = texts(&pn, "topics");
      period.activities = activities(&pn, "activities", pp, static_cast<int>(r.periods.size()));
      period.quote = text(&pn, "quote");
      period.loc = loc(pn, pp);
      r.periods.push_back(std::move(period));
    });
    r.throughout = activities(n, "throughout", p, kThroughout);
    r.before = activities(n, "before", p, kBefore);
    r.after = activities(n, "after", p, kAfter);
    each(n, "choices", p, [&](const Node &cn, const std::string &cp) {
      Choice c;
      c.id = text(&cn, "id");
      c.title = text(&cn, "title");
      c.choose = integer(&cn, "choose").value_or(1);
      if (const Node *ch = cn.get("choose")) {
        c.choose_loc = loc(*ch, join(cp, "choose"));
      }
      c.from = refs(&cn, "from", cp);
      c.loc = loc(cn, cp);
      r.choices.push_back(std::move(c));
    });
    return r;
  }

  Summary summary(const Node *map, const std::string &base) const {
    Summary s;
    const Node *n = map != nullptr ? map->get("summary") : nullptr;
    if (n == nullptr) {
      return s;
    }
    std::string p = join(base, "summary");
    s.present = true;
    s.periods = refs(n, "periods", p);
    s.total_hours = hours(n, "total-hours", p);
    s.period_count = integer(n, "period-count");
    if (const Node *pc = n->get("period-count")) {
      s.period_count_loc = loc(*pc, join(p, "period-count"));
    }
    s.hours_per_day = number(n, "hours-per-day");
    s.partial = boolean(n, "partial").value_or(false);
    s.loc = key_loc(*map, "summary", p);
    each(n, "categories", p, [&](const Node &cn, const std::string &cp) {
      Category c;
      c.label = text(&cn, "label");
      c.kinds = refs(&cn, "kinds", cp);
      c.activities = refs(&cn, "activities", cp);
      c.periods = refs(&cn, "periods", cp);
      c.total_hours = hours(&cn, "total-hours", cp);
      c.hours_per_period = hours(&cn, "hours-per-period", cp);
      c.count = integer(&cn, "count");
      if (const Node *k = cn.get("count")) {
        c.count_loc = loc(*k, join(cp, "count"));
      }
      c.count_per_period = integer(&cn, "count-per-period");
      if (const Node *k = cn.get("count-per-period")) {
        c.count_per_period_loc = loc(*k, join(cp, "count-per-period"));
      }
      c.hours_each = hours(&cn, "hours-each", cp);
      c.days = number(&cn, "days");
      if (const Node *d = cn.get("days")) {
        c.days_loc = loc(*d, join(cp, "days"));
      }
      c.notes = texts(&cn, "notes");
      c.quote = text(&cn, "quote");
      c.loc = loc(cn, cp);
      each(&cn, "hours-by-period", cp, [&](const Node &sn, const std::string &sp) {
        Category::Split split;
        split.periods = refs(&sn, "periods", sp);
        if (auto h = hours(&sn, "hours", sp)) {
          split.hours = *h;
        }
        c.hours_by_period.push_back(std::move(split));
      });
      c.hours_per_week = hours(&cn, "hours-per-week", cp);
      c.weeks = number(&cn, "weeks");
      if (const Node *w = cn.get("weeks")) {
        c.weeks_loc = loc(*w, join(cp, "weeks"));
      }
      c.when = text(&cn, "when");
      if (const Node *w = cn.get("when")) {
        c.when_loc = loc(*w, join(cp, "when"));
      }
      c.periods_unstated = boolean(&cn, "periods-unstated").value_or(false);
      s.categories.push_back(std::move(c));
    });
    return s;
  }

private:
  const SourceFile &m_source;
};

Programme build_programme(const Reader &r, const Node &root) {
  const std::string base;
  Programme p;
  p.id = Reader::text(&root, "id");
  p.title = Reader::text(&root, "title");
  p.qualification = r.ref(&root, "qualification", base).value_or(Ref{});
  p.course_identifier = r.ref(&root, "course-identifier", base);
  p.provider = Reader::text(&root, "provider");
  p.delivery_partner = Reader::text(&root, "delivery-partner");
  p.framework = r.ref(&root, "framework", base);
  p.source = r.source(&root, base);
  p.description = Reader::text(&root, "description");
  p.audience = r.audience(&root, base);
  p.funding = r.funding(&root, base);
  p.duration = r.duration(&root, base);
  r.each(&root, "starts", base, [&](const Node &n, const std::string &sp) {
    Start s;
    s.date = r.ref(&n, "date", sp).value_or(Ref{});
    s.label = Reader::text(&n, "label");
    s.loc = r.loc(n, sp);
    p.starts.push_back(std::move(s));
  });
  p.announcements = r.announcements(&root, base);
  p.route_map = r.route_map(&root, base);
  p.summary = r.summary(&root, base);
  r.each(&root, "topics", base, [&](const Node &n, const std::string &tp) {
    Topic t;
    t.title = Reader::text(&n, "title");
    t.covers = r.coverage(&n, "covers", tp);
    t.description = Reader::text(&n, "description");
    t.loc = r.loc(n, tp);
    p.topics.push_back(std::move(t));
  });
  r.each(&root, "behaviours", base, [&](const Node &n, const std::string &bp) {
    Behaviour b;
    b.id = r.ref(&n, "id", bp).value_or(Ref{});
    b.title = Reader::text(&n, "title");
    b.description = Reader::text(&n, "description");
    b.loc = r.loc(n, bp);
    p.behaviours.push_back(std::move(b));
  });
  p.assessment = r.assessment(&root, base);
  p.loc = r.loc(root, "");
  return p;
}

Suite build_suite(const Reader &r, const Node &root) {
  const std::string base;
  Suite s;
  s.id = Reader::text(&root, "id");
  s.title = Reader::text(&root, "title");
  s.provider = Reader::text(&root, "provider");
  s.delivery_partner = Reader::text(&root, "delivery-partner");
  s.source = r.source(&root, base);
  s.description = Reader::text(&root, "description");
  if (const Node *common = root.get("common")) {
    std::string cp = Reader::join(base, "common");
    s.common_activities = r.activities(common, "activities", cp, -1);
    s.common_assessment = r.assessment(common, cp);
    s.common_funding = r.funding(common, cp);
    s.common_duration = r.duration(common, cp);
  }
  s.announcements = r.announcements(&root, base);
  r.each(&root, "groups", base, [&](const Node &gn, const std::string &gp) {
    SuiteGroup g;
    g.id = Reader::text(&gn, "id");
    g.title = Reader::text(&gn, "title");
    g.catalogue_group = Reader::text(&gn, "catalogue-group");
    g.described_as = Reader::text(&gn, "described-as");
    if (const Node *da = gn.get("described-as")) {
      g.described_as_loc = r.loc(*da, Reader::join(gp, "described-as"));
    }
    g.declared_count = Reader::integer(&gn, "declared-count");
    if (const Node *dc = gn.get("declared-count")) {
      g.declared_count_loc = r.loc(*dc, Reader::join(gp, "declared-count"));
    }
    g.loc = r.loc(gn, gp);
    r.each(&gn, "members", gp, [&](const Node &mn, const std::string &mp) {
      SuiteMember m;
      m.qualification = r.ref(&mn, "qualification", mp).value_or(Ref{});
      m.title = Reader::text(&mn, "title");
      m.audience = r.audience(&mn, mp);
      m.programme = Reader::text(&mn, "programme");
      m.related = r.refs(&mn, "related", mp);
      m.loc = r.loc(mn, mp);
      g.members.push_back(std::move(m));
    });
    s.groups.push_back(std::move(g));
  });
  s.loc = r.loc(root, "");
  return s;
}

std::vector<DataSource> build_sources(const Reader &r, const Node &root) {
  std::vector<DataSource> out;
  r.each(&root, "sources", "", [&](const Node &n, const std::string &sp) {
    DataSource s;
    s.title = Reader::text(&n, "title");
    s.publisher = Reader::text(&n, "publisher");
    s.url = Reader::text(&n, "url");
    s.kind = Reader::text(&n, "kind");
    s.supports = Reader::texts(&n, "supports");
    s.published = Reader::text(&n, "published");
    s.quote = Reader::text(&n, "quote");
    s.loc = r.loc(n, sp);
    out.push_back(std::move(s));
  });
  return out;
}

Framework build_framework(const Reader &r, const Node &root) {
  const std::string base;
  Framework f;
  f.id = Reader::text(&root, "id");
  f.aliases = r.refs(&root, "aliases", base);
  f.title = Reader::text(&root, "title");
  f.reference = Reader::text(&root, "reference");
  f.published = Reader::text(&root, "published");
  f.qualifications = r.refs(&root, "qualifications", base);
  f.reformed = Reader::boolean(&root, "reformed").value_or(false);
  if (auto status = Reader::text(&root, "status"); !status.empty()) {
    f.status = status;
  }
  f.superseded_by = r.refs(&root, "superseded-by", base);
  f.provisional = Reader::boolean(&root, "provisional").value_or(false);
  f.source = r.source(&root, base);
  f.sources = build_sources(r, root);
  if (const Node *d = root.get("duration")) {
    f.minimum_duration = r.quantity(d, "minimum", "/duration");
    f.maximum_duration = r.quantity(d, "maximum", "/duration");
  }
  f.area_count = Reader::integer(&root, "area-count");
  f.area_count_loc = r.key_loc(root, "area-count", "/area-count");
  r.each(&root, "areas", base, [&](const Node &n, const std::string &ap) {
    Area a;
    a.id = Reader::text(&n, "id");
    a.aliases = Reader::texts(&n, "aliases");
    a.number = Reader::integer(&n, "number").value_or(0);
    a.title = Reader::text(&n, "title");
    a.provisional = Reader::boolean(&n, "provisional").value_or(false);
    r.each(&n, "statements", ap, [&](const Node &sn, const std::string &) {
      a.statements.push_back(
          Statement{Reader::text(&sn, "id"), Reader::text(&sn, "kind"), Reader::text(&sn, "text")});
    });
    a.loc = r.loc(n, ap);
    f.areas.push_back(std::move(a));
  });
  r.each(&root, "behaviours", base, [&](const Node &n, const std::string &) {
    f.behaviours.push_back(FrameworkBehaviour{Reader::text(&n, "id"), Reader::text(&n, "title"),
                                              Reader::text(&n, "description")});
  });
  r.each(&root, "assessment-parts", base, [&](const Node &n, const std::string &) {
    f.assessment_parts.push_back(FrameworkPart{Reader::text(&n, "id"), Reader::text(&n, "title"),
                                               Reader::texts(&n, "qualifications"),
                                               Reader::text(&n, "description")});
  });
  f.loc = r.loc(root, "");
  return f;
}

Catalogue build_catalogue(const Reader &r, const Node &root) {
  const std::string base;
  Catalogue c;
  c.id = Reader::text(&root, "id");
  c.title = Reader::text(&root, "title");
  c.source = r.source(&root, base);
  c.sources = build_sources(r, root);
  r.each(&root, "qualifications", base, [&](const Node &n, const std::string &qp) {
    Qualification q;
    q.code = Reader::text(&n, "code");
    q.identifier = Reader::text(&n, "identifier");
    q.name = Reader::text(&n, "name");
    q.group = Reader::text(&n, "group");
    q.taught_months = Reader::integer(&n, "taught-months");
    if (const Node *m = n.get("assessment-months"); m != nullptr && m->is_mapping()) {
      auto from = Reader::integer(m, "from");
      auto to = Reader::integer(m, "to");
      if (from && to) {
        q.assessment_months = MonthRange{*from, *to};
      }
    } else if (auto months = Reader::integer(&n, "assessment-months")) {
      q.assessment_months = MonthRange{*months, *months};
    }
    q.frameworks = Reader::texts(&n, "frameworks");
    q.aliases = Reader::texts(&n, "aliases");
    // 'withdrawn: true', or the date it was withdrawn ('withdrawn: 2022').
    q.withdrawn = Reader::boolean(&n, "withdrawn").value_or(false);
    if (const Node *w = n.get("withdrawn"); w != nullptr && !Reader::boolean(&n, "withdrawn")) {
      q.withdrawn = w->is_scalar() && !w->text.empty();
      q.withdrawn_date = w->is_scalar() ? w->text : std::string();
    }
    q.replaced_by = Reader::text(&n, "replaced-by");
    q.loc = r.loc(n, qp);
    c.qualifications.push_back(std::move(q));
  });
  auto vocabulary = [&](std::string_view key, std::vector<VocabularyEntry> &out) {
    r.each(&root, key, base, [&](const Node &n, const std::string &) {
      out.push_back(VocabularyEntry{Reader::text(&n, "id"), Reader::text(&n, "label"),
                                    Reader::texts(&n, "aliases"), Reader::texts(&n, "within")});
    });
  };
  vocabulary("roles", c.roles);
  vocabulary("settings", c.settings);
  c.loc = r.loc(root, "");
  return c;
}

Config build_config(const Reader &r, const Node &root) {
  const std::string base;
  Config c;
  c.paths = Reader::texts(&root, "paths");
  c.data = Reader::texts(&root, "data");
  c.strict = Reader::boolean(&root, "strict").value_or(false);
  if (auto t = Reader::number(&root, "about-tolerance")) {
    c.about_tolerance = *t / 100.0;
  }
  c.hours_per_day = Reader::number(&root, "hours-per-day");
  r.each(&root, "severity", base, [&](const Node &n, const std::string &) {
    c.severity.push_back(SeverityOverride{Reader::text(&n, "code"), Reader::text(&n, "severity")});
  });
  r.each(&root, "suppress", base, [&](const Node &n, const std::string &sp) {
    c.suppress.push_back(Suppression{Reader::text(&n, "code"),
                                     Reader::text(&n, "file"),
                                     Reader::text(&n, "pointer"),
                                     Reader::text(&n, "reason"),
                                     r.loc(n, sp),
                                     {},
                                     !Reader::text(&n, "file").empty()});
  });
  c.loc = r.loc(root, "");
  return c;
}

} // namespace

std::optional<Quantity> parse_quantity(std::string_view text, Loc loc) {
  auto space = text.find(' ');
  if (space == std::string_view::npos) {
    return std::nullopt;
  }
  Quantity q;
  try {
    q.value = std::stod(std::string(text.substr(0, space)));
  } catch (const std::exception &) {
    return std::nullopt;
  }
  std::string unit(text.substr(space + 1));
  if (unit.size() > 1 && unit.back() == 's') {
    unit.pop_back();
  }
  q.unit = unit;
  q.loc = std::move(loc);
  return q;
}

namespace {

// Every 'quote' in the document, once per node (aliases share nodes).
// Appends every 'quote' scalar under node. One pointer string grows and shrinks on the way down
// and back (no string per node), and only collections are remembered: a collection reached
// twice through aliases is walked once.
// 'inferred' mappings are collected on the same walk: {key: reason} beside the keys they mark.
void collect_quotes(const Reader &r, const Node &node, std::string &pointer,
                    std::unordered_set<const Node *> &seen, std::vector<Ref> &out,
                    std::vector<std::pair<std::string, std::string>> &inferences) {
  if (!(node.is_mapping() || node.is_sequence()) || !seen.insert(&node).second) {
    return;
  }
  std::size_t length = pointer.size();
  if (node.is_mapping()) {
    for (const auto &e : node.entries) {
      pointer += '/';
      pointer += escape_pointer_segment(e.key->text);
      if (e.key->text == "quote" && e.value->is_scalar()) {
        out.push_back(Ref{e.value->text, r.loc(*e.value, pointer)});
      } else if (e.key->text == "inferred" && e.value->is_mapping()) {
        for (const auto &i : e.value->entries) {
          inferences.emplace_back(
              pointer.substr(0, length) + "/" + escape_pointer_segment(i.key->text), i.value->text);
        }
      } else {
        collect_quotes(r, *e.value, pointer, seen, out, inferences);
      }
      pointer.resize(length);
    }
  } else {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      pointer += '/';
      pointer += std::to_string(i);
      collect_quotes(r, *node.items[i], pointer, seen, out, inferences);
      pointer.resize(length);
    }
  }
}

DocumentInfo document_info(const Reader &r, const Node &root, const SourceFile &source,
                           int document) {
  DocumentInfo info{source.name(), document, {}, {}, {}};
  std::unordered_set<const Node *> seen;
  std::string pointer;
  collect_quotes(r, root, pointer, seen, info.quotes, info.inferences);
  r.each(&root, "suppress", "", [&](const Node &n, const std::string &sp) {
    info.suppressions.push_back(Suppression{Reader::text(&n, "code"), source.name(),
                                            Reader::text(&n, "pointer"), Reader::text(&n, "reason"),
                                            r.loc(n, sp), source.name(), true});
  });
  return info;
}

} // namespace

Document build(const yaml::Node &root, std::string_view kind, const SourceFile &source,
               int document) {
  Reader r(source);
  DocumentInfo info = document_info(r, root, source, document);
  if (kind == "programme") {
    auto p = build_programme(r, root);
    p.doc = info;
    return p;
  }
  if (kind == "suite") {
    auto s = build_suite(r, root);
    s.doc = info;
    return s;
  }
  if (kind == "framework") {
    auto f = build_framework(r, root);
    f.doc = info;
    return f;
  }
  if (kind == "catalogue") {
    auto c = build_catalogue(r, root);
    c.doc = info;
    return c;
  }
  if (kind == "config") {
    auto c = build_config(r, root);
    c.doc = info;
    c.doc.suppressions.clear(); // a config's 'suppress' applies to other files, not to itself
    for (auto &suppression : c.suppress) {
      suppression.origin = info.file;
    }
    return c;
  }
  return std::monostate{};
}

const Area *Framework::find_area(std::string_view area_id) const {
  for (const auto &a : areas) {
    if (a.id == area_id) {
      return &a;
    }
  }
  for (const auto &a : areas) {
    if (std::find(a.aliases.begin(), a.aliases.end(), area_id) != a.aliases.end()) {
      return &a;
    }
  }
  return nullptr;
}

bool Framework::any_provisional() const {
  return provisional ||
         std::any_of(areas.begin(), areas.end(), [](const Area &a) { return a.provisional; });
}

std::vector<const FrameworkPart *> Framework::parts_for(std::string_view code) const {
  std::vector<const FrameworkPart *> out;
  for (const auto &p : assessment_parts) {
    if (std::find(p.qualifications.begin(), p.qualifications.end(), code) !=
        p.qualifications.end()) {
      out.push_back(&p);
    }
  }
  return out;
}

bool Framework::primary_support(std::string_view what) const {
  return std::any_of(sources.begin(), sources.end(), [&](const DataSource &s) {
    return s.primary() && std::find(s.supports.begin(), s.supports.end(), what) != s.supports.end();
  });
}

std::string to_string(const MonthRange &m) {
  return m.low == m.high ? fmt::format("{} month{}", m.low, m.low == 1 ? "" : "s")
                         : fmt::format("{} to {} months", m.low, m.high);
}

std::vector<const Coverage *> teaching_coverage(const Programme &p) {
  std::vector<const Coverage *> out;
  for (const auto &period : p.route_map.periods) {
    out.push_back(&period.covers);
    for (const auto &a : period.activities) {
      out.push_back(&a.covers);
    }
  }
  for (const auto *slot : {&p.route_map.throughout, &p.route_map.before, &p.route_map.after}) {
    for (const auto &a : *slot) {
      out.push_back(&a.covers);
    }
  }
  for (const auto &t : p.topics) {
    out.push_back(&t.covers);
  }
  return out;
}

std::string DocumentInfo::inferred(std::string_view pointer) const {
  for (const auto &[at, reason] : inferences) {
    // The value itself, or something inside it ("/summary/periods" marks "/summary/periods/2").
    if (pointer.substr(0, at.size()) == at &&
        (pointer.size() == at.size() || pointer[at.size()] == '/')) {
      return reason;
    }
  }
  return {};
}

std::string to_string(const Quantity &q) {
  std::string number = fmt::format("{}", q.value);
  return fmt::format("{} {}{}", number, q.unit, q.value == 1 ? "" : "s");
}

} // namespace npq::model
