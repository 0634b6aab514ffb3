// Framework coverage: every area covered by something specific; blanket claims recorded but
// reported separately; assessment parts that together assess every area. Also what the reference
// data says about the framework itself: superseded, provisional, or areas counted but not named.
#include "npq/checks/check.hpp"

#include <fmt/format.h>
#include <set>

namespace npq::checks {

namespace {

struct Claims {
  const model::Framework &framework;
  std::set<std::string> areas;
  std::set<std::string> whole_areas; ///< areas named without a statement
  std::set<std::string> statements;  ///< "area/statement"
  const model::Coverage *blanket = nullptr;
  bool any = false;

  void add(const model::Coverage &c) {
    if (!c.present) {
      return;
    }
    any = true;
    if (c.all) {
      if (blanket == nullptr) {
        blanket = &c;
      }
      return;
    }
    for (const auto &a : c.areas) {
      auto slash = a.value.find('/');
      std::string area = a.value.substr(0, slash);
      if (const auto *known = framework.find_area(area)) {
        area = known->id; // a former id counts for the area it now names
      }
      areas.insert(area);
      if (slash == std::string::npos) {
        whole_areas.insert(area);
      } else {
        statements.insert(area + a.value.substr(slash));
      }
    }
  }
};

/// NPQ326: the programme cites a framework that has been replaced.
void check_status(const model::Programme &p, const model::Framework &framework,
                  const Context &ctx) {
  if (framework.status != "superseded") {
    return;
  }
  const auto *q = ctx.data.qualification(p.qualification.value);
  std::string all;
  std::string fitting;
  for (const auto &next : framework.superseded_by) {
    all += (all.empty() ? "'" : ", '") + next.value + "'";
    const auto *f = ctx.data.framework(next.value);
    bool written_for = false;
    if (f != nullptr && q != nullptr) {
      for (const auto &code : f->qualifications) {
        written_for = written_for || code.value == q->code;
      }
    }
    if (written_for) {
      fitting += (fitting.empty() ? "'" : ", '") + f->id + "'";
    }
  }
  std::string message;
  std::string hint;
  if (!fitting.empty()) {
    message = fmt::format("framework '{}' is superseded by {}", framework.id, fitting);
    hint = fmt::format("a programme that still runs follows {}; one recorded as it ran under "
                       "'{}' may keep it",
                       fitting, framework.id);
  } else if (!all.empty()) {
    message = fmt::format("framework '{}' is superseded by {}, none of them written for {}",
                          framework.id, all, q != nullptr ? q->code : p.qualification.value);
  } else {
    message = fmt::format("framework '{}' is superseded", framework.id);
  }
  ctx.out.add(Code::superseded_framework, at(p.doc, p.framework->loc), std::move(message),
              std::move(hint));
}

std::string list_titles(const std::vector<const model::Area *> &areas) {
  std::string out;
  for (const auto *a : areas) {
    out += (out.empty() ? "" : "; ") + a->title;
  }
  return out;
}

} // namespace

void check_coverage(const model::Programme &p, const Context &ctx) {
  if (!p.framework) {
    ctx.out.add(Code::coverage_not_stated, at(p.doc, p.loc),
                "the programme names no framework, so its coverage is not checked",
                "add 'framework: <id>' if the source says which framework it follows");
    return;
  }
  const auto *framework = ctx.data.framework(p.framework->value);
  if (framework == nullptr) {
    return; // reported as a reference error
  }
  check_status(p, *framework, ctx);
  if (framework->areas_unnamed()) {
    ctx.out.add(
        Code::areas_not_named, at(p.doc, p.framework->loc),
        framework->area_count
            ? fmt::format("framework '{}' has {} areas, but no source npq holds names them, so "
                          "coverage cannot be checked by area",
                          framework->id, *framework->area_count)
            : fmt::format("framework '{}' names no areas, so coverage cannot be checked by area",
                          framework->id),
        "give a framework file with the named areas with --data; 'npq frameworks show " +
            framework->id + "' says what is known");
    return;
  }
  if (framework->provisional) {
    ctx.out.add(Code::provisional_framework, at(p.doc, p.framework->loc),
                fmt::format("the area list of framework '{}' is provisional", framework->id));
  }
  Claims claims{*framework, {}, {}, {}, nullptr, false};
  for (const auto *c : model::teaching_coverage(p)) {
    claims.add(*c);
  }
  if (!claims.any) {
    ctx.out.add(
        Code::coverage_not_stated, at(p.doc, p.framework->loc),
        fmt::format("the programme does not say which areas of '{}' it covers", framework->id),
        "add 'covers' to periods, activities or topics");
  } else if (!framework->areas.empty()) {
    std::vector<const model::Area *> missing;
    for (const auto &area : framework->areas) {
      if (claims.areas.count(area.id) == 0) {
        missing.push_back(&area);
      }
    }
    if (!missing.empty() && claims.blanket != nullptr) {
      auto &d = ctx.out.add(
          Code::blanket_coverage_only, at(p.doc, claims.blanket->loc),
          fmt::format("{} of {} areas of '{}' are covered only by a blanket claim: {}",
                      missing.size(), framework->areas.size(), framework->id, list_titles(missing)),
          "name the areas each activity, period or topic covers");
      for (const auto *a : missing) {
        d.notes.push_back({at(framework->doc, a->loc), fmt::format("area '{}'", a->id)});
      }
    } else if (!missing.empty()) {
      auto &d =
          ctx.out.add(Code::area_not_covered, at(p.doc, p.framework->loc),
                      fmt::format("{} of {} areas of '{}' are not covered: {}", missing.size(),
                                  framework->areas.size(), framework->id, list_titles(missing)),
                      "cover them in an activity, period or topic, or check the framework");
      for (const auto *a : missing) {
        d.notes.push_back({at(framework->doc, a->loc), fmt::format("area '{}'", a->id)});
      }
    }
  }

  // Statement-level coverage: an area covered statement by statement must have them all.
  for (const auto &area : framework->areas) {
    if (area.statements.empty() || claims.whole_areas.count(area.id) != 0 ||
        claims.areas.count(area.id) == 0) {
      continue;
    }
    std::vector<std::string> missing;
    for (const auto &st : area.statements) {
      if (claims.statements.count(area.id + "/" + st.id) == 0) {
        missing.push_back(st.id);
      }
    }
    if (!missing.empty()) {
      std::string list;
      for (const auto &m : missing) {
        list += (list.empty() ? "" : ", ") + m;
      }
      ctx.out.add(Code::statement_not_covered, at(p.doc, p.framework->loc),
                  fmt::format("area '{}' is covered statement by statement, but {} of its {} "
                              "statements are not: {}",
                              area.id, missing.size(), area.statements.size(), list),
                  "cover the missing statements, or name the area as a whole");
    }
  }

  // Assessment parts that name areas must, together, assess all of them.
  std::set<std::string> assessed;
  bool parts_name_areas = false;
  for (const auto &part : p.assessment.parts) {
    if (part.assesses.present && !part.assesses.all) {
      parts_name_areas = true;
      for (const auto &a : part.assesses.areas) {
        if (const auto *area = framework->find_area(a.value.substr(0, a.value.find('/')))) {
          assessed.insert(area->id);
        }
      }
    } else if (part.assesses.all) {
      parts_name_areas = true;
      for (const auto &area : framework->areas) {
        assessed.insert(area.id);
      }
    }
  }
  if (parts_name_areas) {
    std::vector<const model::Area *> missing;
    for (const auto &area : framework->areas) {
      if (assessed.count(area.id) == 0) {
        missing.push_back(&area);
      }
    }
    if (!missing.empty()) {
      ctx.out.add(Code::assessment_parts_incomplete, at(p.doc, p.assessment.loc),
                  fmt::format("the assessment parts together assess {} of {} areas; not "
                              "assessed: {}",
                              framework->areas.size() - missing.size(), framework->areas.size(),
                              list_titles(missing)),
                  "name every area in one of the parts");
    }
  }
}

} // namespace npq::checks
