// npq coverage [PATH...]: framework areas against periods, throughout activities and topics.
#include "cli/output.hpp"
#include "npq/report/coverage.hpp"

#include <fmt/format.h>
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
    run_report(
        inv, options->input, options->output, options->paths, true,
        [&](const Gathered &g, const ReferenceData &data) {
          std::vector<report::CoverageReport> reports;
          bool complete = true;
          // The programmes given, then those suites link to that were not given.
          std::vector<const model::Programme *> programmes = g.programmes;
          programmes.insert(programmes.end(), g.linked.begin(), g.linked.end());
          for (const auto *p : programmes) {
            reports.push_back(report::build_coverage_report(*p, data));
            for (const auto &row : reports.back().rows) {
              complete = complete && row.status == "covered";
            }
          }
          Report out;
          auto gaps = suite_gaps(g, "coverage", "coverage", inv.env.columns);
          inv.err << gaps.message;
          auto suites = suite_tables(g, "Areas covered", [&](const model::Programme &p) {
            for (std::size_t i = 0; i < programmes.size(); ++i) {
              if (programmes[i] != &p) {
                continue;
              }
              const auto &r = reports[i];
              if (!r.problem.empty()) {
                return std::string("not known: ") + r.problem;
              }
              std::size_t covered = 0;
              for (const auto &row : r.rows) {
                covered += row.status == "covered" ? 1 : 0;
              }
              return fmt::format("{} of {} ({})", covered, r.rows.size(), r.framework_id);
            }
            return std::string();
          });
          const std::string &f = options->format;
          std::string suite_text = report::render_suites(suites, f == "markdown", inv.env.columns);
          out.content = f == "markdown" ? suite_text + report::render_coverage_markdown(reports)
                        : f == "json"
                            ? report::render_coverage_json(reports)
                            : suite_text + report::render_coverage_text(reports, inv.env.columns);
          out.status =
              (options->strict && !complete) || gaps.nothing_to_report ? kExitFindings : kExitOk;
          return out;
        });
  });
}

} // namespace npq::cli
