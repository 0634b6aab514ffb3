#include "cli/output.hpp"

#include "npq/io/write.hpp"
#include "npq/markup/front_matter.hpp"

#include <dtl/dtl.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace npq::cli {

void add_output_options(CLI::App &command, OutputOptions &options) {
  command
      .add_option("-o,--output", options.output,
                  "Write to FILE (atomically; never over an input) instead of standard output")
      ->type_name("FILE");
  command
      .add_option("--check", options.check,
                  "Compare with FILE instead of writing: exit 1 and print a diff if FILE is "
                  "not what npq would generate now")
      ->type_name("FILE");
}

Gathered gather(const std::vector<std::string> &paths, const ReferenceData &data,
                const InputOptions &options, Invocation &inv, bool default_to_programmes) {
  Gathered g;
  Diagnostics problems;
  std::vector<std::string> wanted = paths;
  if (wanted.empty() && default_to_programmes) {
    wanted = options.project.paths.empty() ? std::vector<std::string>{"programmes"}
                                           : options.project.paths;
  }
  auto expanded = io::expand_paths(wanted, problems);
  g.unreadable = expanded.unreadable > 0;
  SessionOptions session = session_options(options);
  for (const auto &path : expanded.files) {
    g.results.push_back(check_input(path, data, session, inv));
  }
  std::vector<const FileResult *> with_errors;
  for (const auto &r : g.results) {
    g.inputs.push_back(r.path);
    g.unreadable = g.unreadable || r.unreadable;
    bool usable = false;
    if (r.parsed) {
      for (const auto &doc : r.parsed->documents) {
        if (const auto *p = std::get_if<model::Programme>(&doc.model)) {
          g.programmes.push_back(p);
          usable = true;
        } else if (const auto *s = std::get_if<model::Suite>(&doc.model)) {
          g.suites.push_back(s);
          usable = true;
        } else if (doc.structure_ok) {
          usable = true; // frameworks and catalogues: nothing to report, nothing wrong
        }
      }
    }
    if (!usable) {
      with_errors.push_back(&r);
      g.blocked = true;
    }
  }
  if (!problems.empty()) {
    RenderOptions ro;
    inv.err << render_text(problems, RunSummary{}, ro);
  }
  if (!with_errors.empty()) {
    print_findings(with_errors, options, inv);
  }
  return g;
}

void run_report(Invocation &inv, InputOptions &input, const OutputOptions &output,
                const std::vector<std::string> &paths, bool default_to_programmes,
                const std::function<Report(const Gathered &, const ReferenceData &)> &render) {
  auto data = load_reference_data(input, inv);
  if (!data) {
    return;
  }
  Gathered g = gather(paths, *data, input, inv, default_to_programmes);
  Report report = render(g, *data);
  int status = report.written ? deliver(report, output, g.inputs, inv) : kExitOk;
  if (g.unreadable) {
    inv.exit_code = kExitUnreadable;
  } else if (status != kExitOk) {
    inv.exit_code = status;
  } else if (report.status != kExitOk) {
    inv.exit_code = report.status;
  } else {
    inv.exit_code = g.blocked ? kExitFindings : kExitOk;
  }
}

std::string unified_diff(const std::string &before, const std::string &after,
                         const std::string &before_name, const std::string &after_name) {
  auto split = [](const std::string &text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
      lines.push_back(l);
    }
    return lines;
  };
  auto a = split(before);
  auto b = split(after);
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  out << "--- " << before_name << "\n+++ " << after_name << "\n";
  diff.printUnifiedFormat(out);
  return out.str();
}

int deliver(const Report &report, const OutputOptions &options,
            const std::vector<std::string> &inputs, Invocation &inv) {
  const std::string &content = report.content;
  if (!options.check.empty()) {
    std::ifstream in(options.check, std::ios::binary);
    if (!in) {
      inv.err << fmt::format("npq: cannot read '{}' to check it\n", options.check);
      return kExitUnreadable;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (report.front_matter_aware) {
      auto cmp = markup::compare_pages(ss.str(), content);
      if (cmp.same) {
        inv.err << fmt::format("{} is up to date\n", options.check);
        return kExitOk;
      }
      for (const auto &problem : cmp.problems) {
        inv.out << options.check << ": " << problem << "\n";
      }
      auto committed = markup::split_front_matter(ss.str()).body;
      auto generated = markup::split_front_matter(content).body;
      if (committed != generated) {
        inv.out << unified_diff(committed, generated, options.check,
                                options.check + " (as npq generates it now)");
      }
    } else if (ss.str() == content) {
      inv.err << fmt::format("{} is up to date\n", options.check);
      return kExitOk;
    } else {
      inv.out << unified_diff(ss.str(), content, options.check,
                              options.check + " (as npq generates it now)");
    }
    inv.err << fmt::format("{} is stale: run the same command with -o {} instead of --check\n",
                           options.check, options.check);
    return kExitFindings;
  }
  if (!options.output.empty()) {
    auto result = io::write_atomically(options.output, content, inputs);
    if (!result.ok) {
      inv.err << "npq: " << result.error << "\n";
      return kExitUnreadable;
    }
    return kExitOk;
  }
  inv.out << content;
  return kExitOk;
}

} // namespace npq::cli
