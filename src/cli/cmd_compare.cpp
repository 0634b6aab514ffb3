// npq compare PATH PATH...: programmes side by side.
#include "cli/output.hpp"
#include "npq/report/compare.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

void setup_compare(CLI::App &app, Invocation &inv) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    InputOptions input;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("compare", "Programmes side by side: duration, hours, delivery, "
                                            "coverage, funding, assessment");
  cmd->add_option("paths", options->paths, "Two or more programme or suite files, or folders")
      ->required()
      ->type_name("PATH");
  cmd->add_option("-f,--format", options->format, "text, markdown or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer("One column per programme, headed by its provider; a suite is a column of what its "
              "programmes share, and brings the programmes its members link.\n\n"
              "Examples:\n"
              "  npq compare programmes/ucl-npqsl.yaml programmes/ambition-npqsl.yaml\n"
              "  npq compare programmes -f markdown -o docs/compare.md");
  cmd->callback([options, &inv] {
    run_report(inv, options->input, options->output, options->paths, false,
               [&](const Gathered &g, const ReferenceData &data) {
                 // Columns in the order the files were given, each document in file order.
                 std::vector<report::Compared> items;
                 for (const auto &r : g.results) {
                   if (!r.parsed) {
                     continue;
                   }
                   for (const auto &doc : r.parsed->documents) {
                     if (const auto *p = std::get_if<model::Programme>(&doc.model)) {
                       items.emplace_back(p);
                     } else if (const auto *s = std::get_if<model::Suite>(&doc.model)) {
                       items.emplace_back(s);
                     }
                   }
                 }
                 // A suite brings the programmes its members link, unless they were given.
                 for (const auto *p : g.linked) {
                   items.emplace_back(p);
                 }
                 if (items.size() < 2) {
                   inv.err << "npq compare: give at least two valid programmes or suites\n";
                   return Report{"", kExitUsage, false};
                 }
                 if (g.programmes.size() > report::kMaxCompared) {
                   inv.err << fmt::format("npq compare: {} programmes given; a comparison lays at "
                                          "most {} side by side\n",
                                          g.programmes.size(), report::kMaxCompared);
                   return Report{"", kExitUsage, false};
                 }
                 auto format = options->format == "markdown" ? report::TableFormat::markdown
                               : options->format == "json"   ? report::TableFormat::json
                                                             : report::TableFormat::text;
                 return Report{report::render_compare(items, data, format, inv.env.columns)};
               });
  });
}

} // namespace npq::cli
