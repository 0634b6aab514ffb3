// npq export PATH --format json: the resolved programme with computed totals, for other tools.
#include "cli/output.hpp"
#include "npq/report/export.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>

namespace npq::cli {

void setup_export(CLI::App &app, Invocation &inv) {
  struct Options {
    std::string path;
    std::string format = "json";
    InputOptions input;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("export", "The resolved programme with computed totals, as JSON "
                                           "(schema: schemas/export.schema.json)");
  cmd->add_option("path", options->path, "A programme or suite file, or - for standard input")
      ->required()
      ->type_name("PATH");
  cmd->add_option("-f,--format", options->format, "json (the only format)")
      ->capture_default_str()
      ->check(CLI::IsMember({"json"}));
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n  npq export programmes/ucl-npqsl.yaml --format json > ucl.json\n"
              "  npq export programmes/ucl-npqsl.yaml | jq '.totals.programme'");
  cmd->callback([options, &inv] {
    run_report(inv, options->input, options->output, {options->path}, false,
               [&](const Gathered &g, const ReferenceData &data) {
                 auto one = single(g, options->path, true, inv, "export");
                 if (!one || g.results.empty()) {
                   return Report{"", kExitFindings, false};
                 }
                 const Diagnostics &findings = g.results.front().diagnostics;
                 if (one->programme != nullptr) {
                   return Report{report::export_json(*one->programme, data, findings)};
                 }
                 // A suite, with the programme file each member links and the export of each
                 // valid one.
                 using Json = nlohmann::ordered_json;
                 Json suite = Json::parse(report::export_json(*one->suite, data, findings));
                 auto findings_of = [&](const model::Programme *p) -> const Diagnostics & {
                   for (const auto *results : {&g.results, &g.linked_results}) {
                     for (const auto &r : *results) {
                       if (!r.parsed) {
                         continue;
                       }
                       for (const auto &doc : r.parsed->documents) {
                         if (std::get_if<model::Programme>(&doc.model) == p) {
                           return r.diagnostics;
                         }
                       }
                     }
                   }
                   static const Diagnostics none;
                   return none;
                 };
                 std::size_t next = 0;
                 Json programmes = Json::array();
                 std::vector<const model::Programme *> exported;
                 for (auto &group : suite["groups"]) {
                   for (auto &member : group["members"]) {
                     const auto &m = g.members.at(next++);
                     member["programme"] = m.file.empty() ? Json(nullptr) : Json(m.file);
                     if (m.programme != nullptr && std::find(exported.begin(), exported.end(),
                                                             m.programme) == exported.end()) {
                       exported.push_back(m.programme);
                       programmes.push_back(Json::parse(
                           report::export_json(*m.programme, data, findings_of(m.programme))));
                     }
                   }
                 }
                 suite["programmes"] = programmes;
                 return Report{suite.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"};
               });
  });
}

} // namespace npq::cli
