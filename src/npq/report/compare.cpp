#include "npq/report/compare.hpp"

#include "npq/markup/markdown.hpp"
#include "npq/report/profile.hpp"
#include "npq/text/terminal.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace npq::report {

std::string render_compare(const std::vector<const model::Programme *> &programmes,
                           const ReferenceData &data, TableFormat format) {
  // Facts in order of first appearance, so sections stay together.
  std::vector<std::pair<std::string, std::string>> keys;
  std::set<std::pair<std::string, std::string>> seen; // many programmes: no scan per fact
  std::vector<std::vector<Fact>> profiles;
  for (const auto *p : programmes) {
    profiles.push_back(profile(*p, data));
    std::erase_if(profiles.back(), [](const Fact &f) { return f.section == kFigureSection; });
    for (const auto &f : profiles.back()) {
      auto key = std::make_pair(f.section, f.label);
      if (seen.insert(key).second) {
        keys.push_back(key);
      }
    }
  }
  // Keep each section together, sections in order of first appearance.
  std::map<std::string, std::size_t> rank;
  for (const auto &key : keys) {
    rank.emplace(key.first, rank.size());
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [&](const auto &a, const auto &b) { return rank[a.first] < rank[b.first]; });
  auto value = [&](std::size_t programme, const std::pair<std::string, std::string> &key) {
    for (const auto &f : profiles[programme]) {
      if (f.section == key.first && f.label == key.second) {
        return f.value;
      }
    }
    return std::string();
  };
  std::vector<std::string> names;
  names.reserve(programmes.size());
  for (const auto *p : programmes) {
    names.push_back(p->id.empty() ? p->doc.file : p->id);
  }
  if (format == TableFormat::json) {
    nlohmann::ordered_json root;
    root["programmes"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < programmes.size(); ++i) {
      root["programmes"].push_back({{"id", names[i]}, {"file", programmes[i]->doc.file}});
    }
    root["facts"] = nlohmann::ordered_json::array();
    for (const auto &key : keys) {
      nlohmann::ordered_json row{{"section", key.first}, {"label", key.second}};
      row["values"] = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < programmes.size(); ++i) {
        row["values"].push_back(value(i, key));
      }
      root["facts"].push_back(row);
    }
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  std::string out;
  std::string section;
  std::vector<std::vector<std::string>> rows;
  auto flush = [&] {
    if (rows.empty()) {
      return;
    }
    std::vector<std::string> header{section};
    header.insert(header.end(), names.begin(), names.end());
    if (format == TableFormat::markdown) {
      markup::MarkdownTable t{header, rows, {}};
      out += t.str() + "\n";
    } else {
      for (auto &row : rows) {
        for (auto &cell : row) {
          cell = terminal_safe(cell);
        }
      }
      markup::TextTable t{header, rows, {}};
      out += t.str() + "\n";
    }
    rows.clear();
  };
  if (format == TableFormat::markdown) {
    out += "# Programmes compared\n\n";
  }
  for (const auto &key : keys) {
    if (key.first != section) {
      flush();
      section = key.first;
    }
    std::vector<std::string> row{key.second};
    for (std::size_t i = 0; i < programmes.size(); ++i) {
      std::string v = value(i, key);
      row.push_back(v.empty() ? "—" : v);
    }
    rows.push_back(std::move(row));
  }
  flush();
  return out;
}

} // namespace npq::report
