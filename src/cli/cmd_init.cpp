// npq init: scaffold a new programme that validates at once. Never overwrites a file.
#include "cli/command.hpp"
#include "npq/io/write.hpp"
#include "npq/report/scaffold.hpp"
#include "npq/text/terminal.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <ostream>

namespace npq::cli {

namespace {

namespace fs = std::filesystem;

// The nearest schemas/programme.schema.json above the output folder (a checkout of npq, or a
// project that vendors the schemas), else the installed copy.
std::string schema_reference(const std::string &output) {
  fs::path dir = output.empty() || output == "-" ? fs::current_path()
                                                 : fs::absolute(fs::path(output)).parent_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / "schemas" / "programme.schema.json")) {
      return fs::relative(d / "schemas" / "programme.schema.json", dir).generic_string();
    }
    if (d == d.parent_path()) {
      break;
    }
  }
  // Otherwise the schemas installed beside this binary (PREFIX/bin/npq -> PREFIX/share/npq),
  // then those of the source tree it was built from, then the configured install location.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "share" / "npq" / "schemas");
  }
  candidates.emplace_back(NPQ_SOURCE_SCHEMAS);
  for (const auto &c : candidates) {
    if (fs::exists(c / "programme.schema.json", ec)) {
      return (fs::weakly_canonical(c, ec) / "programme.schema.json").generic_string();
    }
  }
  return std::string(NPQ_INSTALLED_SCHEMAS) + "/programme.schema.json";
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
