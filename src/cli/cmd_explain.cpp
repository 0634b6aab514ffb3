// npq explain CODE: what a diagnostic code means and how to fix it.
#include "cli/command.hpp"
#include "cli/output.hpp"
#include "npq/markup/text_table.hpp"
#include "npq/report/explain_total.hpp"
#include "npq/text/suggest.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

namespace {

struct ExplainOptions {
  std::string target;
  std::string total;
  bool list = false;
  InputOptions input;
};

// The programme in `path`, checked; nullptr (with the findings printed) when there is none.
const model::Programme *programme_in(const FileResult &result) {
  if (result.parsed) {
    for (const auto &doc : result.parsed->documents) {
      if (const auto *p = std::get_if<model::Programme>(&doc.model)) {
        return p;
      }
    }
  }
  return nullptr;
}

// 'npq explain FILE' without --total: say how to ask, with what this file can total.
int explain_how_to_ask(ExplainOptions options, Invocation &inv) {
  std::size_t width = inv.env.columns;
  std::string what = "programme, period:ID or title, kind:KIND, mode:MODE, synchrony:VALUE or "
                     "category:N";
  auto data = load_reference_data(options.input, inv);
  if (data) {
    auto result = check_input(options.target, *data, session_options(options.input, inv), inv);
    if (const auto *p = programme_in(result)) {
      what = report::totals_of(*p);
    }
  }
  inv.err << text::wrap_paragraph(
      fmt::format("npq explain: '{}' is a file, not a code. To see how one of its totals is "
                  "reached, add --total WHAT, e.g. 'npq explain {} --total programme'. WHAT is "
                  "one of: {}",
                  terminal_safe(options.target), terminal_safe(options.target), what),
      width, "", "  ");
  return kExitUsage;
}

bool looks_like_a_file(const std::string &name) {
  std::error_code ec;
  return name == "-" || name.find('/') != std::string::npos || name.ends_with(".yaml") ||
         name.ends_with(".yml") || std::filesystem::exists(name, ec);
}

int run_explain(const std::string &name, Invocation &inv) {
  auto code = find_code(name);
  if (!code) {
    std::vector<std::string_view> names;
    for (const auto &c : all_codes()) {
      names.push_back(c.code);
      names.push_back(c.slug);
    }
    inv.err << fmt::format("npq explain: unknown code '{}'\n", name);
    if (auto hint = did_you_mean(name, names); !hint.empty()) {
      inv.err << "hint: " << hint << "\n";
    } else {
      inv.err << "hint: run 'npq explain --list' to see every code\n";
    }
    return kExitUsage;
  }
  const auto &ci = info(*code);
  std::size_t width = inv.env.columns;
  inv.out << text::wrap_paragraph(fmt::format("{} ({}): {}", ci.code, ci.slug, ci.summary), width,
                                  "", "  ")
          << "\n";
  inv.out << fmt::format("Default severity: {}. Category: {}.\n\n", to_string(ci.severity),
                         to_string(ci.category));
  inv.out << text::wrap_paragraph(ci.explanation, width);
  return kExitOk;
}

int run_list(Invocation &inv) {
  markup::TerminalTable table;
  table.header = {"Code", "Severity", "Category", "Summary"};
  table.width = inv.env.columns;
  for (const auto &ci : all_codes()) {
    table.rows.push_back({std::string(ci.code), std::string(to_string(ci.severity)),
                          std::string(to_string(ci.category)), std::string(ci.summary)});
  }
  inv.out << table.str();
  return kExitOk;
}

// Through run_report, like every report: the same reading, the same refusal of a file with
// several programmes, the same exit statuses.
void run_total(ExplainOptions &options, Invocation &inv) {
  run_report(inv, options.input, OutputOptions{}, {options.target}, false,
             [&](const Gathered &g, const ReferenceData &) {
               auto one = single(g, options.target, false, inv, "explain");
               if (!one) {
                 return Report{"", kExitFindings, false};
               }
               auto e = report::explain_total(*one->programme, options.total, inv.env.columns);
               if (!e.ok) {
                 inv.err << text::wrap_paragraph("npq explain: " + e.text, inv.env.columns, "",
                                                 "  ");
                 return Report{"", kExitUsage, false};
               }
               return Report{e.text};
             });
}

} // namespace

void setup_explain(CLI::App &app, Invocation &inv) {
  auto options = std::make_shared<ExplainOptions>();
  auto *cmd =
      app.add_subcommand("explain", "Explain a diagnostic code, or how a total was reached");
  cmd->add_option(
         "target", options->target,
         "A code such as NPQ102 (or its name, unknown-key); with --total, a programme file")
      ->type_name("CODE|FILE");
  cmd->add_option("--total", options->total,
                  "Explain a total of FILE: programme, period:ID (or its title), kind:KIND, "
                  "mode:MODE, synchrony:VALUE or category:N (or its label)")
      ->type_name("WHAT");
  cmd->add_flag("--list", options->list, "List every code with its severity and summary");
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n  npq explain NPQ102\n  npq explain duplicate-key\n  npq explain --list\n"
              "  npq explain programmes/ucl-npqsl.yaml --total programme\n"
              "  npq explain programmes/ucl-npqsl.yaml --total \"period:Term two\"\n"
              "  npq explain programmes/ucl-npqsl.yaml --total category:4");
  cmd->callback([options, &inv] {
    if (options->list) {
      inv.exit_code = run_list(inv);
    } else if (options->target.empty()) {
      inv.err << "npq explain: name a code (or a file with --total), or use --list\n";
      inv.exit_code = kExitUsage;
    } else if (!options->total.empty()) {
      run_total(*options, inv);
    } else if (!find_code(options->target) && looks_like_a_file(options->target)) {
      inv.exit_code = explain_how_to_ask(*options, inv);
    } else {
      inv.exit_code = run_explain(options->target, inv);
    }
  });
}

} // namespace npq::cli
