// npq routemap PATH: the Markdown route map page for a website, optionally with a Mermaid
// picture; -o writes it atomically, --check keeps a committed page current in CI.
#include "cli/output.hpp"
#include "npq/report/routemap.hpp"
#include "npq/text/terminal.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

void setup_routemap(CLI::App &app, Invocation &inv) {
  struct Options {
    std::string path;
    bool mermaid = false;
    bool allow_contradictions = false;
    InputOptions input;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("routemap", "Markdown route map page for a programme or suite");
  cmd->add_option("path", options->path, "A programme or suite file, or - for standard input")
      ->required()
      ->type_name("PATH");
  cmd->add_flag("--mermaid", options->mermaid,
                "Add a Mermaid timeline of the route map (rendered by GitHub, MkDocs, Docusaurus)");
  cmd->add_flag("--allow-contradictions", options->allow_contradictions,
                "Write the page although published figures contradict each other or the route "
                "map, showing each contradiction on the page");
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer(
      "A programme whose published figures contradict each other or the route map gets no page\n"
      "(exit 1) unless --allow-contradictions, which shows each contradiction on the page.\n\n"
      "Examples:\n"
      "  npq routemap programmes/ucl-npqsl.yaml --mermaid -o site/ucl-npqsl.md\n"
      "  npq routemap programmes/ucl-npqsl.yaml --mermaid --check site/ucl-npqsl.md   # in CI");
  cmd->callback([options, &inv] {
    run_report(inv, options->input, options->output, {options->path}, false,
               [&](const Gathered &g, const ReferenceData &data) {
                 report::RouteMapOptions ro;
                 ro.mermaid = options->mermaid;
                 ro.allow_contradictions = options->allow_contradictions;
                 ro.figures = figure_options(options->input);
                 auto one = single(g, options->path, true, inv, "routemap");
                 if (!one) {
                   return Report{"", kExitFindings, false};
                 }
                 if (one->programme != nullptr) {
                   const auto &p = *one->programme;
                   auto found = report::contradictions(p, ro.figures);
                   if (!found.empty() && !ro.allow_contradictions) {
                     // Never let a provider publish, unknowingly, figures that contradict each
                     // other: nothing is written.
                     inv.err << fmt::format("npq routemap: {} publishes figures that do not agree; "
                                            "no page written:\n",
                                            terminal_safe(p.doc.file));
                     for (const auto &c : found) {
                       inv.err << "  - " << terminal_safe(c) << "\n";
                     }
                     inv.err << "Correct them, or pass --allow-contradictions to write the page "
                                "with each contradiction shown on it.\n";
                     return Report{"", kExitFindings, false};
                   }
                 }
                 return Report{one->programme != nullptr
                                   ? report::render_routemap(*one->programme, data, ro)
                                   : report::render_routemap(*one->suite, data, ro)};
               });
  });
}

} // namespace npq::cli
