// Assessment rules: the engagement threshold is a percentage; reformed NPQs state the kind and
// window of their written case study.
#include "npq/checks/check.hpp"

#include <fmt/format.h>

namespace npq::checks {

void check_assessment(const model::DocumentInfo &doc, const model::Assessment &a, bool reformed,
                      const model::Loc &owner, const Context &ctx) {
  if (a.engagement_threshold) {
    double t = *a.engagement_threshold;
    if (!(t > 0 && t <= 100)) {
      ctx.out.add(Code::engagement_threshold, at(doc, a.engagement_loc),
                  fmt::format("an engagement threshold of {} is not a percentage between 0 and "
                              "100",
                              t),
                  t > 0 && t <= 1 ? fmt::format("did you mean {}?", t * 100)
                                  : std::string("the DfE threshold is 90"));
    } else if (t > 0 && t <= 1) {
      ctx.out.add(Code::engagement_threshold, at(doc, a.engagement_loc),
                  fmt::format("an engagement threshold of {} % looks like a fraction", t),
                  fmt::format("did you mean {}?", t * 100));
    }
  }
  if (!reformed) {
    return;
  }
  const model::Loc &where = a.present ? a.loc : owner;
  if (a.kind.empty()) {
    ctx.out.add(Code::assessment_unstated, at(doc, where),
                "the assessment's kind is not stated (reformed NPQs: a written case study)",
                "add 'assessment.kind' if the source says");
  } else if (a.kind != "written-case-study" && a.kind != "none") {
    ctx.out.add(
        Code::assessment_kind_unusual, at(doc, where),
        fmt::format("a reformed NPQ assessed by '{}' rather than a written case study", a.kind));
  }
  if (!a.window) {
    ctx.out.add(Code::assessment_unstated, at(doc, where),
                "the assessment window is not stated (reformed NPQs: typically 8 days)",
                "add 'assessment.window' if the source says");
  }
}

void check_assessment(const model::Programme &p, const Context &ctx) {
  const auto *framework = p.framework ? ctx.data.framework(p.framework->value) : nullptr;
  check_assessment(p.doc, p.assessment, framework != nullptr && framework->reformed, p.loc, ctx);
}

void check_assessment(const model::Suite &s, const Context &ctx) {
  // A suite's shared assessment is for reformed NPQs when its members' frameworks are reformed.
  bool reformed = false;
  for (const auto &g : s.groups) {
    for (const auto &m : g.members) {
      const auto *q = ctx.data.qualification(m.qualification.value);
      if (q != nullptr && !q->frameworks.empty()) {
        const auto *f = ctx.data.framework(q->frameworks.front());
        reformed = reformed || (f != nullptr && f->reformed);
      }
    }
  }
  if (s.common_assessment.present) {
    check_assessment(s.doc, s.common_assessment, reformed, s.loc, ctx);
  }
}

} // namespace npq::checks
