// Reference checks: every code, id and vocabulary word a document uses must resolve, either
// against the reference data (qualifications, frameworks, roles, settings) or inside the document
// (period, activity and choice ids).
#include "npq/checks/check.hpp"
#include "npq/text/suggest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace npq::checks {

namespace {

using model::DocumentInfo;
using model::Ref;

/// Reports the second and later uses of an id.
class IdRegistry {
public:
  IdRegistry(const DocumentInfo &doc, const Context &ctx, std::string_view what)
      : m_doc(doc), m_ctx(ctx), m_what(what) {}

  void add(const std::string &id, const model::Loc &loc) {
    if (id.empty()) {
      return;
    }
    auto [it, inserted] = m_seen.emplace(id, loc);
    if (!inserted) {
      auto &d = m_ctx.out.add(Code::duplicate_id, at(m_doc, loc),
                              fmt::format("{} id '{}' is used twice", m_what, id),
                              "give each one its own id");
      d.notes.push_back({at(m_doc, it->second), fmt::format("'{}' was first used here", id)});
    }
  }
  bool has(const std::string &id) const { return m_seen.count(id) != 0; }
  std::vector<std::string_view> ids() const {
    std::vector<std::string_view> out;
    for (const auto &[id, loc] : m_seen) {
      out.push_back(id);
    }
    return out;
  }

  /// Reports a reference that is not a known id.
  void expect(const Ref &ref, std::string_view context) const {
    if (has(ref.value)) {
      return;
    }
    // Past the per-code cap the finding is only counted: no hint to compute.
    bool shown = m_ctx.out.accepting(Code::unknown_reference);
    m_ctx.out.add(
        Code::unknown_reference, at(m_doc, ref.loc),
        fmt::format("{} '{}' in {} is not defined in this document", m_what, ref.value, context),
        shown ? hint(ref.value) : std::string());
  }

  std::string hint(std::string_view word) const {
    auto h = did_you_mean(word, ids());
    return h.empty()
               ? fmt::format("define a {} with id '{}', or correct the reference", m_what, word)
               : h;
  }

private:
  const DocumentInfo &m_doc;
  const Context &m_ctx;
  std::string_view m_what;
  std::map<std::string, model::Loc> m_seen;
};

const model::Qualification *check_qualification(const DocumentInfo &doc, const Ref &ref,
                                                const Context &ctx) {
  if (ref.value.empty()) {
    return nullptr;
  }
  const auto *q = ctx.data.qualification(ref.value);
  if (q == nullptr) {
    auto hint = did_you_mean(ref.value, ctx.data.qualification_codes());
    ctx.out.add(Code::unknown_qualification, at(doc, ref.loc),
                fmt::format("'{}' is not a qualification in the NPQ catalogue", ref.value),
                hint.empty() ? "run 'npq frameworks' to list the qualifications" : hint);
  }
  return q;
}

void check_vocabulary(const DocumentInfo &doc, const std::vector<Ref> &words, bool roles,
                      const Context &ctx) {
  for (const auto &w : words) {
    bool known = roles ? ctx.data.has_role(w.value) : ctx.data.has_setting(w.value);
    if (known) {
      continue;
    }
    Code code = roles ? Code::unknown_role : Code::unknown_setting;
    auto hint = ctx.out.accepting(code)
                    ? did_you_mean(w.value, roles ? ctx.data.role_ids() : ctx.data.setting_ids())
                    : std::string();
    ctx.out.add(
        code, at(doc, w.loc),
        fmt::format("'{}' is not in the {} vocabulary", w.value, roles ? "role" : "setting"),
        hint.empty() ? "run 'npq frameworks show catalogue' to list the vocabulary" : hint);
  }
}

void check_audience(const DocumentInfo &doc, const model::Audience &audience, const Context &ctx) {
  check_vocabulary(doc, audience.roles, true, ctx);
  check_vocabulary(doc, audience.settings, false, ctx);
}

void check_funding_settings(const DocumentInfo &doc, const std::vector<model::Funding> &funding,
                            const Context &ctx) {
  for (const auto &f : funding) {
    check_vocabulary(doc, f.settings, false, ctx);
  }
}

/// Checks the area ids of a coverage claim against the framework.
void check_coverage(const DocumentInfo &doc, const model::Coverage &coverage,
                    const model::Framework *framework, const Context &ctx) {
  if (!coverage.present || coverage.all) {
    return;
  }
  for (const auto &area_ref : coverage.areas) {
    if (framework == nullptr) {
      ctx.out.add(Code::unknown_area, at(doc, area_ref.loc),
                  fmt::format("area '{}' cannot be checked: the document names no framework",
                              area_ref.value),
                  "add 'framework: <id>' at the top level ('npq frameworks' lists them)");
      return;
    }
    if (framework->areas_unnamed()) {
      return; // nothing to check against (NPQ327 says so)
    }
    std::string_view value = area_ref.value;
    auto slash = value.find('/');
    std::string_view area_id = value.substr(0, slash);
    const auto *area = framework->find_area(area_id);
    if (area == nullptr) {
      std::vector<std::string_view> ids;
      for (const auto &a : framework->areas) {
        ids.push_back(a.id);
      }
      auto hint = ctx.out.accepting(Code::unknown_area) ? did_you_mean(area_id, ids) : "";
      ctx.out.add(Code::unknown_area, at(doc, area_ref.loc),
                  fmt::format("'{}' is not an area of framework '{}'", area_id, framework->id),
                  hint.empty()
                      ? fmt::format("run 'npq frameworks show {}' to list its areas", framework->id)
                      : hint);
      continue;
    }
    if (slash == std::string_view::npos) {
      continue;
    }
    std::string_view statement_id = value.substr(slash + 1);
    std::vector<std::string_view> statements;
    bool found = false;
    for (const auto &s : area->statements) {
      statements.push_back(s.id);
      found = found || s.id == statement_id;
    }
    if (!found) {
      auto hint =
          ctx.out.accepting(Code::unknown_area) ? did_you_mean(statement_id, statements) : "";
      ctx.out.add(Code::unknown_area, at(doc, area_ref.loc),
                  area->statements.empty()
                      ? fmt::format("framework '{}' has no statements for area '{}'", framework->id,
                                    area->id)
                      : fmt::format("'{}' is not a statement of area '{}'", statement_id, area->id),
                  hint.empty() ? "name the area alone" : hint);
    }
  }
}

const model::Framework *resolve_framework(const model::Programme &p, const Context &ctx) {
  if (!p.framework) {
    return nullptr;
  }
  const auto *framework = ctx.data.framework(p.framework->value);
  if (framework == nullptr) {
    auto hint = did_you_mean(p.framework->value, ctx.data.framework_ids());
    ctx.out.add(Code::unknown_framework, at(p.doc, p.framework->loc),
                fmt::format("framework '{}' is not known", p.framework->value),
                hint.empty() ? "run 'npq frameworks' to list the frameworks" : hint);
  }
  return framework;
}

} // namespace

