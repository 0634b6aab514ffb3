// npq frameworks [show ID]: the bundled (and --data) frameworks and NPQ catalogue.
#include "cli/command.hpp"
#include "npq/report/labels.hpp"
#include "npq/text/terminal.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>

namespace npq::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string> &items) {
  std::string out;
  for (const auto &i : items) {
    out += (out.empty() ? "" : ", ") + i;
  }
  return out;
}

// Every text below may come from a --data file: through the one terminal-safe path, like every
// other text renderer, so no escape sequence in it reaches the terminal.
std::string safe(std::string_view text) {
  return terminal_safe(text);
}

void list(const ReferenceData &data, bool json, Invocation &inv) {
  if (json) {
    Json root;
    root["frameworks"] = Json::array();
    for (const auto &f : data.frameworks()) {
      std::vector<std::string> codes;
      for (const auto &q : f.qualifications) {
        codes.push_back(q.value);
      }
      root["frameworks"].push_back(Json{{"id", f.id},
                                        {"title", f.title},
                                        {"qualifications", codes},
                                        {"areas", f.areas.size()},
                                        {"provisional", f.provisional},
                                        {"reformed", f.reformed}});
    }
    root["qualifications"] = Json::array();
    for (const auto &q : data.qualifications()) {
      root["qualifications"].push_back(
          Json{{"code", q.code},
               {"identifier", q.identifier},
               {"name", q.name},
               {"group", q.group},
               {"taught_months", q.taught_months ? Json(*q.taught_months) : Json(nullptr)},
               {"frameworks", q.frameworks},
               {"withdrawn", q.withdrawn}});
    }
    inv.out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return;
  }
  inv.out << "Frameworks\n";
  for (const auto &f : data.frameworks()) {
    std::vector<std::string> codes;
    for (const auto &q : f.qualifications) {
      codes.push_back(q.value);
    }
    inv.out << fmt::format("  {:<14} {:>2} areas  {:<28} {}{}\n", safe(f.id), f.areas.size(),
                           safe(joined(codes)), safe(f.title),
                           f.provisional ? " (provisional)" : "");
  }
  inv.out << "\nQualifications (NPQ catalogue)\n";
  for (const auto &q : data.qualifications()) {
    inv.out << fmt::format("  {:<9} {:<35} {:<10} {:>9}  {}{}\n", safe(q.code),
                           q.identifier.empty() ? "-" : safe(q.identifier), safe(q.group),
                           q.taught_months ? fmt::format("{} months", *q.taught_months) : "",
                           safe(q.name), q.withdrawn ? " (withdrawn)" : "");
  }
  inv.out << "\nRun 'npq frameworks show ID' for a framework's areas, or 'npq frameworks show "
             "catalogue' for the role and setting vocabularies.\n";
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
    inv.out << "Roles (audience.roles)\n";
    for (const auto &w : data.roles()) {
      inv.out << fmt::format("  {:<36} {}\n", safe(w.id), safe(w.label));
    }
    inv.out << "\nSettings (audience.settings, funding settings)\n";
    for (const auto &w : data.settings()) {
      inv.out << fmt::format("  {:<36} {}\n", safe(w.id), safe(w.label));
    }
    return kExitOk;
  }
  const auto *f = data.framework(id);
  if (f == nullptr) {
    inv.err << fmt::format("npq frameworks: no framework '{}'; run 'npq frameworks' to list them\n",
                           safe(id));
    return kExitUsage;
  }
  if (json) {
    Json root{{"id", f->id},
              {"title", f->title},
              {"reference", f->reference},
              {"published", f->published},
              {"provisional", f->provisional},
              {"source", Json{{"title", f->source.title}, {"url", f->source.url}}}};
    root["areas"] = Json::array();
    for (const auto &a : f->areas) {
      Json statements = Json::array();
      for (const auto &s : a.statements) {
        statements.push_back(Json{{"id", s.id}, {"kind", s.kind}, {"text", s.text}});
      }
      root["areas"].push_back(
          Json{{"id", a.id}, {"number", a.number}, {"title", a.title}, {"statements", statements}});
    }
    root["behaviours"] = Json::array();
    for (const auto &b : f->behaviours) {
      root["behaviours"].push_back(Json{{"id", b.id}, {"title", b.title}});
    }
    inv.out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  inv.out << fmt::format("{} — {}\n", safe(f->id), safe(f->title));
  if (!f->reference.empty() || !f->published.empty()) {
    inv.out << fmt::format("Reference: {}  Published: {}\n",
                           f->reference.empty() ? "-" : safe(f->reference),
                           f->published.empty() ? "-" : safe(f->published));
  }
  inv.out << fmt::format("Source: {}{}\n", safe(f->source.title),
                         f->source.url.empty() ? "" : " <" + safe(f->source.url) + ">");
  if (f->provisional) {
    inv.out << "PROVISIONAL: the area list is not confirmed by a primary source.\n";
  }
  inv.out << "\nAreas\n";
  if (f->areas.empty()) {
    inv.out << "  (none listed)\n";
  }
  for (const auto &a : f->areas) {
    inv.out << fmt::format("  {:<3} {:<46} {}\n", a.number > 0 ? std::to_string(a.number) : "-",
                           safe(a.id), safe(a.title));
    for (const auto &s : a.statements) {
      inv.out << fmt::format("        {} {}\n", safe(s.id), safe(s.text));
    }
  }
  if (!f->behaviours.empty()) {
    inv.out << "\nLeadership behaviours\n";
    for (const auto &b : f->behaviours) {
      inv.out << fmt::format("  {:<16} {}\n", safe(b.id), safe(b.title));
    }
  }
  return kExitOk;
}

} // namespace

void setup_frameworks(CLI::App &app, Invocation &inv) {
  struct Options {
    std::vector<std::string> args;
    bool json = false;
    InputOptions input;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("frameworks", "List the DfE frameworks and the NPQ catalogue, or "
                                               "show one framework");
  cmd->add_option("args", options->args, "'show ID' to show one framework (or 'show catalogue')")
      ->type_name("[show ID]");
  cmd->add_flag("--json", options->json, "Print JSON instead of text");
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n  npq frameworks\n  npq frameworks show npqsl-2020\n"
              "  npq frameworks show catalogue");
  cmd->callback([options, &inv] {
    auto data = load_reference_data(options->input, inv);
    if (!data) {
      return;
    }
    const auto &a = options->args;
    if (a.empty()) {
      list(*data, options->json, inv);
      inv.exit_code = kExitOk;
    } else if (a.size() == 2 && a[0] == "show") {
      inv.exit_code = show(*data, a[1], options->json, inv);
    } else {
      inv.err << "npq frameworks: use 'npq frameworks' or 'npq frameworks show ID'\n";
      inv.exit_code = kExitUsage;
    }
  });
}

} // namespace npq::cli
