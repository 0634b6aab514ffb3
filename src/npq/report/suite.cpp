#include "npq/report/suite.hpp"

#include "npq/markup/markdown.hpp"
#include "npq/markup/text_table.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

#include <fmt/format.h>

namespace npq::report {

namespace {

std::vector<std::string> header(const SuiteTable &t) {
  return {"Group", "Qualification", "Title", "Programme file", t.value_heading};
}

std::string subtitle(const SuiteTable &t) {
  return fmt::format("A suite of {} qualification{} · {}", t.rows.size(),
                     t.rows.size() == 1 ? "" : "s",
                     t.provider.empty() ? "provider not named" : t.provider);
}

} // namespace

std::string render_suite_text(const SuiteTable &t, std::size_t width) {
  std::string out = text::wrap_paragraph(
      fmt::format("{} — {}", terminal_safe(t.file), terminal_safe(t.title)), width, "", "  ");
  out += text::wrap_paragraph(terminal_safe(subtitle(t)), width, "", "  ") + "\n";
  markup::TerminalTable table;
  table.header = header(t);
  table.whole = {false, true, false, true};
  table.width = width;
  for (const auto &r : t.rows) {
    table.rows.push_back({terminal_safe(r.group), terminal_safe(r.qualification),
                          terminal_safe(r.title),
                          r.programme.empty() ? "none" : terminal_safe(r.programme),
                          r.value.empty() ? "—" : terminal_safe(r.value)});
  }
  return out + "Members\n" + table.str() + "\n";
}

std::string render_suite_markdown(const SuiteTable &t) {
  std::string out = fmt::format("## {}\n\n{} · `{}`\n\n", markup::md(t.title),
                                markup::md(subtitle(t)), markup::md(t.file));
  markup::MarkdownTable table;
  table.header = header(t);
  for (const auto &r : t.rows) {
    table.rows.push_back({r.group, r.qualification, r.title,
                          r.programme.empty() ? "none" : r.programme,
                          r.value.empty() ? "—" : r.value});
  }
  return out + "### Members\n\n" + table.str() + "\n";
}

std::string render_suites(const std::vector<SuiteTable> &tables, bool markdown, std::size_t width) {
  std::string out;
  for (const auto &t : tables) {
    out += markdown ? render_suite_markdown(t) : render_suite_text(t, width);
  }
  return out;
}

} // namespace npq::report
