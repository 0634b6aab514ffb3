// npq coverage [PATH...]: framework areas against periods, throughout activities and topics.
#include "cli/output.hpp"
#include "npq/report/coverage.hpp"

#include <ostream>

namespace npq::cli {

void setup_coverage(CLI::App &app, Invocation &inv) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    bool strict = false;
    InputOptions input;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("coverage", "Coverage matrix: framework areas against periods");
  cmd->add_option("paths", options->paths, "Programme files or folders; default: programmes/")
      ->type_name("PATH");
  cmd->add_option("-f,--format", options->format, "text, markdown or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_flag("--strict", options->strict,
                "Exit 1 when an area is not covered, or covered only by a general claim");
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n  npq coverage programmes/ambition-npqsl.yaml\n"
              "  npq coverage -f markdown -o docs/coverage.md");
  cmd->callback([options, &inv] {
    run_report(inv, options->input, options->output, options->paths, true,
               [&](const Gathered &g, const ReferenceData &data) {
                 std::vector<report::CoverageReport> reports;
                 bool complete = true;
                 for (const auto *p : g.programmes) {
                   reports.push_back(report::build_coverage_report(*p, data));
                   for (const auto &row : reports.back().rows) {
                     complete = complete && row.status == "covered";
                   }
                 }
                 Report out;
                 const std::string &f = options->format;
                 out.content = f == "markdown" ? report::render_coverage_markdown(reports)
                               : f == "json"
                                   ? report::render_coverage_json(reports)
                                   : report::render_coverage_text(reports, inv.env.columns);
                 out.status = options->strict && !complete ? kExitFindings : kExitOk;
                 return out;
               });
  });
}

} // namespace npq::cli
