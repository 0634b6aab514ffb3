#include "npq/report/coverage.hpp"

#include "npq/markup/markdown.hpp"
#include "npq/markup/text_table.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace npq::report {

namespace {

using Json = nlohmann::ordered_json;

// What one column claims: specific areas, and whether it makes a blanket claim.
struct Claim {
  std::set<std::string> areas;
  bool all = false;
  void add(const model::Coverage &c) {
    if (!c.present) {
      return;
    }
    all = all || c.all;
    for (const auto &a : c.areas) {
      areas.insert(a.value.substr(0, a.value.find('/')));
    }
  }
};

std::string mark(const std::string &cell) {
  return cell == "yes" ? "✓" : cell == "all" ? "(all)" : "";
}

std::vector<std::string> header(const CoverageReport &r) {
  std::vector<std::string> h{"Area"};
  h.insert(h.end(), r.columns.begin(), r.columns.end());
  h.push_back("Covered");
  return h;
}

std::vector<std::string> cells(const CoverageReport::Row &row) {
  std::vector<std::string> c{row.number > 0 ? fmt::format("{} {}", row.number, row.area_title)
                                            : row.area_title};
  for (const auto &cell : row.cells) {
    c.push_back(mark(cell));
  }
  c.push_back(row.status);
  return c;
}

std::string called_out(const CoverageReport &r, bool markdown) {
  std::vector<std::string> missing;
  std::vector<std::string> blanket;
  for (const auto &row : r.rows) {
    if (row.status == "not covered") {
      missing.push_back(row.area_title);
    } else if (row.status == "blanket claim only") {
      blanket.push_back(row.area_title);
    }
  }
  auto list = [&](const std::vector<std::string> &items) {
    std::string out;
    for (const auto &i : items) {
      out += (out.empty() ? "" : "; ") + (markdown ? markup::md(i) : terminal_safe(i));
    }
    return out;
  };
  std::string out;
  if (!missing.empty()) {
    out +=
        fmt::format("Not covered ({} of {}): {}\n", missing.size(), r.rows.size(), list(missing));
  }
  if (!blanket.empty()) {
    out += fmt::format("Covered only by a general claim ({} of {}): {}\n", blanket.size(),
                       r.rows.size(), list(blanket));
  }
  if (missing.empty() && blanket.empty() && !r.rows.empty()) {
    out += fmt::format("Every one of the {} areas is covered.\n", r.rows.size());
  }
  return out;
}

} // namespace

CoverageReport build_coverage_report(const model::Programme &p, const ReferenceData &data) {
  CoverageReport r;
  r.file = p.doc.file;
  r.title = p.title;
  if (!p.framework) {
    r.problem = "the programme names no framework";
    return r;
  }
  const auto *framework = data.framework(p.framework->value);
  if (framework == nullptr) {
    r.problem = fmt::format("framework '{}' is not known", p.framework->value);
    return r;
  }
  r.framework_id = framework->id;
  r.framework_title = framework->title;
  r.provisional = framework->provisional;
  if (framework->areas_unnamed()) {
    r.problem = framework->area_count
                    ? fmt::format("framework '{}' has {} areas, but none is named in npq's data, "
                                  "so coverage cannot be checked by area",
                                  framework->id, *framework->area_count)
                    : fmt::format("framework '{}' lists no areas", framework->id);
    return r;
  }
  std::vector<Claim> claims;
  for (const auto &period : p.route_map.periods) {
    Claim c;
    c.add(period.covers);
    for (const auto &a : period.activities) {
      c.add(a.covers);
    }
    claims.push_back(c);
    r.columns.push_back(period.title);
  }
  Claim throughout;
  for (const auto &a : p.route_map.throughout) {
    throughout.add(a.covers);
  }
  if (!p.route_map.throughout.empty()) {
    claims.push_back(throughout);
    r.columns.push_back("Throughout");
  }
  for (const auto *slot : {&p.route_map.before, &p.route_map.after}) {
    if (slot->empty()) {
      continue;
    }
    Claim c;
    for (const auto &a : *slot) {
      c.add(a.covers);
    }
    claims.push_back(c);
    r.columns.push_back(slot == &p.route_map.before ? "Before" : "After");
  }
  if (!p.topics.empty()) {
    Claim topics;
    for (const auto &t : p.topics) {
      topics.add(t.covers);
    }
    claims.push_back(topics);
    r.columns.push_back("Topics");
  }
  for (const auto &area : framework->areas) {
    CoverageReport::Row row{area.id, area.title, area.number, {}, {}};
    bool specific = false;
    bool blanket = false;
    auto claimed = [&](const Claim &c) {
      if (c.areas.count(area.id) != 0) {
        return true;
      }
      for (const auto &alias : area.aliases) { // a former id counts for the area
        if (c.areas.count(alias) != 0) {
          return true;
        }
      }
      return false;
    };
    for (const auto &c : claims) {
      if (claimed(c)) {
        row.cells.push_back("yes");
        specific = true;
      } else if (c.all) {
        row.cells.push_back("all");
        blanket = true;
      } else {
        row.cells.push_back("");
      }
    }
    row.status = specific ? "covered" : blanket ? "blanket claim only" : "not covered";
    r.rows.push_back(std::move(row));
  }
  return r;
}

