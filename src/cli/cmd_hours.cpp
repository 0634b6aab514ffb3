// npq hours [PATH...]: hour tables per period and activity kind, by delivery, and the published
// figures beside the route map's. Exits 1 when a published figure does not reconcile.
#include "cli/output.hpp"
#include "npq/report/hours.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

void setup_hours(CLI::App &app, Invocation &inv) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    bool strict = false;
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
  cmd->add_flag("--strict", options->strict,
                "Exit 1 on an open figure too (one that holds only under a condition)");
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer(
      "Every published figure is confirmed, contradicted or open (true only under a condition\n"
      "the source does not state); the table says which, and what would make an open one true.\n"
      "Exit status: 0 when no figure is contradicted, 1 when one is (or, with --strict, when\n"
      "one is open), 3 when an input cannot be read.\n\n"
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
                   reports.push_back(
                       report::build_hours_report(*p, figure_options(options->input)));
                   const auto &r = reports.back();
                   if (r.contradicted > 0) {
                     out.status = kExitFindings;
                     inv.err << fmt::format("{}: {} published figure{} contradicted "
                                            "(npq validate {} shows where)\n",
                                            p->doc.file, r.contradicted,
                                            r.contradicted == 1 ? " is" : "s are", p->doc.file);
                   }
                   if (r.open > 0 && options->strict) {
                     out.status = kExitFindings;
                     inv.err << fmt::format("{}: {} published figure{} open (--strict)\n",
                                            p->doc.file, r.open, r.open == 1 ? " is" : "s are");
                   }
                 }
                 const std::string &f = options->format;
                 out.content = f == "markdown" ? report::render_hours_markdown(reports)
                               : f == "csv"    ? report::render_hours_csv(reports)
                               : f == "json"   ? report::render_hours_json(reports)
                                             : report::render_hours_text(reports, inv.env.columns);
                 return out;
               });
  });
}

} // namespace npq::cli
