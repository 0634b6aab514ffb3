// npq frameworks [show ID]: the bundled (and --data) frameworks and NPQ catalogue.
#include "cli/command.hpp"
#include "npq/markup/markdown.hpp"
#include "npq/markup/text_table.hpp"
#include "npq/report/labels.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>

namespace npq::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string> &items, std::string_view sep = ", ") {
  std::string out;
  for (const auto &i : items) {
    out += (out.empty() ? "" : std::string(sep)) + i;
  }
  return out;
}

std::vector<std::string> values(const std::vector<model::Ref> &refs) {
  std::vector<std::string> out;
  out.reserve(refs.size());
  for (const auto &r : refs) {
    out.push_back(r.value);
  }
  return out;
}

std::string status_text(const model::Framework &f) {
  return f.status == "under-review" ? "under review" : f.status;
}

/// Whether the framework's area list is provisional: all of it, some areas, or none.
std::string provisional_text(const model::Framework &f) {
  if (f.areas_unnamed()) {
    return f.provisional ? "yes, not named" : "not named";
  }
  if (f.provisional) {
    return "yes";
  }
  std::vector<std::string> which;
  for (const auto &a : f.areas) {
    if (a.provisional) {
      which.push_back(a.number > 0 ? std::to_string(a.number) : a.id);
    }
  }
  if (which.empty()) {
    return "no";
  }
  return (which.size() == 1 ? "area " : "areas ") + joined(which);
}

Json month_range_json(const std::optional<model::MonthRange> &m) {
  if (!m) {
    return nullptr;
  }
  if (m->low == m->high) {
    return m->low;
  }
  return Json{{"from", m->low}, {"to", m->high}};
}

/// Where a list of the framework rests: the DfE (or a copy of its document), or only providers'
/// pages and the press.
std::string provenance_text(const model::Framework &f, std::string_view what) {
  if (f.primary_support(what)) {
    return "DfE";
  }
  bool provider = false;
  bool press = false;
  for (const auto &s : f.sources) {
    if (std::find(s.supports.begin(), s.supports.end(), what) != s.supports.end()) {
      provider = provider || s.kind == "provider";
      press = press || s.kind == "press";
    }
  }
  if (provider && press) {
    return "providers, press";
  }
  return provider ? "providers" : press ? "press" : "not recorded";
}

/// Where the area titles come from, for the listing.
std::string titles_text(const model::Framework &f) {
  return f.areas_unnamed() ? "-" : provenance_text(f, "area-titles");
}

void list(const ReferenceData &data, bool json, Invocation &inv) {
  if (json) {
    Json root;
    root["frameworks"] = Json::array();
    for (const auto &f : data.frameworks()) {
      std::vector<std::string> provisional_areas;
      for (const auto &a : f.areas) {
        if (a.provisional) {
          provisional_areas.push_back(a.id);
        }
      }
      root["frameworks"].push_back(Json{{"id", f.id},
                                        {"aliases", values(f.aliases)},
                                        {"title", f.title},
                                        {"qualifications", values(f.qualifications)},
                                        {"areas", f.counted_areas()},
                                        {"areas_named", f.areas.size()},
                                        {"status", f.status},
                                        {"superseded_by", values(f.superseded_by)},
                                        {"provisional", f.provisional},
                                        {"provisional_areas", provisional_areas},
                                        {"reformed", f.reformed},
                                        {"source_url", f.source.url}});
    }
    root["qualifications"] = Json::array();
    for (const auto &q : data.qualifications()) {
      root["qualifications"].push_back(
          Json{{"code", q.code},
               {"identifier", q.identifier},
               {"name", q.name},
               {"group", q.group},
               {"taught_months", q.taught_months ? Json(*q.taught_months) : Json(nullptr)},
               {"assessment_months", month_range_json(q.assessment_months)},
               {"frameworks", q.frameworks},
               {"withdrawn", q.withdrawn}});
    }
    inv.out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return;
  }
  std::size_t width = inv.env.columns;
  // Two tables rather than one too wide to read: the lists' status, then the titles.
  markup::TerminalTable frameworks;
  frameworks.header = {"Framework",   "Areas",       "Status",
                       "Provisional", "Titles from", "Qualifications"};
  frameworks.right_aligned = {false, true};
  frameworks.whole = {true, true, true};
  frameworks.width = width;
  markup::TerminalTable titles;
  titles.header = {"Framework", "Title"};
  titles.whole = {true};
  titles.width = width;
  for (const auto &f : data.frameworks()) {
    frameworks.rows.push_back({terminal_safe(f.id), std::to_string(f.counted_areas()),
                               status_text(f), provisional_text(f), titles_text(f),
                               terminal_safe(joined(values(f.qualifications)))});
    titles.rows.push_back({terminal_safe(f.id), terminal_safe(f.title)});
  }
  inv.out << "Frameworks\n" << frameworks.str() << "\n" << titles.str();
  markup::TerminalTable qualifications;
  qualifications.header = {"Code", "Identifier", "Group", "Taught", "Assessment", "Name"};
  qualifications.whole = {true, true, true, true, true};
  qualifications.width = width;
  for (const auto &q : data.qualifications()) {
    qualifications.rows.push_back(
        {terminal_safe(q.code), q.identifier.empty() ? "-" : terminal_safe(q.identifier),
         terminal_safe(q.group), q.taught_months ? fmt::format("{} months", *q.taught_months) : "-",
         q.assessment_months ? model::to_string(*q.assessment_months) : "-",
         terminal_safe(q.name) + (q.withdrawn ? " (withdrawn)" : "")});
  }
  inv.out << "\nQualifications (NPQ catalogue)\n" << qualifications.str();
  inv.out << "\n"
          << text::wrap_paragraph("Status 'under review': the DfE announced a review of all NPQ "
                                  "frameworks on 10 January 2025.",
                                  width)
          << text::wrap_paragraph(
                 "Provisional: npq's data marks the area list, or the areas named, as not "
                 "confirmed; 'not named': the areas are counted, not named. Titles from: whether "
                 "a DfE source (or a copy of the framework) gives the area titles, or only "
                 "providers' pages or the press.",
                 width)
          << text::wrap_paragraph("Run 'npq frameworks show ID' for a framework's areas and the "
                                  "sources of each list, or 'npq frameworks show catalogue' for "
                                  "the role and setting vocabularies.",
                                  width);
}

