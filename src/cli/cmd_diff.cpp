// npq diff OLD NEW: what changed between two versions of a programme. Exit 1 when anything did.
#include "cli/output.hpp"
#include "npq/report/diff.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

void setup_diff(CLI::App &app, Invocation &inv) {
  struct Options {
    std::string before;
    std::string after;
    std::string format = "text";
    InputOptions input;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("diff", "What changed between two versions of a programme");
  cmd->add_option("old", options->before, "The earlier version")->required()->type_name("OLD");
  cmd->add_option("new", options->after, "The later version (- for standard input)")
      ->required()
      ->type_name("NEW");
  cmd->add_option("-f,--format", options->format, "text, markdown or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer("Exit status: 0 when nothing changed, 1 when something did, 3 when a file cannot be "
              "read.\n\nExamples:\n"
              "  git show HEAD~1:programmes/ucl-npqsl.yaml > /tmp/old.yaml\n"
              "  npq diff /tmp/old.yaml programmes/ucl-npqsl.yaml");
  cmd->callback([options, &inv] {
    run_report(inv, options->input, options->output, {options->before, options->after}, false,
               [&](const Gathered &g, const ReferenceData &data) {
                 // The programme each of the two files holds, if it holds a valid one.
                 auto programme_of = [&](const std::string &path) -> const model::Programme * {
                   for (const auto &r : g.results) {
                     if (r.path != path || !r.parsed) {
                       continue;
                     }
                     for (const auto &doc : r.parsed->documents) {
                       if (const auto *p = std::get_if<model::Programme>(&doc.model)) {
                         return p;
                       }
                     }
                   }
                   return nullptr;
                 };
                 const auto *a = programme_of(options->before);
                 const auto *b = programme_of(options->after);
                 if (a == nullptr || b == nullptr) {
                   inv.err << "npq diff: both files must hold a valid programme\n";
                   return Report{"", kExitFindings, false};
                 }
                 auto changes = report::diff_programmes(*a, *b, data);
                 auto format = options->format == "markdown" ? report::TableFormat::markdown
                               : options->format == "json"   ? report::TableFormat::json
                                                             : report::TableFormat::text;
                 return Report{report::render_diff(changes, options->before, options->after, format,
                                                   inv.env.columns),
                               changes.empty() ? kExitOk : kExitFindings};
               });
  });
}

} // namespace npq::cli
