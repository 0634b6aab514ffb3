// npq hours [PATH...]: hour tables per period and activity kind, by delivery, and the published
// figures beside the route map's. Exits 1 when a published figure does not reconcile.
#include "cli/output.hpp"
#include "npq/report/hours.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

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
      "Every published figure is confirmed, contradicted or open (true only under a condition "
      "the source does not state); the table says which, and what would make an open one true. "
      "A suite is reported through the programmes its members link.\n"
      "Exit status: 0 when no figure is contradicted, 1 when one is (or, with --strict, when "
      "one is open, or when a suite links no programme), 3 when an input cannot be read.\n\n"
      "Examples:\n"
      "  npq hours                                  # every programme under programmes/\n"
      "  npq hours programmes/ucl-npqsl.yaml -f markdown -o docs/ucl-hours.md\n"
      "  npq hours -f csv > hours.csv");
  cmd->callback([options, &inv] {
    run_report(
        inv, options->input, options->output, options->paths, true,
        [&](const Gathered &g, const ReferenceData &) {
          std::vector<report::HoursReport> reports;
          Report out;
          // The programmes given, then those suites link to that were not given.
          std::vector<const model::Programme *> programmes = g.programmes;
          programmes.insert(programmes.end(), g.linked.begin(), g.linked.end());
          for (const auto *p : programmes) {
            reports.push_back(report::build_hours_report(*p, figure_options(options->input)));
            const auto &r = reports.back();
            if (r.contradicted > 0) {
              out.status = kExitFindings;
              inv.err << text::wrap_paragraph(
                  fmt::format("{}: {} published figure{} contradicted "
                              "(npq validate {} shows where)",
                              terminal_safe(p->doc.file), r.contradicted,
                              r.contradicted == 1 ? " is" : "s are", terminal_safe(p->doc.file)),
                  inv.env.columns, "", "  ");
            }
            if (r.open > 0 && options->strict) {
              out.status = kExitFindings;
              inv.err << fmt::format("{}: {} published figure{} open (--strict)\n",
                                     terminal_safe(p->doc.file), r.open,
                                     r.open == 1 ? " is" : "s are");
            }
          }
          // A suite is reported through its members' programmes.
          auto gaps = suite_gaps(g, "hours", "hours", inv.env.columns);
          inv.err << gaps.message;
          if (gaps.nothing_to_report) {
            out.status = kExitFindings;
          }
          auto suites = suite_tables(g, "Hours", [&](const model::Programme &p) {
            for (std::size_t i = 0; i < programmes.size(); ++i) {
              if (programmes[i] == &p) {
                return reports[i].has_route_map ? reports[i].programme.total.str()
                                                : std::string("no route map");
              }
            }
            return std::string();
          });
          const std::string &f = options->format;
          std::string suite_text = report::render_suites(suites, f == "markdown", inv.env.columns);
          out.content = f == "markdown" ? suite_text + report::render_hours_markdown(reports)
                        : f == "csv"    ? report::render_hours_csv(reports)
                        : f == "json"
                            ? report::render_hours_json(reports)
                            : suite_text + report::render_hours_text(reports, inv.env.columns);
          return out;
        });
  });
}

} // namespace npq::cli
