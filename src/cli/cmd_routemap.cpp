// npq routemap PATH: the route map page for a website, in Markdown (default), HTML, SVG or
// schema.org JSON-LD, all from one model of the page; -o writes it atomically, --check keeps a
// committed page current in CI.
#include "cli/output.hpp"
#include "npq/report/routemap.hpp"
#include "npq/text/terminal.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

void setup_routemap(CLI::App &app, Invocation &inv) {
  struct Options {
    std::string path;
    std::string format = "markdown";
    bool mermaid = false;
    bool front_matter = false;
    bool standalone = false;
    bool allow_contradictions = false;
    InputOptions input;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand(
      "routemap", "Route map page for a website: Markdown, HTML, SVG picture or schema.org data");
  cmd->add_option("path", options->path, "A programme or suite file, or - for standard input")
      ->required()
      ->type_name("PATH");
  cmd->add_option("-f,--format", options->format,
                  "markdown (GitHub, MkDocs, Docusaurus, Jekyll), html (a fragment for a CMS), "
                  "svg (a picture of the route map) or jsonld (schema.org Course)")
      ->check(CLI::IsMember({"markdown", "html", "svg", "jsonld"}))
      ->type_name("FORMAT");
  cmd->add_flag("--mermaid", options->mermaid,
                "Markdown: add a Mermaid picture of the route map (GitHub renders it)");
  cmd->add_flag("--front-matter", options->front_matter,
                "Markdown, HTML: start with YAML front matter (title, description, and what npq "
                "needs); --check accepts keys a site adds to it");
  cmd->add_flag("--standalone", options->standalone,
                "HTML: a whole page, whose head carries the schema.org data as the only script");
  cmd->add_flag("--allow-contradictions", options->allow_contradictions,
                "Write the page although published figures contradict each other or the route "
                "map, showing each contradiction on the page");
  add_output_options(*cmd, options->output);
  add_input_options(*cmd, options->input);
  cmd->footer(
      "A programme whose published figures contradict each other or the route map gets no page\n"
      "(exit 1) unless --allow-contradictions, which shows each contradiction on the page.\n"
      "A suite's page links each member's pages (NAME.md or NAME.html, NAME.svg, NAME.jsonld,\n"
      "named after the member's programme file), to be written beside it.\n\n"
      "Examples:\n"
      "  npq routemap programmes/ucl-npqsl.yaml --mermaid -o site/ucl-npqsl.md\n"
      "  npq routemap programmes/ucl-npqsl.yaml -f html --standalone -o site/ucl-npqsl.html\n"
      "  npq routemap programmes/ucl-npqsl.yaml -f svg -o site/ucl-npqsl.svg\n"
      "  npq routemap programmes/ucl-npqsl.yaml --mermaid --check site/ucl-npqsl.md   # in CI");
  cmd->callback([options, &inv] {
    run_report(inv, options->input, options->output, {options->path}, false,
               [&](const Gathered &g, const ReferenceData &data) {
                 report::RouteMapOptions ro;
                 const std::string &f = options->format;
                 ro.format = f == "html"     ? report::PageFormat::html
                             : f == "svg"    ? report::PageFormat::svg
                             : f == "jsonld" ? report::PageFormat::jsonld
                                             : report::PageFormat::markdown;
                 ro.mermaid = options->mermaid;
                 ro.front_matter = options->front_matter;
                 ro.standalone = options->standalone;
                 ro.allow_contradictions = options->allow_contradictions;
                 ro.figures = figure_options(options->input);
                 for (auto [flag, on] :
                      {std::pair{"--mermaid", options->mermaid},
                       std::pair{"--standalone", options->standalone},
                       std::pair{"--allow-contradictions", options->allow_contradictions}}) {
                   if (on) {
                     ro.flags.emplace_back(flag);
                   }
                 }
                 auto refuse = [&](const std::string &why) {
                   inv.err << "npq routemap: " << why << "\n";
                   return Report{"", kExitUsage, false};
                 };
                 bool text_page = f == "markdown" || f == "html";
                 if (options->front_matter && !text_page) {
                   return refuse("--front-matter is for -f markdown and -f html");
                 }
                 if (options->standalone && f != "html") {
                   return refuse("--standalone is for -f html");
                 }
                 if (options->mermaid && f != "markdown") {
                   return refuse("--mermaid is for -f markdown (-f svg draws the route map)");
                 }
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
                   std::vector<std::string> missing;
                   Report r{report::render_routemap(p, data, ro, &missing)};
                   r.front_matter_aware = text_page;
                   for (const auto &m : missing) {
                     inv.err << fmt::format("npq routemap: note: the course data has no '{}': {} "
                                            "does not publish it, and npq does not make it up "
                                            "(search engines show a course only with it)\n",
                                            m, terminal_safe(p.doc.file));
                   }
                   return r;
                 }
                 {
                   if (!text_page) {
                     return refuse(fmt::format(
                         "a suite has no route map of its own: run -f {} on each member's "
                         "programme (its page links them)",
                         f));
                   }
                   Report r{report::render_routemap(*one->suite, data, ro)};
                   r.front_matter_aware = true;
                   return r;
                 }
               });
  });
}

} // namespace npq::cli
