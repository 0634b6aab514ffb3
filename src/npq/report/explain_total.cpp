#include "npq/report/explain_total.hpp"

#include "npq/analysis/figures.hpp"
#include "npq/analysis/totals.hpp"
#include "npq/markup/text_table.hpp"
#include "npq/text/suggest.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <set>

namespace npq::report {

namespace {

using analysis::Interval;
using analysis::Selector;
using analysis::Total;

std::string hours_of(const model::Activity &a) {
  if (a.hours.form == model::Hours::Form::not_published) {
    return a.count == 1 ? "not published" : fmt::format("{} × not published", a.count);
  }
  std::string one = Interval::from(a.hours).str();
  return a.count == 1 ? one : fmt::format("{} × {}", a.count, one);
}

std::string lines(const Total &t, const model::Programme &p, const std::string &file,
                  std::size_t width) {
  markup::TerminalTable table;
  table.header = {"Where", "Period", "Activity", "Hours", "Counted"};
  table.whole = {true};
  table.width = width;
  for (const auto &part : t.parts) {
    const auto &a = *part.activity;
    table.rows.push_back(
        {fmt::format("{}:{}", file, a.hours.loc.line), terminal_safe(analysis::where_text(a, p)),
         terminal_safe(a.title), hours_of(a),
         part.share ? fmt::format("share {}", part.hours.str()) : part.hours.str()});
  }
  std::string out = table.str();
  for (const auto &c : t.choices) {
    out += text::wrap_paragraph(c, width, "  ", "    ");
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto &c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string summary(const Total &t, std::size_t width) {
  std::string figure = t.hours.str();
  std::string s = fmt::format("= {} hour{}", figure, figure == "1" ? "" : "s");
  if (t.hours.unpublished > 0) {
    s += fmt::format(" ({} figure{} not published: counted as unknown, never as zero)",
                     t.hours.unpublished, t.hours.unpublished == 1 ? "" : "s");
  }
  if (t.hours.approximate) {
    s += " (includes approximate figures)";
  }
  return text::wrap_paragraph(s, width, "", "  ");
}

// What the published figures say about this total, each with its verdict: "published programme
// total: 75 hours (file:288): open: holds only if ...".
std::string verdicts(const model::Programme &p, const analysis::Totals &totals,
                     const model::Category *category, const std::string &file, std::size_t width) {
  using Kind = analysis::Figure::Kind;
  auto j = analysis::judge(p, totals);
  std::string out;
  for (const auto &f : j.figures) {
    bool wanted = category != nullptr ? f.category == category : f.kind == Kind::programme_total;
    if (!wanted) {
      continue;
    }
    std::string line =
        fmt::format("published {}: {} ({}:{}): {}", analysis::to_string(f.kind), f.published.str(),
                    file, f.loc.line, analysis::to_string(f.verdict));
    if (!f.condition.empty()) {
      line += ": " + terminal_safe(f.condition);
    }
    if (!f.cancels.empty()) {
      line += "; " + terminal_safe(f.cancels);
    }
    out += text::wrap_paragraph(line, width, "", "  ");
  }
  if (category == nullptr && !j.route_map_alone &&
      j.programme.low != totals.programme(Selector::all()).hours.low) {
    Interval with = j.programme;
    with.unpublished = 0;
    out += text::wrap_paragraph(
        fmt::format("with every published figure, the programme takes {} hours", with.str()),
        width);
  }
  return out;
}

} // namespace

std::string totals_of(const model::Programme &p) {
  if (!p.route_map.present) {
    return "nothing: the programme has no route map";
  }
  analysis::Totals totals(p);
  std::vector<std::string> periods;
  for (const auto &period : p.route_map.periods) {
    periods.push_back(fmt::format("period:{} ({})", period.id, terminal_safe(period.title)));
  }
  std::set<std::string> kinds;
  std::set<std::string> modes;
  std::set<std::string> synchrony;
  for (const auto *a : totals.activities()) {
    kinds.insert("kind:" + a->kind);
    if (!a->delivery.mode.empty()) {
      modes.insert("mode:" + a->delivery.mode);
    }
    if (!a->delivery.synchrony.empty()) {
      synchrony.insert("synchrony:" + a->delivery.synchrony);
    }
  }
  std::vector<std::string> categories;
  for (std::size_t i = 0; i < p.summary.categories.size(); ++i) {
    categories.push_back(
        fmt::format("category:{} ({})", i + 1, terminal_safe(p.summary.categories[i].label)));
  }
  std::vector<std::string> all{"programme"};
  for (const auto *group : {&periods, &categories}) {
    all.insert(all.end(), group->begin(), group->end());
  }
  for (const auto *group : {&kinds, &modes, &synchrony}) {
    all.insert(all.end(), group->begin(), group->end());
  }
  std::string out;
  for (const auto &item : all) {
    out += (out.empty() ? "" : ", ") + item;
  }
  return out + " (a period may also be named by its title, in any case)";
}

Explanation explain_total(const model::Programme &p, std::string_view what, std::size_t width) {
  if (!p.route_map.present) {
    return {false, "the programme has no route map, so it has no totals"};
  }
  analysis::Totals totals(p);
  const std::string file = terminal_safe(p.doc.file); // a file name may hold anything
  auto colon = what.find(':');
  std::string kind = lower(what.substr(0, colon));
  std::string arg =
      colon == std::string_view::npos ? std::string() : std::string(what.substr(colon + 1));
  auto refused = [&](const std::string &why) {
    return Explanation{false, fmt::format("{}; {} can total {}", why, file, totals_of(p))};
  };
  auto heading = [&](const std::string &h) { return text::wrap_paragraph(h, width, "", "  "); };
  Explanation e{true, {}};
  if (kind == "programme") {
    Total t = totals.programme(Selector::all());
    e.text = heading(fmt::format("Total hours of the whole programme ({})", file)) +
             lines(t, p, file, width) + summary(t, width) +
             verdicts(p, totals, nullptr, file, width);
    return e;
  }
  if (kind == "period") {
    // By id, or by title in any case: "period:term-2", "period:Term two", "period:TERM TWO".
    int index = -1;
    for (std::size_t i = 0; i < p.route_map.periods.size() && index < 0; ++i) {
      const auto &period = p.route_map.periods[i];
      if (lower(period.id) == lower(arg) || lower(period.title) == lower(arg)) {
        index = static_cast<int>(i);
      }
    }
    if (index < 0) {
      std::vector<std::string_view> names;
      for (const auto &period : p.route_map.periods) {
        names.push_back(period.id);
        names.push_back(period.title);
      }
      std::string hint = did_you_mean(arg, names);
      return refused(fmt::format("no period '{}'{}", terminal_safe(arg),
                                 hint.empty() ? "" : " (" + hint + ")"));
    }
    Total t = totals.period(index, Selector::all());
    e.text = heading(fmt::format(
                 "Total hours of period '{}' ({})",
                 terminal_safe(p.route_map.periods[static_cast<std::size_t>(index)].title), file)) +
             lines(t, p, file, width) + summary(t, width);
    return e;
  }
  if (kind == "kind" || kind == "mode" || kind == "synchrony") {
    std::string value = lower(arg);
    bool present = false;
    for (const auto *a : totals.activities()) {
      const std::string &v = kind == "kind"   ? a->kind
                             : kind == "mode" ? a->delivery.mode
                                              : a->delivery.synchrony;
      present = present || v == value;
    }
    if (!present) {
      return refused(fmt::format("no activity has {} '{}'", kind, terminal_safe(arg)));
    }
    Selector s;
    if (kind == "kind") {
      s.kinds.insert(value);
    } else if (kind == "mode") {
      s.mode = value;
    } else {
      s.synchrony = value;
    }
    Total t = totals.programme(s);
    e.text = heading(fmt::format("Total hours of activities with {} '{}' ({})", kind,
                                 terminal_safe(value), file)) +
             lines(t, p, file, width) + summary(t, width);
    return e;
  }
  if (kind == "category") {
    const model::Category *c = nullptr;
    bool numeric = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char ch) {
      return std::isdigit(static_cast<unsigned char>(ch)) != 0;
    });
    if (numeric && arg.size() < 6) {
      std::size_t n = std::stoul(arg);
      if (n >= 1 && n <= p.summary.categories.size()) {
        c = &p.summary.categories[n - 1];
      }
    } else {
      for (const auto &cat : p.summary.categories) {
        if (lower(cat.label) == lower(arg)) {
          c = &cat;
        }
      }
    }
    if (c == nullptr) {
      return refused(fmt::format("no summary category '{}' (give its number or its label)",
                                 terminal_safe(arg)));
    }
    Selector s;
    for (const auto &k : c->kinds) {
      s.kinds.insert(k.value);
    }
    for (const auto &id : c->activities) {
      s.ids.insert(id.value);
    }
    std::vector<int> restriction;
    for (const auto &r : c->periods) {
      if (int i = totals.period_index(r.value); i >= 0) {
        restriction.push_back(i);
      }
    }
    Total t = c->periods.empty() ? totals.programme(s) : totals.periods(restriction, s);
    e.text = heading(fmt::format("Route-map hours counted by the published category '{}' ({})",
                                 terminal_safe(c->label), file)) +
             lines(t, p, file, width) + summary(t, width);
    e.text += verdicts(p, totals, c, file, width);
    return e;
  }
  return refused(fmt::format("'{}' is not something npq can total", terminal_safe(what)));
}

} // namespace npq::report