void check_references(const model::Programme &p, const Context &ctx) {
  const auto *q = check_qualification(p.doc, p.qualification, ctx);
  if (q != nullptr && p.course_identifier && p.course_identifier->value != q->identifier) {
    ctx.out.add(
        Code::identifier_mismatch, at(p.doc, p.course_identifier->loc),
        q->identifier.empty() ? fmt::format("{} has no DfE course identifier, but '{}' is given",
                                            q->code, p.course_identifier->value)
                              : fmt::format("the course identifier for {} is '{}', not '{}'",
                                            q->code, q->identifier, p.course_identifier->value),
        q->identifier.empty() ? "remove 'course-identifier'"
                              : fmt::format("write 'course-identifier: {}'", q->identifier));
  }
  const auto *framework = resolve_framework(p, ctx);
  if (framework != nullptr && q != nullptr) {
    bool written_for = false;
    for (const auto &code : framework->qualifications) {
      written_for = written_for || code.value == q->code;
    }
    if (!written_for) {
      std::string expected;
      for (const auto &f : q->frameworks) {
        expected += expected.empty() ? "" : ", ";
        expected += f;
      }
      ctx.out.add(Code::framework_mismatch, at(p.doc, p.framework->loc),
                  fmt::format("framework '{}' is not written for {}", framework->id, q->code),
                  expected.empty() ? std::string()
                                   : fmt::format("frameworks for {}: {}", q->code, expected));
    }
  }

  check_audience(p.doc, p.audience, ctx);
  check_funding_settings(p.doc, p.funding, ctx);

  // Ids inside the document.
  IdRegistry periods(p.doc, ctx, "period");
  IdRegistry activities(p.doc, ctx, "activity");
  IdRegistry choices(p.doc, ctx, "choice");
  IdRegistry parts(p.doc, ctx, "assessment part");
  for (const auto &period : p.route_map.periods) {
    periods.add(period.id, period.loc);
    check_coverage(p.doc, period.covers, framework, ctx);
    for (const auto &a : period.activities) {
      activities.add(a.id, a.loc);
      check_coverage(p.doc, a.covers, framework, ctx);
    }
  }
  for (const auto *slot : {&p.route_map.throughout, &p.route_map.before, &p.route_map.after}) {
    for (const auto &a : *slot) {
      activities.add(a.id, a.loc);
      check_coverage(p.doc, a.covers, framework, ctx);
    }
  }
  for (const auto &c : p.route_map.choices) {
    choices.add(c.id, c.loc);
    for (const auto &from : c.from) {
      periods.expect(from, fmt::format("choice '{}'", c.id));
    }
  }
  for (const auto &ref : p.summary.periods) {
    periods.expect(ref, "the summary");
  }
  for (const auto &category : p.summary.categories) {
    for (const auto &ref : category.periods) {
      periods.expect(ref, fmt::format("summary category '{}'", category.label));
    }
    for (const auto &ref : category.activities) {
      activities.expect(ref, fmt::format("summary category '{}'", category.label));
    }
  }
  for (const auto &t : p.topics) {
    check_coverage(p.doc, t.covers, framework, ctx);
  }
  for (const auto &part : p.assessment.parts) {
    parts.add(part.id, part.loc);
    check_coverage(p.doc, part.assesses, framework, ctx);
  }

  // Leadership behaviours belong to the framework.
  for (const auto &b : p.behaviours) {
    std::vector<std::string_view> known;
    bool found = false;
    if (framework != nullptr) {
      for (const auto &fb : framework->behaviours) {
        known.push_back(fb.id);
        found = found || fb.id == b.id.value;
      }
    }
    if (!found) {
      auto hint = did_you_mean(b.id.value, known);
      ctx.out.add(
          Code::unknown_behaviour, at(p.doc, b.id.loc),
          framework == nullptr
              ? fmt::format("behaviour '{}' cannot be checked: the document names no "
                            "framework",
                            b.id.value)
              : fmt::format("'{}' is not a behaviour of framework '{}'", b.id.value, framework->id),
          hint.empty() ? (framework != nullptr && framework->behaviours.empty()
                              ? fmt::format("framework '{}' defines no behaviours", framework->id)
                              : std::string("check the framework's behaviours"))
                       : hint);
    }
  }
}

