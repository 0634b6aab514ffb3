#include "npq/checks/check.hpp"

#include <fmt/format.h>
#include <type_traits>

namespace npq::checks {

void check_document(const model::Document &document, const Context &ctx) {
  if (const auto *p = std::get_if<model::Programme>(&document)) {
    check_references(*p, ctx);
    // Domain checks rely on resolved references; skip them if a reference is broken, so one
    // typo does not cascade into a page of findings.
    bool broken = false;
    for (const auto &d : ctx.out.items()) {
      broken = broken ||
               (info(d.code).category == Category::reference && d.severity == Severity::error &&
                d.where.file == p->doc.file && d.where.document == p->doc.document);
    }
    check_provider(*p, ctx);
    check_provenance(p->doc, p->source, ctx);
    if (broken) {
      return;
    }
    check_hours(*p, ctx);
    check_choices(*p, ctx);
    check_coverage(*p, ctx);
    check_calendar(*p, ctx);
    check_assessment(*p, ctx);
    check_funding(*p, ctx);
    check_behaviours(*p, ctx);
  } else if (const auto *s = std::get_if<model::Suite>(&document)) {
    check_references(*s, ctx);
    check_provenance(s->doc, s->source, ctx);
    check_suite(*s, ctx);
    check_calendar(*s, ctx);
    check_assessment(*s, ctx);
    check_funding(*s, ctx);
  } else if (const auto *f = std::get_if<model::Framework>(&document)) {
    check_references(*f, ctx);
  } else if (const auto *c = std::get_if<model::Catalogue>(&document)) {
    check_references(*c, ctx);
  }
}

namespace {

bool within(const std::string &pointer, const std::string &scope) {
  return scope.empty() || pointer == scope ||
         (pointer.size() > scope.size() && pointer.compare(0, scope.size(), scope) == 0 &&
          pointer[scope.size()] == '/');
}

} // namespace

void apply_suppressions(const model::DocumentInfo &doc,
                        const std::vector<model::Suppression> &extra, Diagnostics &out) {
  std::vector<model::Suppression> all = doc.suppressions;
  all.insert(all.end(), extra.begin(), extra.end());
  std::vector<Diagnostic> unused;
  for (const auto &s : all) {
    bool used = false;
    for (auto &d : out.items()) {
      if (d.where.file == doc.file && d.where.document == doc.document &&
          info(d.code).code == s.code && within(d.where.pointer, s.pointer) &&
          (s.file.empty() || s.file == doc.file) && d.code != Code::unused_suppression) {
        d.suppressed = s.reason;
        used = true;
      }
    }
    if (!used && s.report_unused) {
      Diagnostic d;
      d.code = Code::unused_suppression;
      d.severity = info(d.code).severity;
      d.where = at(doc, s.loc);
      if (!s.origin.empty() && s.origin != doc.file) {
        d.where = Location{s.origin, s.loc.line, s.loc.column, s.loc.pointer, 0};
      }
      d.message =
          s.pointer.empty()
              ? fmt::format("the suppression of {} matches no finding", s.code)
              : fmt::format("the suppression of {} at '{}' matches no finding", s.code, s.pointer);
      d.hint = "remove it: the finding it was written for is gone";
      unused.push_back(std::move(d));
    }
  }
  for (auto &d : unused) {
    out.append(std::move(d));
  }
}

} // namespace npq::checks
