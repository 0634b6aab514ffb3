// Suite checks: published counts of qualifications, withdrawn offers, and member programme files.
#include "npq/checks/check.hpp"
#include "npq/document.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace npq::checks {

namespace {

/// NPQ381, judged at the page's date: nothing if the page was published before the withdrawal,
/// a warning if after (or if the withdrawal's date is not known), a note if the page is undated
/// or its date falls in the period the withdrawal is known to.
void check_withdrawn(const model::DocumentInfo &doc, const model::Source &source,
                     const model::Ref &ref, const Context &ctx) {
  const auto *q = ctx.data.qualification(ref.value);
  if (q == nullptr || !q->withdrawn) {
    return;
  }
  std::string replaced =
      q->replaced_by.empty() ? "" : fmt::format(" (replaced by {})", q->replaced_by);
  std::string when = q->withdrawn_date.empty() ? "" : " in " + q->withdrawn_date;
  auto page = source.published.empty() ? std::nullopt : date_span(source.published);
  auto withdrawn = q->withdrawn_date.empty() ? std::nullopt : date_span(q->withdrawn_date);
  if (!page) {
    auto &d = ctx.out.add(Code::withdrawn_qualification, at(doc, ref.loc),
                          fmt::format("{} ({}) was withdrawn{}{}; the page gives no date, so it "
                                      "may have been written while {} was offered",
                                      q->code, q->name, when, replaced, q->code),
                          "give 'source.published' if the page states its date");
    d.severity = Severity::note;
    return;
  }
  if (withdrawn && page->last < withdrawn->first) {
    return; // the page predates the withdrawal
  }
  if (withdrawn && page->first <= withdrawn->last) {
    auto &d = ctx.out.add(Code::withdrawn_qualification, at(doc, ref.loc),
                          fmt::format("{} ({}) was withdrawn{}{}, the period the page's date "
                                      "({}) falls in: it may still have been offered then",
                                      q->code, q->name, when, replaced, source.published));
    d.severity = Severity::note;
    return;
  }
  ctx.out.add(Code::withdrawn_qualification, at(doc, ref.loc),
              withdrawn ? fmt::format("{} ({}) was withdrawn{}{}, before the page's date ({})",
                                      q->code, q->name, when, replaced, source.published)
                        : fmt::format("{} ({}) is withdrawn{}", q->code, q->name, replaced));
}

/// NPQ383: a group that calls its members reformed holds one with no pre-reform framework.
void check_reformed(const model::Suite &s, const model::SuiteGroup &g, const Context &ctx) {
  if (g.described_as != "reformed") {
    return;
  }
  for (const auto &m : g.members) {
    const auto *q = ctx.data.qualification(m.qualification.value);
    if (q == nullptr || q->frameworks.empty()) {
      continue; // no frameworks recorded: nothing to judge by
    }
    bool earlier = false;
    std::string ids;
    for (const auto &id : q->frameworks) {
      const auto *f = ctx.data.framework(id);
      earlier = earlier || (f != nullptr && !f->reformed);
      ids += (ids.empty() ? "" : ", ") + id;
    }
    if (!earlier) {
      auto &d = ctx.out.add(
          Code::reformed_without_predecessor, at(s.doc, m.qualification.loc),
          fmt::format("'{}' calls its members reformed, but {} ({}) has no framework from before "
                      "the reforms (only {}): it is new, not reformed",
                      g.title, q->code, q->name, ids),
          "list it apart from the reformed NPQs, or as new");
      d.notes.push_back({at(s.doc, g.described_as_loc), "the group's description"});
    }
  }
}

/// Two statements of one delivery attribute agree when either is silent, they are equal, or
/// either is 'blended' (a mix of online and in person agrees with each).
bool delivery_agrees(const std::string &suite, const std::string &programme) {
  return suite.empty() || programme.empty() || suite == programme || suite == "blended" ||
         programme == "blended";
}

/// NPQ384: the suite's common activities against the member programme's activities of the
/// same kind, attribute by attribute.
void check_member_delivery(const model::Suite &s, const model::SuiteMember &m,
                           const model::Programme &programme, const std::string &programme_path,
                           const Context &ctx) {
  std::vector<const model::Activity *> activities;
  for (const auto &period : programme.route_map.periods) {
    for (const auto &a : period.activities) {
      activities.push_back(&a);
    }
  }
  for (const auto *slot :
       {&programme.route_map.before, &programme.route_map.throughout, &programme.route_map.after}) {
    for (const auto &a : *slot) {
      activities.push_back(&a);
    }
  }
  for (const auto &common : s.common_activities) {
    const auto &want = common.delivery;
    std::vector<std::pair<const model::Activity *, std::string>> differ;
    for (const auto *a : activities) {
      if (a->kind != common.kind) {
        continue;
      }
      std::string how;
      auto compare = [&](const std::string &x, const std::string &y) {
        if (!delivery_agrees(x, y)) {
          how += (how.empty() ? "" : ", ") + y;
        }
      };
      compare(want.synchrony, a->delivery.synchrony);
      compare(want.facilitation, a->delivery.facilitation);
      compare(want.mode, a->delivery.mode);
      if (!how.empty()) {
        differ.emplace_back(a, how);
      }
    }
    if (differ.empty()) {
      continue;
    }
    std::string stated;
    for (const auto *w : {&want.synchrony, &want.facilitation, &want.mode}) {
      if (!w->empty()) {
        stated += (stated.empty() ? "" : ", ") + *w;
      }
    }
    auto &d = ctx.out.add(
        Code::member_delivery_contradiction, at(s.doc, common.loc),
        fmt::format("the suite says every programme's '{}' is {}, but {}'s programme ({}) has {} "
                    "{} activit{} delivered otherwise",
                    common.title, stated, m.qualification.value, m.programme, differ.size(),
                    common.kind, differ.size() == 1 ? "y" : "ies"),
        "one of the two pages is wrong; check both with the provider");
    for (const auto &[a, how] : differ) {
      d.notes.push_back({Location{programme_path, a->loc.line, a->loc.column, a->loc.pointer, 0},
                         fmt::format("{}: {}", a->title, how)});
    }
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
    check_reformed(s, g, ctx);
    for (const auto &m : g.members) {
      check_withdrawn(s.doc, s.source, m.qualification, ctx);
      for (const auto &r : m.related) {
        check_withdrawn(s.doc, s.source, r, ctx);
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
      } else {
        namespace fs = std::filesystem;
        fs::path base = s.doc.file == "-" ? fs::path() : fs::path(s.doc.file).parent_path();
        check_member_delivery(s, m, *programme,
                              (base / m.programme).lexically_normal().generic_string(), ctx);
      }
    }
  }
}

} // namespace npq::checks
