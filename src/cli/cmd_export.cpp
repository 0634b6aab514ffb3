// npq export PATH --format json: the resolved programme with computed totals, for other tools.
#include "cli/output.hpp"
#include "npq/report/export.hpp"

#include <fmt/format.h>
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
                 return Report{one->programme != nullptr
                                   ? report::export_json(*one->programme, data, findings)
                                   : report::export_json(*one->suite, data, findings)};
               });
  });
}

} // namespace npq::cli
