#include "npq/report/explain_total.hpp"

#include "npq/analysis/figures.hpp"
#include "npq/analysis/totals.hpp"
#include "npq/text/suggest.hpp"
#include "npq/text/terminal.hpp"

#include <fmt/format.h>

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

std::string lines(const Total &t, const model::Programme &p, const std::string &file) {
  struct Row {
    std::string where, period, title, hours, counted;
  };
  std::vector<Row> rows;
  std::size_t w[4] = {0, 0, 0, 0};
  for (const auto &part : t.parts) {
    const auto &a = *part.activity;
    Row r{fmt::format("{}:{}:", file, a.hours.loc.line), terminal_safe(analysis::where_text(a, p)),
          terminal_safe(a.title), hours_of(a),
          part.share ? fmt::format("share {}", part.hours.str()) : part.hours.str()};
    w[0] = std::max(w[0], r.where.size());
    w[1] = std::max(w[1], r.period.size());
    w[2] = std::max(w[2], r.title.size());
    w[3] = std::max(w[3], r.hours.size());
    rows.push_back(std::move(r));
  }
  std::string out;
  for (const auto &r : rows) {
    out += fmt::format("  {:<{}} {:<{}}  {:<{}}  {:<{}}  -> {}\n", r.where, w[0], r.period, w[1],
                       r.title, w[2], r.hours, w[3], r.counted);
  }
  for (const auto &c : t.choices) {
    out += fmt::format("  {}\n", c);
  }
  return out;
}

std::string summary(const Total &t) {
  std::string figure = t.hours.str();
  std::string s = fmt::format("= {} hour{}", figure, figure == "1" ? "" : "s");
  if (t.hours.unpublished > 0) {
    s += fmt::format(" ({} figure{} not published: counted as unknown, never as zero)",
                     t.hours.unpublished, t.hours.unpublished == 1 ? "" : "s");
  }
  if (t.hours.approximate) {
    s += " (includes approximate figures)";
  }
  return s + "\n";
}

// What the published figures say about this total, each with its verdict: "published programme
// total: 75 hours (file:288): open: holds only if ...".
std::string verdicts(const model::Programme &p, const analysis::Totals &totals,
                     const model::Category *category, const std::string &file) {
  using Kind = analysis::Figure::Kind;
  auto j = analysis::judge(p, totals);
  std::string out;
  for (const auto &f : j.figures) {
    bool wanted = category != nullptr ? f.category == category : f.kind == Kind::programme_total;
    if (!wanted) {
      continue;
    }
    out += fmt::format("published {}: {} ({}:{}): {}", analysis::to_string(f.kind),
                       f.published.str(), file, f.loc.line, analysis::to_string(f.verdict));
    if (!f.condition.empty()) {
      out += ": " + terminal_safe(f.condition);
    }
    if (!f.cancels.empty()) {
      out += "; " + terminal_safe(f.cancels);
    }
    out += "\n";
  }
  if (category == nullptr && !j.route_map_alone &&
      j.programme.low != totals.programme(Selector::all()).hours.low) {
    Interval with = j.programme;
    with.unpublished = 0;
    out += fmt::format("with every published figure, the programme takes {} hours\n", with.str());
  }
  return out;
}

} // namespace

Explanation explain_total(const model::Programme &p, std::string_view what) {
  if (!p.route_map.present) {
    return {false, "the programme has no route map, so it has no totals"};
  }
  analysis::Totals totals(p);
  const std::string file = terminal_safe(p.doc.file); // a file name may hold anything
  auto colon = what.find(':');
  std::string_view kind = what.substr(0, colon);
  std::string arg =
      colon == std::string_view::npos ? std::string() : std::string(what.substr(colon + 1));
  Explanation e{true, {}};
  if (kind == "programme") {
    Total t = totals.programme(Selector::all());
    e.text = fmt::format("Total hours of the whole programme ({})\n", file) + lines(t, p, file) +
             summary(t) + verdicts(p, totals, nullptr, file);
    return e;
  }
  if (kind == "period") {
    int index = totals.period_index(arg);
    if (index < 0) {
      std::vector<std::string_view> ids;
      for (const auto &period : p.route_map.periods) {
        ids.push_back(period.id);
      }
      return {false, fmt::format("no period '{}'. {}", arg, did_you_mean(arg, ids))};
    }
    Total t = totals.period(index, Selector::all());
    e.text = fmt::format("Total hours of period '{}' ({})\n",
                         terminal_safe(p.route_map.periods[static_cast<std::size_t>(index)].title),
                         file) +
             lines(t, p, file) + summary(t);
    return e;
  }
  if (kind == "kind" || kind == "mode" || kind == "synchrony") {
    Selector s;
    if (kind == "kind") {
      s.kinds.insert(arg);
    } else if (kind == "mode") {
      s.mode = arg;
    } else {
      s.synchrony = arg;
    }
    Total t = totals.programme(s);
    e.text = fmt::format("Total hours of activities with {} '{}' ({})\n", kind, terminal_safe(arg),
                         file) +
             lines(t, p, file) + summary(t);
    return e;
  }
  if (kind == "category") {
    const model::Category *c = nullptr;
    try {
      std::size_t n = std::stoul(arg);
      if (n >= 1 && n <= p.summary.categories.size()) {
        c = &p.summary.categories[n - 1];
      }
    } catch (const std::exception &) {
      for (const auto &cat : p.summary.categories) {
        if (cat.label == arg) {
          c = &cat;
        }
      }
    }
    if (c == nullptr) {
      return {false,
              fmt::format("no summary category '{}' (give its number, 1 to {}, or its label)", arg,
                          p.summary.categories.size())};
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
    e.text = fmt::format("Route-map hours counted by the published category '{}' ({})\n",
                         terminal_safe(c->label), file) +
             lines(t, p, file) + summary(t);
    e.text += verdicts(p, totals, c, file);
    return e;
  }
  return {false, fmt::format("'{}' is not something npq can total: use programme, period:ID, "
                             "kind:KIND, mode:MODE, synchrony:VALUE or category:N",
                             what)};
}

} // namespace npq::report
