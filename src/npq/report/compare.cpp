#include "npq/report/compare.hpp"

#include "npq/markup/markdown.hpp"
#include "npq/markup/text_table.hpp"
#include "npq/report/profile.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace npq::report {

namespace {

using Json = nlohmann::ordered_json;

struct Column {
  std::string heading; ///< the provider, or the title when none is named
  std::string file;
  std::string id;
  std::string kind; ///< "programme" or "suite"
  std::vector<Fact> facts;
};

// Providers head the columns; two columns with the same provider are told apart by their
// qualification (or "suite"), then by their file.
void name_columns(std::vector<Column> &columns) {
  auto duplicates = [&](std::size_t i) {
    return std::count_if(columns.begin(), columns.end(),
                         [&](const Column &c) { return c.heading == columns[i].heading; }) > 1;
  };
  std::vector<bool> clash(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    clash[i] = duplicates(i);
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (clash[i]) {
      std::string what = columns[i].kind == "suite" ? "suite" : columns[i].id;
      for (const auto &f : columns[i].facts) {
        if (columns[i].kind != "suite" && f.label == "Qualification") {
          what = f.value.substr(0, f.value.find(' '));
        }
      }
      columns[i].heading += " (" + what + ")";
    }
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    clash[i] = duplicates(i);
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (clash[i]) {
      columns[i].heading += ", " + columns[i].file;
    }
  }
}

} // namespace

std::string render_compare(const std::vector<Compared> &items, const ReferenceData &data,
                           TableFormat format, std::size_t width) {
  // One list of settings for every column, so that costs line up by setting.
  std::vector<model::Funding> all_funding;
  for (const auto &item : items) {
    const auto &funding = std::holds_alternative<const model::Programme *>(item)
                              ? std::get<const model::Programme *>(item)->funding
                              : std::get<const model::Suite *>(item)->common_funding;
    all_funding.insert(all_funding.end(), funding.begin(), funding.end());
  }
  auto settings = funding_settings(all_funding, data);
  std::vector<Column> columns;
  for (const auto &item : items) {
    if (const auto *const *p = std::get_if<const model::Programme *>(&item)) {
      const auto &prog = **p;
      columns.push_back({prog.provider.empty() ? prog.title : prog.provider, prog.doc.file, prog.id,
                         "programme", profile(prog, data, settings)});
    } else {
      const auto &suite = *std::get<const model::Suite *>(item);
      columns.push_back({suite.provider.empty() ? suite.title : suite.provider, suite.doc.file,
                         suite.id, "suite", profile(suite, data, settings)});
    }
  }
  name_columns(columns);
  for (auto &c : columns) {
    std::erase_if(c.facts, [](const Fact &f) {
      return f.section == kFigureSection || f.section == kKindSection;
    });
  }

  // Facts in order of first appearance, each section kept together; a fact no column gives is
  // left out.
  std::vector<const Column *> order; // programmes first: theirs is the full list of facts
  for (const auto &c : columns) {
    if (c.kind == "programme") {
      order.push_back(&c);
    }
  }
  for (const auto &c : columns) {
    if (c.kind != "programme") {
      order.push_back(&c);
    }
  }
  std::vector<std::pair<std::string, std::string>> keys;
  for (const auto *c : order) {
    for (const auto &f : c->facts) {
      auto key = std::make_pair(f.section, f.label);
      if (!f.value.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    }
  }
  std::map<std::string, std::size_t> rank;
  for (const auto *c : order) {
    for (const auto &f : c->facts) {
      rank.emplace(f.section, rank.size());
    }
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [&](const auto &a, const auto &b) { return rank[a.first] < rank[b.first]; });
  auto value = [&](const Column &c, const std::pair<std::string, std::string> &key) {
    for (const auto &f : c.facts) {
      if (f.section == key.first && f.label == key.second) {
        return f.value;
      }
    }
    return std::string();
  };

  if (format == TableFormat::json) {
    Json root;
    root["programmes"] = Json::array();
    for (const auto &c : columns) {
      root["programmes"].push_back(
          {{"heading", c.heading}, {"id", c.id}, {"kind", c.kind}, {"file", c.file}});
    }
    root["facts"] = Json::array();
    for (const auto &key : keys) {
      Json row{{"section", key.first}, {"label", key.second}};
      row["values"] = Json::array();
      for (const auto &c : columns) {
        row["values"].push_back(value(c, key));
      }
      root["facts"].push_back(row);
    }
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }

  bool md = format == TableFormat::markdown;
  std::string out = md ? "# Programmes compared\n\n" : "Programmes compared, one column each\n";
  for (const auto &c : columns) {
    out += md ? fmt::format("- {}: `{}`\n", markup::md(c.heading), markup::md(c.file))
              : text::wrap_paragraph(
                    fmt::format("{}: {}", terminal_safe(c.heading), terminal_safe(c.file)), width,
                    "  ", "    ");
  }
  std::string section;
  std::vector<std::vector<std::string>> rows;
  auto flush = [&] {
    if (rows.empty()) {
      return;
    }
    std::vector<std::string> header{section};
    for (const auto &c : columns) {
      header.push_back(md ? c.heading : terminal_safe(c.heading));
    }
    if (md) {
      out += "\n" + markup::MarkdownTable{header, rows, {}}.str();
    } else {
      markup::TerminalTable t{header, rows, {}, {}, width, 1};
      out += "\n" + t.str();
    }
    rows.clear();
  };
  for (const auto &key : keys) {
    if (key.first != section) {
      flush();
      section = key.first;
    }
    std::vector<std::string> row{key.second};
    for (const auto &c : columns) {
      std::string v = value(c, key);
      row.push_back(v.empty() ? "—" : md ? v : terminal_safe(v));
    }
    rows.push_back(std::move(row));
  }
  flush();
  return out;
}

} // namespace npq::report
