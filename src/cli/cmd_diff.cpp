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
    auto data = load_reference_data(options->input, inv);
    if (!data) {
      return;
    }
    auto a = gather({options->before}, *data, options->input, inv, false);
    auto b = gather({options->after}, *data, options->input, inv, false);
    if (a.unreadable || b.unreadable) {
      inv.exit_code = kExitUnreadable;
      return;
    }
    if (a.programmes.empty() || b.programmes.empty()) {
      inv.err << "npq diff: both files must hold a valid programme\n";
      inv.exit_code = kExitFindings;
      return;
    }
    auto changes = report::diff_programmes(*a.programmes.front(), *b.programmes.front(), *data);
    auto format = options->format == "markdown" ? report::TableFormat::markdown
                  : options->format == "json"   ? report::TableFormat::json
                                                : report::TableFormat::text;
    std::vector<std::string> inputs = a.inputs;
    inputs.insert(inputs.end(), b.inputs.begin(), b.inputs.end());
    int status = deliver(report::render_diff(changes, options->before, options->after, format),
                         options->output, inputs, inv);
    inv.exit_code = status != kExitOk ? status : changes.empty() ? kExitOk : kExitFindings;
  });
}

} // namespace npq::cli
