// npq explain CODE: what a diagnostic code means and how to fix it.
#include "cli/command.hpp"

#include "npq/text/suggest.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

namespace {

int run_explain(const std::string& name, Invocation& inv) {
  auto code = find_code(name);
  if (!code) {
    std::vector<std::string_view> names;
    for (const auto& c : all_codes()) {
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
  const auto& ci = info(*code);
  inv.out << fmt::format("{} ({}): {}\n\n", ci.code, ci.slug, ci.summary);
  inv.out << fmt::format("Default severity: {}. Category: {}.\n\n", to_string(ci.severity),
                         to_string(ci.category));
  inv.out << ci.explanation << "\n";
  return kExitOk;
}

int run_list(Invocation& inv) {
  for (const auto& ci : all_codes()) {
    inv.out << fmt::format("{}  {:<8} {:<10} {}\n", ci.code, to_string(ci.severity),
                           to_string(ci.category), ci.summary);
  }
  return kExitOk;
}

} // namespace

void setup_explain(CLI::App& app, Invocation& inv) {
  struct Options {
    std::string code;
    bool list = false;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("explain", "Explain a diagnostic code");
  cmd->add_option("code", options->code, "A code such as NPQ102, or its name (unknown-key)")
      ->type_name("CODE");
  cmd->add_flag("--list", options->list, "List every code with its severity and summary");
  cmd->footer("Examples:\n  npq explain NPQ102\n  npq explain duplicate-key\n  npq explain --list");
  cmd->callback([options, &inv] {
    if (options->list) {
      inv.exit_code = run_list(inv);
    } else if (options->code.empty()) {
      inv.err << "npq explain: name a code, or use --list\n";
      inv.exit_code = kExitUsage;
    } else {
      inv.exit_code = run_explain(options->code, inv);
    }
  });
}

} // namespace npq::cli
