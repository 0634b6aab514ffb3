// Suite checks: published counts of qualifications, withdrawn offers, and member programme files.
#include "npq/checks/check.hpp"
#include "npq/document.hpp"

#include <fmt/format.h>

namespace npq::checks {

namespace {

void check_withdrawn(const model::DocumentInfo &doc, const model::Ref &ref, const Context &ctx) {
  const auto *q = ctx.data.qualification(ref.value);
  if (q != nullptr && q->withdrawn) {
    ctx.out.add(Code::withdrawn_qualification, at(doc, ref.loc),
                fmt::format("{} ({}) is withdrawn{}", q->code, q->name,
                            q->replaced_by.empty()
                                ? ""
                                : fmt::format("; it was replaced by {}", q->replaced_by)));
  }
}

} // namespace

void check_suite(const model::Suite &s, const Context &ctx) {
  for (const auto &g : s.groups) {
    if (g.declared_count && static_cast<std::size_t>(*g.declared_count) != g.members.size()) {
      auto &d = ctx.out.add(Code::count_mismatch, at(s.doc, g.declared_count_loc),
                            fmt::format("'{}': the source says {}, but lists {}", g.title,
                                        *g.declared_count, g.members.size()));
      for (const auto &m : g.members) {
        d.notes.push_back({at(s.doc, m.loc), m.title.empty() ? m.qualification.value : m.title});
      }
    }
    for (const auto &m : g.members) {
      check_withdrawn(s.doc, m.qualification, ctx);
      for (const auto &r : m.related) {
        check_withdrawn(s.doc, r, ctx);
      }
      if (m.programme.empty() || !ctx.read_related) {
        continue;
      }
      Related related = ctx.read_related(s.doc.file, m.programme);
      if (related.status == Related::Status::outside_project) {
        report_outside_project(s.doc, m.loc, "programme file", m.programme, ctx);
        continue;
      }
      if (related.status == Related::Status::unreadable) {
        ctx.out.add(Code::member_programme_mismatch, at(s.doc, m.loc),
                    fmt::format("the programme file '{}' cannot be read", m.programme),
                    "the path is relative to this file");
        continue;
      }
      Diagnostics ignored; // the file's own findings belong to its own validation
      auto parsed = parse_file(SourceFile(m.programme, *related.text), ignored, ctx.limits);
      const model::Programme *programme = nullptr;
      for (const auto &doc : parsed.documents) {
        if (const auto *p = std::get_if<model::Programme>(&doc.model)) {
          programme = p;
        }
      }
      if (programme == nullptr) {
        ctx.out.add(Code::member_programme_mismatch, at(s.doc, m.loc),
                    fmt::format("'{}' is not a valid programme file", m.programme),
                    fmt::format("run 'npq validate' on it"));
      } else if (programme->qualification.value != m.qualification.value) {
        ctx.out.add(Code::member_programme_mismatch, at(s.doc, m.loc),
                    fmt::format("the programme file '{}' is for {}, not {}", m.programme,
                                programme->qualification.value, m.qualification.value));
      }
    }
  }
}

} // namespace npq::checks
