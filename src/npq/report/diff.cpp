#include "npq/report/diff.hpp"

#include "npq/analysis/interval.hpp"
#include "npq/analysis/totals.hpp"
#include "npq/markup/markdown.hpp"
#include "npq/report/labels.hpp"
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

using analysis::Interval;

struct ActivityKey {
  std::string period; ///< period id, or "throughout"
  std::string name;   ///< activity id, or kind and title
  bool operator<(const ActivityKey &o) const {
    return std::tie(period, name) < std::tie(o.period, o.name);
  }
};

struct Described {
  std::string where;
  std::string title;
  std::string kind;
  std::string hours;
  std::string delivery;
  std::string covers;
};

// Activities by key; repeated keys (the same title twice in a period) are numbered.
std::map<ActivityKey, Described> activities(const model::Programme &p) {
  std::map<ActivityKey, Described> out;
  std::map<ActivityKey, int> repeats; // the next number to try for a key: no rescan from #2
  auto add = [&](const model::Activity &a, const std::string &period_id, const std::string &where) {
    ActivityKey key{period_id, a.id.empty() ? a.kind + ": " + a.title : a.id};
    const ActivityKey base = key;
    for (int &n = repeats.emplace(base, 1).first->second; out.count(key) != 0;) {
      key.name = fmt::format("{} #{}", base.name, ++n);
    }
    std::vector<std::string> areas;
    for (const auto &r : a.covers.areas) {
      areas.push_back(r.value);
    }
    out[key] = Described{where,
                         a.title,
                         a.kind,
                         describe_hours(a),
                         describe_delivery(a.delivery),
                         a.covers.all ? "all" : join(areas, ", ")};
  };
  for (const auto &period : p.route_map.periods) {
    for (const auto &a : period.activities) {
      add(a, period.id, period.title);
    }
  }
  for (const auto &a : p.route_map.throughout) {
    add(a, "throughout", "Throughout");
  }
  for (const auto &a : p.route_map.before) {
    add(a, "before", "Before the programme");
  }
  for (const auto &a : p.route_map.after) {
    add(a, "after", "After the taught programme");
  }
  return out;
}

std::set<std::string> covered_areas(const model::Programme &p) {
  std::set<std::string> out;
  auto add = [&](const model::Coverage &c) {
    for (const auto &a : c.areas) {
      out.insert(a.value);
    }
    if (c.all) {
      out.insert("(general claim: all)");
    }
  };
  for (const auto *c : model::teaching_coverage(p)) {
    add(*c);
  }
  return out;
}

std::map<std::string, std::pair<std::string, std::string>> period_hours(const model::Programme &p) {
  std::map<std::string, std::pair<std::string, std::string>> out; // id -> (title, hours)
  if (!p.route_map.present) {
    return out;
  }
  analysis::Totals totals(p);
  for (std::size_t i = 0; i < p.route_map.periods.size(); ++i) {
    out[p.route_map.periods[i].id] = {
        p.route_map.periods[i].title,
        totals.within(static_cast<int>(i), analysis::Selector::all()).hours.str()};
  }
  return out;
}

std::map<std::string, std::string> published(const model::Programme &p) {
  std::map<std::string, std::string> out;
  for (const auto &c : p.summary.categories) {
    std::vector<std::string> figures;
    if (c.total_hours) {
      figures.push_back("total " + Interval::from(*c.total_hours).str());
    }
    if (c.hours_per_period) {
      figures.push_back("each period " + Interval::from(*c.hours_per_period).str());
    }
    if (c.count) {
      figures.push_back(fmt::format("count {}", *c.count));
    }
    if (c.hours_each) {
      figures.push_back("each " + Interval::from(*c.hours_each).str());
    }
    if (c.days) {
      figures.push_back(fmt::format("{} days", analysis::number(*c.days)));
    }
    out[c.label] = join(figures, ", ");
  }
  if (p.summary.total_hours) {
    out["Programme total"] = Interval::from(*p.summary.total_hours).str();
  }
  return out;
}

template <typename Map, typename Describe>
void compare_maps(const Map &before, const Map &after, std::vector<Change> &out,
                  const std::string &section, Describe describe) {
  for (const auto &[key, value] : before) {
    auto it = after.find(key);
    if (it == after.end()) {
      out.push_back({section, '-', describe(key, value), describe(key, value), ""});
    }
  }
  for (const auto &[key, value] : after) {
    auto it = before.find(key);
    if (it == before.end()) {
      out.push_back({section, '+', describe(key, value), "", describe(key, value)});
    }
  }
}

} // namespace