int show(const ReferenceData &data, const std::string &id, bool json, Invocation &inv) {
  if (id == "catalogue") {
    if (json) {
      Json root;
      for (const auto *words : {&data.roles(), &data.settings()}) {
        Json list = Json::array();
        for (const auto &w : *words) {
          list.push_back(Json{{"id", w.id}, {"label", w.label}, {"aliases", w.aliases}});
        }
        root[words == &data.roles() ? "roles" : "settings"] = list;
      }
      inv.out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
      return kExitOk;
    }
    for (const auto *words : {&data.roles(), &data.settings()}) {
      markup::TerminalTable t;
      t.header = {words == &data.roles() ? "Role (audience.roles)"
                                         : "Setting (audience.settings, funding settings)",
                  "Label"};
      t.whole = {true};
      t.width = inv.env.columns;
      for (const auto &w : *words) {
        t.rows.push_back({terminal_safe(w.id), terminal_safe(w.label)});
      }
      inv.out << (words == &data.roles() ? "" : "\n") << t.str();
    }
    return kExitOk;
  }
  const auto *f = data.framework(id);
  if (f == nullptr) {
    inv.err << fmt::format("npq frameworks: no framework '{}'; run 'npq frameworks' to list them\n",
                           terminal_safe(id));
    return kExitUsage;
  }
  if (json) {
    Json root{{"id", f->id},
              {"aliases", values(f->aliases)},
              {"title", f->title},
              {"reference", f->reference},
              {"published", f->published},
              {"status", f->status},
              {"superseded_by", values(f->superseded_by)},
              {"provisional", f->provisional},
              {"area_count", f->counted_areas()},
              {"source", Json{{"title", f->source.title}, {"url", f->source.url}}}};
    root["sources"] = Json::array();
    for (const auto &s : f->sources) {
      root["sources"].push_back(Json{{"title", s.title},
                                     {"url", s.url},
                                     {"kind", s.kind},
                                     {"supports", s.supports},
                                     {"quote", s.quote}});
    }
    root["areas"] = Json::array();
    for (const auto &a : f->areas) {
      Json statements = Json::array();
      for (const auto &s : a.statements) {
        statements.push_back(Json{{"id", s.id}, {"kind", s.kind}, {"text", s.text}});
      }
      root["areas"].push_back(Json{{"id", a.id},
                                   {"aliases", a.aliases},
                                   {"number", a.number},
                                   {"title", a.title},
                                   {"provisional", a.provisional},
                                   {"statements", statements}});
    }
    root["behaviours"] = Json::array();
    for (const auto &b : f->behaviours) {
      root["behaviours"].push_back(Json{{"id", b.id}, {"title", b.title}});
    }
    root["assessment_parts"] = Json::array();
    for (const auto &p : f->assessment_parts) {
      root["assessment_parts"].push_back(
          Json{{"id", p.id}, {"title", p.title}, {"qualifications", p.qualifications}});
    }
    inv.out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::size_t width = inv.env.columns;
  auto put = [&](const std::string &text, std::string_view first = {},
                 std::string_view rest = "  ") {
    inv.out << text::wrap_paragraph(text, width, first, rest);
  };
  // An address is never cut (a terminal could not follow it): it gets a line of its own.
  auto address = [&](const std::string &url, std::string_view indent) {
    if (!url.empty()) {
      inv.out << indent << "<" << terminal_safe(url) << ">\n";
    }
  };
  put(fmt::format("{} — {}", terminal_safe(f->id), terminal_safe(f->title)));
  if (!f->aliases.empty()) {
    put(fmt::format("Former ids: {}", terminal_safe(joined(values(f->aliases)))));
  }
  if (!f->reference.empty() || !f->published.empty()) {
    put(fmt::format("Reference: {}; published {}",
                    f->reference.empty() ? "-" : terminal_safe(f->reference),
                    f->published.empty() ? "-" : terminal_safe(f->published)));
  }
  put(fmt::format(
      "Status: {}{}", status_text(*f),
      f->superseded_by.empty() ? "" : " by " + terminal_safe(joined(values(f->superseded_by)))));
  put(fmt::format("Source: {}", terminal_safe(f->source.title)));
  address(f->source.url, "  ");
  if (f->provisional) {
    put("PROVISIONAL: the area list is not confirmed by the framework itself.");
  }
  if (!f->sources.empty()) {
    inv.out << "\nWhere each list comes from (DfE, providers' pages or the press)\n";
    for (const char *what : {"area-count", "area-titles", "area-order", "dates", "status"}) {
      inv.out << fmt::format("  {:<12} {}\n", what, provenance_text(*f, what));
    }
    if (!f->behaviours.empty()) {
      inv.out << fmt::format("  {:<12} {}\n", "behaviours", provenance_text(*f, "behaviours"));
    }
    if (!f->assessment_parts.empty()) {
      inv.out << fmt::format("  {:<12} {}\n", "parts", provenance_text(*f, "assessment-parts"));
    }
    inv.out << "\nSources\n";
    for (const auto &s : f->sources) {
      put(fmt::format("[{}] {}", s.kind, terminal_safe(s.title)), "  ", "      ");
      address(s.url, "      ");
      put(fmt::format("supports: {}{}", joined(s.supports),
                      s.quote.empty() ? "" : "; \"" + terminal_safe(s.quote) + "\""),
          "      ", "        ");
    }
  }
  inv.out << "\nAreas\n";
  if (f->areas_unnamed()) {
    put(f->area_count ? fmt::format("{} areas, counted but not named by any source npq holds: "
                                    "coverage cannot be checked by area",
                                    *f->area_count)
                      : std::string("(none listed)"),
        "  ", "  ");
  }
  for (const auto &a : f->areas) {
    std::string extra;
    if (a.provisional) {
      extra += " (provisional)";
    }
    if (!a.aliases.empty()) {
      extra += " (formerly " + joined(a.aliases) + ")";
    }
    put(fmt::format("{:<3} {}: {}{}", a.number > 0 ? std::to_string(a.number) : "-",
                    terminal_safe(a.title), terminal_safe(a.id), terminal_safe(extra)),
        "  ", "      ");
    for (const auto &s : a.statements) {
      put(fmt::format("{} {}", terminal_safe(s.id), terminal_safe(s.text)), "        ",
          "          ");
    }
  }
  if (!f->behaviours.empty()) {
    inv.out << "\nLeadership behaviours\n";
    for (const auto &b : f->behaviours) {
      put(fmt::format("{:<16} {}", terminal_safe(b.id), terminal_safe(b.title)), "  ",
          "                   ");
    }
  }
  if (!f->assessment_parts.empty()) {
    inv.out << "\nAssessment parts by level\n";
    for (const auto &q : f->qualifications) {
      std::vector<std::string> titles;
      for (const auto *p : f->parts_for(q.value)) {
        titles.push_back(terminal_safe(p->title));
      }
      put(fmt::format("{:<9} {}", terminal_safe(q.value),
                      titles.empty() ? "none recorded: left to the programme" : joined(titles)),
          "  ", "            ");
    }
  }
  return kExitOk;
}

} // namespace