void check_references(const model::Suite &s, const Context &ctx) {
  IdRegistry groups(s.doc, ctx, "group");
  check_funding_settings(s.doc, s.common_funding, ctx);
  for (const auto &g : s.groups) {
    groups.add(g.id, g.loc);
    for (const auto &m : g.members) {
      const auto *q = check_qualification(s.doc, m.qualification, ctx);
      for (const auto &r : m.related) {
        check_qualification(s.doc, r, ctx);
      }
      check_audience(s.doc, m.audience, ctx);
      if (q != nullptr && !g.catalogue_group.empty() && q->group != g.catalogue_group) {
        ctx.out.add(Code::group_mismatch, at(s.doc, m.qualification.loc),
                    fmt::format("{} is a {} qualification, but it is listed under '{}' ({})",
                                q->code, q->group, g.title, g.catalogue_group),
                    fmt::format("move it to a {} group", q->group));
      }
    }
  }
}

void check_references(const model::Framework &f, const Context &ctx) {
  for (const auto &code : f.qualifications) {
    check_qualification(f.doc, code, ctx);
  }
  IdRegistry areas(f.doc, ctx, "area");
  for (const auto &a : f.areas) {
    areas.add(a.id, a.loc);
    for (const auto &alias : a.aliases) {
      areas.add(alias, a.loc);
    }
  }
  // A stated count must agree with the areas named, where they are named.
  if (f.area_count && !f.areas.empty() &&
      static_cast<std::size_t>(*f.area_count) != f.areas.size()) {
    ctx.out.add(Code::count_mismatch, at(f.doc, f.area_count_loc),
                fmt::format("the framework is said to have {} areas, but {} are listed",
                            *f.area_count, f.areas.size()),
                "list every area, or correct 'area-count'");
  }
  for (const auto &next : f.superseded_by) {
    if (ctx.data.framework(next.value) == nullptr) {
      auto hint = did_you_mean(next.value, ctx.data.framework_ids());
      ctx.out.add(Code::unknown_framework, at(f.doc, next.loc),
                  fmt::format("framework '{}' is not known", next.value),
                  hint.empty() ? "run 'npq frameworks' to list the frameworks" : hint);
    }
  }
  for (const auto &part : f.assessment_parts) {
    for (const auto &code : part.qualifications) {
      bool written_for = false;
      for (const auto &q : f.qualifications) {
        written_for = written_for || q.value == code;
      }
      if (!written_for) {
        ctx.out.add(Code::framework_mismatch, at(f.doc, f.loc),
                    fmt::format("assessment part '{}' is given for {}, which the framework is "
                                "not written for",
                                part.id, code));
      }
    }
  }
}

void check_references(const model::Catalogue &c, const Context &ctx) {
  for (const auto &setting : c.settings) {
    for (const auto &outer : setting.within) {
      bool known = ctx.data.has_setting(outer) ||
                   std::any_of(c.settings.begin(), c.settings.end(),
                               [&](const model::VocabularyEntry &e) { return e.id == outer; });
      if (!known) {
        ctx.out.add(Code::unknown_setting, at(c.doc, c.loc),
                    fmt::format("setting '{}' is said to be within '{}', which is not a setting",
                                setting.id, outer));
      }
    }
  }
  std::map<std::string, model::Loc> codes;
  for (const auto &q : c.qualifications) {
    if (q.assessment_months && q.assessment_months->low > q.assessment_months->high) {
      ctx.out.add(Code::duration_disordered, at(c.doc, q.loc),
                  fmt::format("{}'s assessment months run from {} to {}, which is backwards",
                              q.code, q.assessment_months->low, q.assessment_months->high));
    }
    auto [it, inserted] = codes.emplace(q.code, q.loc);
    if (!inserted) {
      auto &d = ctx.out.add(Code::duplicate_id, at(c.doc, q.loc),
                            fmt::format("qualification '{}' is listed twice", q.code));
      d.notes.push_back({at(c.doc, it->second), "first listed here"});
    }
  }
}

} // namespace npq::checks
