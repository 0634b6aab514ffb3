// npq schema [KIND]: the JSON Schema of a document kind, or the generated format reference.
#include "cli/command.hpp"
#include "npq/format/json_schema.hpp"
#include "npq/format/reference_doc.hpp"
#include "npq/format/spec.hpp"

#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

void setup_schema(CLI::App &app, Invocation &inv) {
  struct Options {
    std::string kind = "programme";
    bool reference = false;
    bool list = false;
  };
  auto options = std::make_shared<Options>();
  auto *cmd =
      app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of a document kind");
  std::vector<std::string> kinds;
  for (const auto &k : format::kinds()) {
    kinds.emplace_back(k.name);
  }
  cmd->add_option("kind", options->kind, "programme, suite, framework, catalogue or config")
      ->capture_default_str()
      ->check(CLI::IsMember(kinds));
  cmd->add_flag("--reference", options->reference,
                "Print the Markdown format reference (docs/format-reference.md) instead");
  cmd->add_flag("--list", options->list, "List the document kinds");
  cmd->footer("Examples:\n  npq schema programme > programme.schema.json\n"
              "  npq schema --reference > docs/format-reference.md");
  cmd->callback([options, &inv] {
    if (options->list) {
      for (const auto &k : format::kinds()) {
        inv.out << fmt::format("{:<10} {}\n", k.name, k.summary);
      }
    } else if (options->reference) {
      inv.out << format::reference_markdown();
    } else {
      inv.out << format::json_schema(options->kind);
    }
    inv.exit_code = kExitOk;
  });
}

} // namespace npq::cli