void setup_frameworks(CLI::App &app, Invocation &inv) {
  struct Options {
    std::vector<std::string> args;
    std::string format = "text";
    bool json = false;
    InputOptions input;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("frameworks", "List the DfE frameworks and the NPQ catalogue, or "
                                               "show one framework");
  cmd->add_option("args", options->args, "'show ID' to show one framework (or 'show catalogue')")
      ->type_name("[show ID]");
  cmd->add_option("-f,--format", options->format, "text or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--json", options->json, "The same as --format json");
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n  npq frameworks\n  npq frameworks show npqsl-2020\n"
              "  npq frameworks show catalogue\n  npq frameworks -f json");
  cmd->callback([options, &inv] {
    auto data = load_reference_data(options->input, inv);
    if (!data) {
      return;
    }
    const auto &a = options->args;
    bool json = options->json || options->format == "json";
    if (a.empty()) {
      list(*data, json, inv);
      inv.exit_code = kExitOk;
    } else if (a.size() == 2 && a[0] == "show") {
      inv.exit_code = show(*data, a[1], json, inv);
    } else {
      inv.err << "npq frameworks: use 'npq frameworks' or 'npq frameworks show ID'\n";
      inv.exit_code = kExitUsage;
    }
  });
}

} // namespace npq::cli
