// Framework coverage: every area covered by something specific; blanket claims recorded but
// reported separately; assessment parts that together assess every area.
#include "npq/checks/check.hpp"

#include <fmt/format.h>
#include <set>

namespace npq::checks {

namespace {

struct Claims {
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
      areas.insert(a.value.substr(0, slash));
      if (slash == std::string::npos) {
        whole_areas.insert(a.value);
      } else {
        statements.insert(a.value);
      }
    }
  }
};

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
  if (framework->provisional) {
    ctx.out.add(Code::provisional_framework, at(p.doc, p.framework->loc),
                fmt::format("the area list of framework '{}' is provisional", framework->id));
  }
  Claims claims;
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
        assessed.insert(a.value.substr(0, a.value.find('/')));
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
