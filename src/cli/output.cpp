#include "cli/output.hpp"

#include "npq/io/write.hpp"
#include "npq/markup/front_matter.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

#include <algorithm>
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
  SessionOptions session = session_options(options, inv); // records what it reads, for -o
  std::vector<std::string> files;
  for (const auto *s : g.suites) {
    fs::path dir = s->doc.file == "-" ? fs::path() : fs::path(s->doc.file).parent_path();
    for (const auto &group : s->groups) {
      for (const auto &m : group.members) {
        std::string file =
            m.programme.empty() ? "" : (dir / m.programme).lexically_normal().generic_string();
        // Only inside the suite's project: the suite's own check reports one outside (NPQ374).
        if (!file.empty() && !resolve_related(s->doc.file, m.programme, session)) {
          file.clear();
        }
        g.members.push_back({s, &group, &m, file, nullptr});
        if (!file.empty() && std::none_of(files.begin(), files.end(),
                                          [&](const auto &f) { return same(f, file); })) {
          files.push_back(file);
        }
      }
    }
  }
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
  if (g.internal) {
    return; // a bug in npq, reported with exit status 4: no page from a half-checked input
  }
  Report report = render(g, *data);
  int status = report.written
                   ? deliver(report, output, session_options(input, inv).max_file_bytes, inv)
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
  auto refuse = [&](const std::string &why) {
    inv.err << text::wrap_paragraph(
        fmt::format("npq {}: '{}' {}", command, terminal_safe(path), why), inv.env.columns, "",
        "  ");
    return std::nullopt;
  };
  if (count == 0 && !suites && !g.suites.empty()) {
    return refuse("is a suite, and this command reports on a programme: run it on a member's "
                  "programme file");
  }
  if (count == 0) {
    return refuse("holds no valid " + what);
  }
  if (count > 1) {
    return refuse(fmt::format("holds {} documents that are a {}; this command reports on one: "
                              "split the file, one document per file",
                              count, what));
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

int deliver(const Report &report, const OutputOptions &options, std::size_t max_bytes,
            Invocation &inv) {
  const std::string &content = report.content;
  if (!options.check.empty()) {
    Diagnostics problems;
    auto file = io::read_file(options.check, max_bytes, problems);
    if (!file) {
      inv.err << fmt::format("npq: cannot read '{}' to check it: {}\n",
                             terminal_safe(options.check),
                             problems.empty() ? std::string("unreadable")
                                              : terminal_safe(problems.items()[0].message));
      return kExitUnreadable;
    }
    std::string text = file->text();
    std::string shown = terminal_safe(options.check);
    if (report.front_matter_aware) {
      // A site's front matter may extend npq's: compared key by key, the body as text.
      auto cmp = markup::compare_pages(text, content);
      if (cmp.same) {
        inv.err << fmt::format("{} is up to date\n", shown);
        return kExitOk;
      }
      for (const auto &problem : cmp.problems) {
        inv.out << shown << ": " << terminal_safe(problem) << "\n";
      }
      auto committed = markup::split_front_matter(text).body;
      auto generated = markup::split_front_matter(content).body;
      if (committed != generated) {
        inv.out << unified_diff(committed, generated, options.check,
                                options.check + " (as npq generates it now)");
      }
    } else if (text == content) {
      inv.err << fmt::format("{} is up to date\n", shown);
      return kExitOk;
    } else {
      inv.out << unified_diff(text, content, options.check,
                              options.check + " (as npq generates it now)");
    }
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
