#include "cli/output.hpp"

#include "npq/io/write.hpp"
#include "npq/text/terminal.hpp"

#include <dtl/dtl.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
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
  SessionOptions session = session_options(options, inv);
  session.run_files = expanded.files.size();
  for (const auto &path : expanded.files) {
    g.results.push_back(check_input(path, data, session, inv));
  }
  std::vector<const FileResult *> with_errors;
  for (const auto &r : g.results) {
    g.internal = report_internal_error(r, inv) || g.internal;
    g.unreadable = g.unreadable || r.unreadable;
    // Every document must be readable for the file to count as reported: a file whose first
    // document is a valid programme and whose second is broken is shown with its findings and
    // fails the command, never reported as if it were whole.
    bool complete = r.parsed && !r.parsed->documents.empty();
    if (r.parsed) {
      for (const auto &doc : r.parsed->documents) {
        complete = complete && doc.structure_ok;
        if (const auto *p = std::get_if<model::Programme>(&doc.model)) {
          g.programmes.push_back(p);
        } else if (const auto *s = std::get_if<model::Suite>(&doc.model)) {
          g.suites.push_back(s);
        }
      }
      // Errors that stopped a document being read (syntax, structure) are not in any document.
      for (const auto &d : r.diagnostics.items()) {
        auto category = info(d.code).category;
        complete = complete && !(d.severity == Severity::error && d.suppressed.empty() &&
                                 (category == Category::input || category == Category::syntax));
      }
    }
    if (!complete) {
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
  if (g.internal) {
    return; // a bug in npq, reported with exit status 4: no page from a half-checked input
  }
  Report report = render(g, *data);
  int status = report.written ? deliver(report.content, output,
                                        session_options(input, inv).max_file_bytes, inv)
                              : kExitOk;
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

std::optional<Single> single(const Gathered &g, const std::string &path, bool suites,
                             Invocation &inv, const std::string &command) {
  std::size_t count = g.programmes.size() + (suites ? g.suites.size() : 0);
  std::string what = suites ? "programme or suite" : "programme";
  if (count == 0) {
    inv.err << fmt::format("npq {}: '{}' holds no valid {}\n", command, terminal_safe(path), what);
    return std::nullopt;
  }
  if (count > 1) {
    inv.err << fmt::format("npq {}: '{}' holds {} documents that are a {}; this command reports "
                           "on one: split the file, one document per file\n",
                           command, terminal_safe(path), count, what);
    return std::nullopt;
  }
  Single s;
  if (!g.programmes.empty()) {
    s.programme = g.programmes.front();
  } else {
    s.suite = g.suites.front();
  }
  return s;
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

int deliver(const std::string &content, const OutputOptions &options, std::size_t max_bytes,
            Invocation &inv) {
  if (!options.check.empty()) {
    Diagnostics problems;
    auto committed = io::read_file(options.check, max_bytes, problems);
    if (!committed) {
      inv.err << fmt::format("npq: cannot read '{}' to check it: {}\n",
                             terminal_safe(options.check),
                             problems.empty() ? std::string("unreadable")
                                              : terminal_safe(problems.items()[0].message));
      return kExitUnreadable;
    }
    if (committed->text() == content) {
      inv.err << fmt::format("{} is up to date\n", terminal_safe(options.check));
      return kExitOk;
    }
    inv.out << unified_diff(committed->text(), content, options.check,
                            options.check + " (as npq generates it now)");
    inv.err << fmt::format("{} is stale: run the same command with -o {} instead of --check\n",
                           terminal_safe(options.check), terminal_safe(options.check));
    return kExitFindings;
  }
  if (!options.output.empty()) {
    auto result = io::write_output(options.output, content, &inv.run.reads());
    if (!result.ok) {
      inv.err << "npq: " << terminal_safe(result.error) << "\n";
      return kExitUnreadable;
    }
    return kExitOk;
  }
  inv.out << content;
  return kExitOk;
}

} // namespace npq::cli
