// npq explain CODE: what a diagnostic code means and how to fix it.
#include "cli/output.hpp"
#include "npq/report/explain_total.hpp"
#include "npq/text/suggest.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

namespace {

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
  inv.out << fmt::format("{} ({}): {}\n\n", ci.code, ci.slug, ci.summary);
  inv.out << fmt::format("Default severity: {}. Category: {}.\n\n", to_string(ci.severity),
                         to_string(ci.category));
  inv.out << ci.explanation << "\n";
  return kExitOk;
}

int run_list(Invocation &inv) {
  for (const auto &ci : all_codes()) {
    inv.out << fmt::format("{}  {:<8} {:<10} {}\n", ci.code, to_string(ci.severity),
                           to_string(ci.category), ci.summary);
  }
  return kExitOk;
}

struct ExplainOptions {
  std::string target;
  std::string total;
  bool list = false;
  InputOptions input;
};

// Through run_report, like every report: the same reading, the same refusal of a file with
// several programmes, the same exit statuses.
void run_total(ExplainOptions &options, Invocation &inv) {
  run_report(inv, options.input, OutputOptions{}, {options.target}, false,
             [&](const Gathered &g, const ReferenceData &) {
               auto one = single(g, options.target, false, inv, "explain");
               if (!one) {
                 return Report{"", kExitFindings, false};
               }
               auto e = report::explain_total(*one->programme, options.total);
               if (!e.ok) {
                 inv.err << "npq explain: " << e.text << "\n";
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
                  "Explain a total of FILE: programme, period:ID, kind:KIND, mode:MODE, "
                  "synchrony:VALUE or category:N")
      ->type_name("WHAT");
  cmd->add_flag("--list", options->list, "List every code with its severity and summary");
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n  npq explain NPQ102\n  npq explain duplicate-key\n  npq explain --list\n"
              "  npq explain programmes/ucl-npqsl.yaml --total programme\n"
              "  npq explain programmes/ucl-npqsl.yaml --total period:term-2\n"
              "  npq explain programmes/ucl-npqsl.yaml --total category:4");
  cmd->callback([options, &inv] {
    if (options->list) {
      inv.exit_code = run_list(inv);
    } else if (options->target.empty()) {
      inv.err << "npq explain: name a code (or a file with --total), or use --list\n";
      inv.exit_code = kExitUsage;
    } else if (!options->total.empty()) {
      run_total(*options, inv);
    } else {
      inv.exit_code = run_explain(options->target, inv);
    }
  });
}

} // namespace npq::cli
