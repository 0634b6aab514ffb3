// npq hours [PATH...]: hour tables per period and activity kind, by delivery, and the published
// figures beside the route map's. Exits 1 when a published figure does not reconcile.
#include "cli/output.hpp"
#include "npq/report/hours.hpp"
#include "npq/text/terminal.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

void setup_hours(CLI::App &app, Invocation &inv) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    InputOptions input;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("hours", "Hour tables: per period and kind, by delivery, "
                                          "published against route map");
  cmd->add_option("paths", options->paths, "Programme files or folders; default: programmes/")
      ->type_name("PATH");
  cmd->add_option("-f,--format", options->format, "text, markdown, csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "csv", "json"}));
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer(
      "Exit status: 0 when every published figure agrees with the route map, 1 when one\n"
      "does not (the same reconciliation as 'npq validate'), 3 when an input cannot be read.\n\n"
      "Examples:\n"
      "  npq hours                                  # every programme under programmes/\n"
      "  npq hours programmes/ucl-npqsl.yaml -f markdown -o docs/ucl-hours.md\n"
      "  npq hours -f csv > hours.csv");
  cmd->callback([options, &inv] {
    run_report(inv, options->input, options->output, options->paths, true,
               [&](const Gathered &g, const ReferenceData &) {
                 std::vector<report::HoursReport> reports;
                 Report out;
                 for (const auto *p : g.programmes) {
                   reports.push_back(report::build_hours_report(*p));
                   if (!reports.back().reconciled) {
                     out.status = kExitFindings;
                     std::size_t differ = 0;
                     for (const auto &f : reports.back().published) {
                       differ += f.agrees ? 0 : 1;
                     }
                     inv.err << fmt::format(
                         "{}: {} published figure{} do{} not agree with the route map "
                         "(npq validate {} shows where)\n",
                         terminal_safe(p->doc.file), differ, differ == 1 ? "" : "s",
                         differ == 1 ? "es" : "", terminal_safe(p->doc.file));
                   }
                 }
                 const std::string &f = options->format;
                 out.content = f == "markdown" ? report::render_hours_markdown(reports)
                               : f == "csv"    ? report::render_hours_csv(reports)
                               : f == "json"   ? report::render_hours_json(reports)
                                               : report::render_hours_text(reports);
                 return out;
               });
  });
}

} // namespace npq::cli