std::vector<Change> diff_programmes(const model::Programme &before, const model::Programme &after,
                                    const ReferenceData &data) {
  std::vector<Change> out;
  // Facts: duration, totals, hours by kind, delivery, coverage, funding, assessment, roles.
  std::vector<model::Funding> funding = before.funding;
  funding.insert(funding.end(), after.funding.begin(), after.funding.end());
  auto settings = funding_settings(funding, data);
  auto a = profile(before, data, settings);
  auto b = profile(after, data, settings);
  std::map<std::pair<std::string, std::string>, std::string> av;
  std::map<std::pair<std::string, std::string>, std::string> bv;
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto &f : a) {
    av[{f.section, f.label}] = f.value;
    order.emplace_back(f.section, f.label);
  }
  for (const auto &f : b) {
    bv[{f.section, f.label}] = f.value;
    if (av.count({f.section, f.label}) == 0) {
      order.emplace_back(f.section, f.label);
    }
  }
  // Each section once, in order of first appearance (facts new in the later version join theirs).
  std::map<std::string, std::size_t> rank;
  for (const auto &key : order) {
    rank.emplace(key.first, rank.size());
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const auto &x, const auto &y) { return rank[x.first] < rank[y.first]; });
  for (const auto &key : order) {
    std::string x = av.count(key) != 0 ? av[key] : "";
    std::string y = bv.count(key) != 0 ? bv[key] : "";
    if (x != y) {
      out.push_back({key.first, '~', key.second, x.empty() ? "—" : x, y.empty() ? "—" : y});
    }
  }
  // Hours per period.
  auto ph = period_hours(before);
  auto nh = period_hours(after);
  for (const auto &[id, v] : ph) {
    auto it = nh.find(id);
    if (it != nh.end() && it->second.second != v.second) {
      out.push_back({"Hours by period", '~', v.first, v.second, it->second.second});
    }
  }
  compare_maps(ph, nh, out, "Periods", [](const std::string &id, const auto &v) {
    return fmt::format("{} ({})", v.first, id);
  });
  // Activities.
  auto aa = activities(before);
  auto ba = activities(after);
  compare_maps(aa, ba, out, "Activities", [](const ActivityKey &, const Described &d) {
    return fmt::format("{}: {} ({}, {})", d.where, d.title, label(d.kind), d.hours);
  });
  for (const auto &entry : aa) {
    const auto &x = entry.second;
    auto it = ba.find(entry.first);
    if (it == ba.end()) {
      continue;
    }
    const auto &y = it->second;
    auto field = [&](const char *name, const std::string &p, const std::string &q) {
      if (p != q) {
        out.push_back({"Activities", '~', fmt::format("{}: {}: {}", x.where, x.title, name),
                       p.empty() ? "—" : p, q.empty() ? "—" : q});
      }
    };
    field("title", x.title, y.title);
    field("kind", x.kind, y.kind);
    field("hours", x.hours, y.hours);
    field("delivery", x.delivery, y.delivery);
    field("covers", x.covers, y.covers);
  }
  // Coverage gained or lost.
  auto ca = covered_areas(before);
  auto cb = covered_areas(after);
  for (const auto &area : ca) {
    if (cb.count(area) == 0) {
      out.push_back({"Coverage", '-', area, area, ""});
    }
  }
  for (const auto &area : cb) {
    if (ca.count(area) == 0) {
      out.push_back({"Coverage", '+', area, "", area});
    }
  }
  // The provider's published figures.
  auto pa = published(before);
  auto pb = published(after);
  for (const auto &[label_text, v] : pa) {
    auto it = pb.find(label_text);
    if (it != pb.end() && it->second != v) {
      out.push_back({"Published figures", '~', label_text, v, it->second});
    }
  }
  compare_maps(pa, pb, out, "Published figures", [](const std::string &k, const std::string &v) {
    return fmt::format("{}: {}", k, v);
  });
  // Each section once, in order of first appearance.
  std::map<std::string, std::size_t> section_rank;
  for (const auto &c : out) {
    section_rank.emplace(c.section, section_rank.size());
  }
  std::stable_sort(out.begin(), out.end(), [&](const Change &x, const Change &y) {
    return section_rank[x.section] < section_rank[y.section];
  });
  return out;
}

std::string render_diff(const std::vector<Change> &changes, const std::string &before_name,
                        const std::string &after_name, TableFormat format, std::size_t width) {
  if (format == TableFormat::json) {
    nlohmann::ordered_json root;
    root["before"] = before_name;
    root["after"] = after_name;
    root["changes"] = nlohmann::ordered_json::array();
    for (const auto &c : changes) {
      root["changes"].push_back({{"section", c.section},
                                 {"change", c.sign == '+'   ? "added"
                                            : c.sign == '-' ? "removed"
                                                            : "changed"},
                                 {"what", c.what},
                                 {"before", c.before},
                                 {"after", c.after}});
    }
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  bool md = format == TableFormat::markdown;
  auto text = [&](const std::string &s) { return md ? markup::md(s) : terminal_safe(s); };
  std::string out =
      md ? fmt::format("# Changes from {} to {}\n\n", text(before_name), text(after_name))
         : text::wrap_paragraph(
               fmt::format("Changes from {} to {}", text(before_name), text(after_name)), width, "",
               "  ");
  if (changes.empty()) {
    return out + (md ? "\nNo changes.\n" : "No changes.\n");
  }
  std::string section;
  for (const auto &c : changes) {
    if (c.section != section) {
      section = c.section;
      out += md ? fmt::format("\n## {}\n\n", text(section)) : fmt::format("\n{}\n", text(section));
    }
    std::string line = c.sign == '~'
                           ? fmt::format("{}: {} → {}", text(c.what), text(c.before), text(c.after))
                           : text(c.what);
    out += md ? fmt::format("- {} {}\n",
                            c.sign == '+'   ? "added:"
                            : c.sign == '-' ? "removed:"
                                            : "changed:",
                            line)
              : text::wrap_paragraph(line, width, fmt::format("  {} ", c.sign), "      ");
  }
  out += fmt::format("\n{} change{}\n", changes.size(), changes.size() == 1 ? "" : "s");
  return out;
}

} // namespace npq::report
