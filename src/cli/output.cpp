#include "cli/output.hpp"

#include "npq/io/write.hpp"
#include "npq/text/width.hpp"

#include <algorithm>
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

namespace {

// Finds each suite member's programme file (beside the suite, as NPQ373 checks it) and reads it,
// unless it is an input already. Its findings are for 'npq validate' to report.
void link_members(Gathered &g, const ReferenceData &data, const InputOptions &options,
                  Invocation &inv) {
  namespace fs = std::filesystem;
  auto same = [](const std::string &a, const std::string &b) {
    std::error_code ec;
    return fs::path(a).lexically_normal() == fs::path(b).lexically_normal() ||
           fs::equivalent(a, b, ec);
  };
  std::vector<std::string> files;
  for (const auto *s : g.suites) {
    fs::path dir = s->doc.file == "-" ? fs::path() : fs::path(s->doc.file).parent_path();
    for (const auto &group : s->groups) {
      for (const auto &m : group.members) {
        std::string file =
            m.programme.empty() ? "" : (dir / m.programme).lexically_normal().generic_string();
        g.members.push_back({s, &group, &m, file, nullptr});
        if (!file.empty() && std::none_of(files.begin(), files.end(),
                                          [&](const auto &f) { return same(f, file); })) {
          files.push_back(file);
        }
      }
    }
  }
  SessionOptions session = session_options(options);
  std::vector<std::pair<std::string, const model::Programme *>> found;
  for (const auto &file : files) {
    const model::Programme *programme = nullptr;
    for (std::size_t i = 0; i < g.results.size() && programme == nullptr; ++i) {
      if (g.results[i].parsed && same(g.results[i].path, file)) {
        for (const auto &doc : g.results[i].parsed->documents) {
          if (const auto *p = std::get_if<model::Programme>(&doc.model); p && !programme) {
            programme = p;
          }
        }
      }
    }
    if (programme == nullptr) {
      g.linked_results.push_back(check_input(file, data, session, inv));
    }
    found.emplace_back(file, programme);
  }
  // Pointers into linked_results only now that it no longer grows.
  std::size_t next = 0;
  for (auto &[file, programme] : found) {
    if (programme != nullptr) {
      continue;
    }
    const auto &r = g.linked_results[next++];
    g.inputs.push_back(r.path); // -o must not write over it either
    if (r.parsed) {
      for (const auto &doc : r.parsed->documents) {
        if (const auto *p = std::get_if<model::Programme>(&doc.model); p && !programme) {
          programme = p;
          g.linked.push_back(p);
        }
      }
    }
  }
  for (auto &m : g.members) {
    for (const auto &[file, programme] : found) {
      if (!m.file.empty() && file == m.file) {
        m.programme = programme;
      }
    }
  }
}

} // namespace

SuiteGaps suite_gaps(const Gathered &g, std::string_view command, std::string_view what,
                     std::size_t width) {
  SuiteGaps gaps;
  for (const auto *s : g.suites) {
    std::vector<std::string> missing;
    std::size_t linked = 0;
    std::size_t members = 0;
    for (const auto &m : g.members) {
      if (m.suite != s) {
        continue;
      }
      ++members;
      if (m.programme != nullptr) {
        ++linked;
      } else {
        missing.push_back(m.member->qualification.value);
      }
    }
    std::string list;
    for (const auto &code : missing) {
      list += (list.empty() ? "" : ", ") + code;
    }
    if (linked == 0) {
      gaps.nothing_to_report = true;
      gaps.message += text::wrap_paragraph(
          fmt::format("npq {}: {} is a suite whose {} members link no valid programme file, so "
                      "this report has no {} for it; add 'programme: FILE' to a member, or run "
                      "npq {} on the programme files",
                      command, s->doc.file, members, what, command),
          width, "", "  ");
    } else if (!missing.empty()) {
      gaps.message += text::wrap_paragraph(
          fmt::format("npq {}: {}: {} of {} members link no valid programme file, so this "
                      "report has no {} for them: {}",
                      command, s->doc.file, missing.size(), members, what, list),
          width, "", "  ");
    }
  }
  return gaps;
}

std::vector<report::SuiteTable>
suite_tables(const Gathered &g, const std::string &heading,
             const std::function<std::string(const model::Programme &)> &value) {
  std::vector<report::SuiteTable> tables;
  for (const auto *s : g.suites) {
    report::SuiteTable t{s->doc.file, s->title, s->provider, heading, {}};
    for (const auto &m : g.members) {
      if (m.suite == s) {
        t.rows.push_back({m.group->title, m.member->qualification.value, m.member->title, m.file,
                          m.programme != nullptr ? value(*m.programme) : ""});
      }
    }
    tables.push_back(std::move(t));
  }
  return tables;
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
  link_members(g, data, options, inv);
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
  int status = report.written ? deliver(report.content, output, g.inputs, inv) : kExitOk;
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

int deliver(const std::string &content, const OutputOptions &options,
            const std::vector<std::string> &inputs, Invocation &inv) {
  if (!options.check.empty()) {
    std::ifstream in(options.check, std::ios::binary);
    if (!in) {
      inv.err << fmt::format("npq: cannot read '{}' to check it\n", options.check);
      return kExitUnreadable;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (ss.str() == content) {
      inv.err << fmt::format("{} is up to date\n", options.check);
      return kExitOk;
    }
    inv.out << unified_diff(ss.str(), content, options.check,
                            options.check + " (as npq generates it now)");
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
