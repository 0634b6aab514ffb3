#include "npq/report/scaffold.hpp"

#include "npq/text/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace npq::report {

namespace {

// YAML double-quoted string with the characters that need it escaped.
std::string quoted(const std::string &text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string slug(const std::string &text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.empty() ? "programme" : out;
}

// The catalogue entry for a code typed in any case: the catalogue spells codes in capitals, but
// 'npq init -q npqh' leaves no doubt which qualification is meant. An exact match comes first.
const model::Qualification *find_qualification(const ReferenceData &data, std::string_view code) {
  if (const auto *exact = data.qualification(code)) {
    return exact;
  }
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  for (const auto &q : data.qualifications()) {
    if (std::equal(q.code.begin(), q.code.end(), code.begin(), code.end(),
                   [&](char a, char b) { return lower(a) == lower(b); })) {
      return &q;
    }
  }
  return nullptr;
}

} // namespace

std::string scaffold_programme(const ScaffoldOptions &o, const ReferenceData &data,
                               std::string &error) {
  const auto *q = find_qualification(data, o.qualification);
  if (q == nullptr) {
    auto hint = did_you_mean(o.qualification, data.qualification_codes());
    error = fmt::format("'{}' is not in the NPQ catalogue{}", o.qualification,
                        hint.empty() ? "; run 'npq frameworks' to list the codes" : "; " + hint);
    return {};
  }
  const model::Framework *framework =
      q->frameworks.empty() ? nullptr : data.framework(q->frameworks.front());
  int months = q->taught_months.value_or(18);
  int half_terms = std::max(1, months / 2);
  std::string title =
      o.title.empty() ? fmt::format("National Professional Qualification: {}", q->name) : o.title;
  std::string out;
  if (!o.schema_path.empty()) {
    out += fmt::format("# yaml-language-server: $schema={}\n", o.schema_path);
    out += "#\n";
  }
  out += fmt::format(
      "# A new {} programme, made by 'npq init'. Replace the example values with what you\n",
      q->code);
  out += "# publish, keeping each figure exactly as published. 'npq validate' checks the file;\n";
  out += "# 'npq schema --reference' (docs/format-reference.md) describes every key.\n";
  out += "format: 1\n";
  out += "kind: programme\n";
  out += fmt::format("id: {}\n", slug(o.provider + "-" + q->code));
  out += fmt::format("title: {}  # as published\n", quoted(title));
  out += fmt::format("qualification: {}  # a code from 'npq frameworks'\n", q->code);
  if (!q->identifier.empty()) {
    out += fmt::format("course-identifier: {}  # the DfE registration service's name for it\n",
                       q->identifier);
  }
  out += fmt::format("provider: {}\n", quoted(o.provider));
  if (framework != nullptr) {
    out += fmt::format("framework: {}  # 'npq frameworks show {}' lists its areas\n", framework->id,
                       framework->id);
  }
  out += "source:  # where the published information is, so every figure can be traced\n";
  out += fmt::format("  title: {}\n", quoted(o.provider + " " + q->code + " programme page"));
  out += fmt::format("  url: https://www.example.org/{}  # replace with the page's address\n",
                     slug(q->code));
  out += "duration:\n";
  out +=
      fmt::format("  nominal: {} months  # {} is taught over {} months\n", months, q->code, months);
  out += "route-map:\n";
  out += "  period-kind: half-term  # or term, cycle, course, module, week, year, phase\n";
  out += "  periods:\n";
  for (int i = 1; i <= half_terms; ++i) {
    out += fmt::format("    - id: half-term-{}\n", i);
    out += fmt::format("      title: Half term {}\n", i);
    if (i == 1) {
      out += "      activities:\n";
      out += "        - title: Induction conference\n";
      out +=
          "          kind: induction-conference  # the kinds are listed in the format reference\n";
      out += "          hours: 4  # or {at-least: 4}, {up-to: 4}, {about: 4}, {from: 3, to: 4}, "
             "not-published\n";
      out +=
          "          delivery: {synchrony: synchronous, facilitation: facilitated, mode: online}\n";
      if (framework != nullptr && !framework->areas.empty()) {
        out += fmt::format("          covers: [{}]  # framework area ids\n",
                           framework->areas.front().id);
      }
    }
  }
  out += "summary:  # the figures you publish about the programme; npq checks them against the "
         "route map\n";
  out += "  total-hours: 4\n";
  if (framework != nullptr && !framework->areas.empty()) {
    out += "topics:  # what participants learn, by framework area\n";
    for (const auto &a : framework->areas) {
      out += fmt::format("  - title: {}\n", quoted(a.title));
      out += fmt::format("    covers: [{}]\n", a.id);
    }
  }
  if (framework != nullptr && framework->reformed) {
    out += "assessment:\n";
    out += "  kind: written-case-study  # reformed NPQs end with a written case study\n";
    out += "  window: 8 days\n";
    out += "  timing: {starts: after-programme}\n";
  }
  return out;
}

} // namespace npq::report