std::string render_coverage_text(const std::vector<CoverageReport> &reports, std::size_t width) {
  std::string out;
  for (const auto &r : reports) {
    out += text::wrap_paragraph(fmt::format("{} — {}", r.file, terminal_safe(r.title)), width, "",
                                "  ");
    if (!r.problem.empty()) {
      out += text::wrap_paragraph("No coverage matrix: " + terminal_safe(r.problem) + ".", width) +
             "\n";
      continue;
    }
    out += text::wrap_paragraph(fmt::format("Framework: {} ({}){}", r.framework_id,
                                            terminal_safe(r.framework_title),
                                            r.provisional ? " — provisional area list" : ""),
                                width, "", "  ");
    markup::TerminalTable t;
    t.header = header(r);
    t.width = width;
    for (auto &h : t.header) {
      h = terminal_safe(h);
    }
    for (const auto &row : r.rows) {
      t.rows.push_back(cells(row));
      t.rows.back()[0] = terminal_safe(t.rows.back()[0]);
    }
    out += t.str();
    std::string lines = called_out(r, false);
    for (std::size_t at = 0, end; at < lines.size(); at = end + 1) {
      end = lines.find('\n', at);
      out += text::wrap_paragraph(std::string_view(lines).substr(at, end - at), width, "", "  ");
    }
    out += "\n";
  }
  return out;
}

std::string render_coverage_markdown(const std::vector<CoverageReport> &reports) {
  std::string out;
  for (const auto &r : reports) {
    out += fmt::format("## {}\n\n", markup::md(r.title));
    if (!r.problem.empty()) {
      out += "No coverage matrix: " + markup::md(r.problem) + ".\n\n";
      continue;
    }
    out +=
        fmt::format("Framework: {} ({}){}\n\n", markup::md(r.framework_id),
                    markup::md(r.framework_title), r.provisional ? " — provisional area list" : "");
    markup::MarkdownTable t;
    t.header = header(r);
    for (const auto &row : r.rows) {
      t.rows.push_back(cells(row));
    }
    out += t.str() + "\n" + called_out(r, true) + "\n";
  }
  return out;
}

std::string render_coverage_json(const std::vector<CoverageReport> &reports) {
  Json root = Json::array();
  for (const auto &r : reports) {
    Json j;
    j["file"] = r.file;
    j["title"] = r.title;
    j["framework"] = r.framework_id;
    j["provisional"] = r.provisional;
    j["problem"] = r.problem.empty() ? Json(nullptr) : Json(r.problem);
    j["columns"] = r.columns;
    Json rows = Json::array();
    for (const auto &row : r.rows) {
      rows.push_back(Json{{"area", row.area_id},
                          {"title", row.area_title},
                          {"cells", row.cells},
                          {"status", row.status}});
    }
    j["areas"] = rows;
    root.push_back(j);
  }
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace npq::report
