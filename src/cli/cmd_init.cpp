// npq init: scaffold a new programme that validates at once. Never overwrites a file.
#include "cli/command.hpp"
#include "npq/io/write.hpp"
#include "npq/report/scaffold.hpp"
#include "npq/text/terminal.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <ostream>
#include <vector>

namespace npq::cli {

namespace {

namespace fs = std::filesystem;

// The $schema reference of a new file in the output's folder: a path relative to that folder,
// since the file is committed and shared and an absolute path would name this machine's folders.
// The nearest schemas/ above the folder comes first (a checkout of npq, or a project that vendors
// the schemas), then the schemas installed beside this binary (PREFIX/bin/npq ->
// PREFIX/share/npq), then those of the source tree it was built from, then the configured install
// location. Empty (no $schema line) when none is there.
std::string schema_reference(const std::string &output) {
  std::error_code ec;
  fs::path dir = output.empty() || output == "-" ? fs::current_path(ec)
                                                 : fs::absolute(fs::path(output), ec).parent_path();
  std::vector<fs::path> candidates;
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    candidates.push_back(d / "schemas");
    if (d == d.parent_path()) {
      break;
    }
  }
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "share" / "npq" / "schemas");
  }
  candidates.emplace_back(NPQ_SOURCE_SCHEMAS);
  candidates.emplace_back(NPQ_INSTALLED_SCHEMAS);
  for (const auto &c : candidates) {
    fs::path schema = c / "programme.schema.json";
    std::error_code missing; // a folder without schemas is the normal case
    if (fs::is_regular_file(schema, missing)) {
      fs::path relative = fs::relative(schema, dir, ec);
      return ec ? std::string() : relative.generic_string();
    }
  }
  return {};
}

} // namespace

void setup_init(CLI::App &app, Invocation &inv) {
  struct Options {
    report::ScaffoldOptions scaffold;
    std::string output;
    InputOptions input;
  };
  auto options = std::make_shared<Options>();
  auto *cmd = app.add_subcommand("init", "Start a new programme file that validates at once");
  cmd->add_option("-q,--qualification", options->scaffold.qualification,
                  "The qualification's catalogue code, e.g. NPQH")
      ->required()
      ->type_name("CODE");
  cmd->add_option("-p,--provider", options->scaffold.provider, "The lead provider's name")
      ->required();
  cmd->add_option("-t,--title", options->scaffold.title, "The programme's title");
  cmd->add_option("-o,--output", options->output,
                  "The file to create (never overwritten); default: standard output")
      ->type_name("FILE");
  add_input_options(*cmd, options->input);
  cmd->footer("Examples:\n  npq init --qualification NPQH --provider \"Example Trust\" -o "
              "programmes/example-npqh.yaml\n"
              "  npq validate programmes/example-npqh.yaml");
  cmd->callback([options, &inv] {
    auto data = load_reference_data(options->input, inv);
    if (!data) {
      return;
    }
    options->scaffold.schema_path = schema_reference(options->output);
    std::string error;
    std::string text = report::scaffold_programme(options->scaffold, *data, error);
    if (!error.empty()) {
      inv.err << "npq init: " << error << "\n";
      inv.exit_code = kExitUsage;
      return;
    }
    if (options->output.empty() || options->output == "-") {
      inv.out << text;
      inv.exit_code = kExitOk;
      return;
    }
    auto result = io::create_new_file(options->output, text);
    if (!result.ok) {
      inv.err << "npq init: " << terminal_safe(result.error) << "\n";
      inv.exit_code = kExitUnreadable;
      return;
    }
    inv.err << fmt::format("created {}; check it with 'npq validate {}'\n",
                           terminal_safe(options->output), terminal_safe(options->output));
    inv.exit_code = kExitOk;
  });
}

} // namespace npq::cli
