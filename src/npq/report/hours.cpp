#include "npq/report/hours.hpp"

#include "npq/analysis/reconcile.hpp"
#include "npq/analysis/totals.hpp"
#include "npq/format/spec.hpp"
#include "npq/markup/markdown.hpp"
#include "npq/report/labels.hpp"
#include "npq/text/terminal.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace npq::report {

namespace {

using analysis::Interval;
using analysis::Selector;
using Json = nlohmann::ordered_json;

std::string terminal_text(std::string_view s) {
  return terminal_safe(s);
}

std::string cell(const Interval &i) {
  return i.low == 0 && i.high == 0 && i.unpublished == 0 ? "" : i.str();
}

Json interval_json(const Interval &i) {
  Json j;
  j["text"] = i.str();
  j["low"] = i.low;
  j["high"] = std::isfinite(i.high) ? Json(i.high) : Json(nullptr);
  j["approximate"] = i.approximate;
  j["not_published"] = i.unpublished;
  return j;
}

std::string figure_label(const HoursReport::Figure &f) {
  std::string what = f.figure;
  if (!f.period.empty()) {
    what += ": " + f.period;
  }
  return fmt::format("{} ({})", f.label, what);
}

std::vector<std::string> period_header(const HoursReport &r) {
  std::vector<std::string> h{"Period"};
  for (const auto &k : r.kinds) {
    h.push_back(label(k));
  }
  h.push_back("Total");
  return h;
}

std::vector<std::string> row_cells(const HoursReport::Row &row) {
  std::vector<std::string> cells{row.label + (row.elective ? " (elective)" : "")};
  for (const auto &i : row.by_kind) {
    cells.push_back(cell(i));
  }
  cells.push_back(row.total.str());
  return cells;
}

std::vector<bool> numeric_columns(std::size_t n) {
  std::vector<bool> right(n, true);
  right[0] = false;
  return right;
}

} // namespace

HoursReport build_hours_report(const model::Programme &p) {
  HoursReport r;
  r.file = p.doc.file;
  r.title = p.title;
  r.qualification = p.qualification.value;
  r.provider = p.provider;
  r.has_route_map = p.route_map.present;
  if (!p.route_map.present) {
    return r;
  }
  analysis::Totals totals(p);
  std::set<std::string> present;
  for (const auto *a : totals.activities()) {
    present.insert(a->kind);
  }
  for (const auto &v : format::activity_kind_type().values) {
    if (present.count(std::string(v.word)) != 0) {
      r.kinds.emplace_back(v.word);
    }
  }
  auto by_kind = [&](auto total_of) {
    HoursReport::Row row;
    for (const auto &k : r.kinds) {
      Selector s;
      s.kinds.insert(k);
      row.by_kind.push_back(total_of(s).hours);
    }
    row.total = total_of(Selector::all()).hours;
    return row;
  };
  for (std::size_t i = 0; i < p.route_map.periods.size(); ++i) {
    int index = static_cast<int>(i);
    auto row = by_kind([&](const Selector &s) { return totals.within(index, s); });
    row.id = p.route_map.periods[i].id;
    row.label = p.route_map.periods[i].title;
    row.elective = totals.electives().count(index) != 0;
    r.rows.push_back(std::move(row));
  }
  if (!p.route_map.throughout.empty()) {
    auto row = by_kind([&](const Selector &s) { return totals.throughout(s); });
    row.label = "Throughout";
    r.rows.push_back(std::move(row));
  }
  r.programme = by_kind([&](const Selector &s) { return totals.programme(s); });
  r.programme.label = "Programme";
  r.choices = totals.programme(Selector::all()).choices;

  for (std::string dimension : {"synchrony", "facilitation", "mode"}) {
    auto attribute = [&](const model::Activity &a) -> const std::string & {
      return dimension == "synchrony"      ? a.delivery.synchrony
             : dimension == "facilitation" ? a.delivery.facilitation
                                           : a.delivery.mode;
    };
    std::set<std::string> values;
    for (const auto *a : totals.activities()) {
      values.insert(attribute(*a));
    }
    // Stated values in alphabetical order, then "not stated".
    std::vector<std::string> order(values.begin(), values.end());
    if (!order.empty() && order.front().empty()) {
      order.erase(order.begin());
      order.emplace_back();
    }
    for (const auto &value : order) {
      Selector s;
      (dimension == "synchrony"      ? s.synchrony
       : dimension == "facilitation" ? s.facilitation
                                     : s.mode) = value;
      r.delivery.push_back(
          {dimension, value.empty() ? "not stated" : value, totals.programme(s).hours});
    }
  }

  if (p.summary.present) {
    auto rec = analysis::reconcile(p, totals);
    for (const auto &cmp : rec.comparisons) {
      HoursReport::Figure f;
      f.label = cmp.category != nullptr ? cmp.category->label : "Published summary";
      f.figure = analysis::to_string(cmp.figure);
      if (cmp.period >= 0) {
        f.period = p.route_map.periods[static_cast<std::size_t>(cmp.period)].title;
      }
      if (cmp.activity != nullptr) {
        f.period = cmp.activity->period >= 0
                       ? p.route_map.periods[static_cast<std::size_t>(cmp.activity->period)].title
                       : "throughout";
      }
      f.published = cmp.published.str();
      f.route_map = cmp.computed.str();
      f.agrees = cmp.agrees;
      f.line = cmp.loc.line;
      r.reconciled = r.reconciled && cmp.agrees;
      r.published.push_back(std::move(f));
    }
    for (const auto *c : rec.empty_categories) {
      HoursReport::Figure f;
      f.label = c->label;
      f.figure = "total";
      f.published = c->total_hours ? Interval::from(*c->total_hours).str()
                    : c->count     ? std::to_string(*c->count)
                                   : "published";
      f.route_map = "nothing";
      f.agrees = false;
      f.line = c->loc.line;
      r.reconciled = false;
      r.published.push_back(std::move(f));
    }
  }
  return r;
}

std::string render_hours_text(const std::vector<HoursReport> &reports) {
  std::string out;
  for (const auto &r : reports) {
    out += fmt::format("{} — {}\n{} · {}\n\n", r.file, terminal_text(r.title), r.qualification,
                       r.provider.empty() ? "provider not named" : terminal_text(r.provider));
    if (!r.has_route_map) {
      out += "No route map: the source publishes no activities with hours.\n\n";
      continue;
    }
    markup::TextTable t;
    t.header = period_header(r);
    t.right_aligned = numeric_columns(t.header.size());
    for (const auto &row : r.rows) {
      t.rows.push_back(row_cells(row));
      t.rows.back()[0] = terminal_text(t.rows.back()[0]);
    }
    t.rows.push_back(row_cells(r.programme));
    out += "Hours by period and activity kind\n" + t.str();
    for (const auto &c : r.choices) {
      out += "  " + c + "\n";
    }
    markup::TextTable d;
    d.header = {"Delivery", "", "Hours"};
    d.right_aligned = {false, false, true};
    for (const auto &s : r.delivery) {
      d.rows.push_back({s.dimension, s.value, s.hours.str()});
    }
    out += "\nHours by delivery\n" + d.str();
    if (!r.published.empty()) {
      markup::TextTable f;
      f.header = {"Published figure", "Published", "Route map", "", "Line"};
      f.right_aligned = {false, true, true, false, true};
      for (const auto &fig : r.published) {
        f.rows.push_back({terminal_text(figure_label(fig)), fig.published, fig.route_map,
                          fig.agrees ? "agrees" : "DIFFERS", std::to_string(fig.line)});
      }
      out += "\nPublished figures against the route map\n" + f.str();
    }
    out += "\n";
  }
  return out;
}

std::string render_hours_markdown(const std::vector<HoursReport> &reports) {
  std::string out;
  for (const auto &r : reports) {
    out += fmt::format("## {}\n\n", markup::md(r.title));
    out += fmt::format("{} · {} · `{}`\n\n", markup::md(r.qualification),
                       r.provider.empty() ? "provider not named" : markup::md(r.provider),
                       markup::md(r.file));
    if (!r.has_route_map) {
      out += "No route map: the source publishes no activities with hours.\n\n";
      continue;
    }
    markup::MarkdownTable t;
    t.header = period_header(r);
    t.right_aligned = numeric_columns(t.header.size());
    for (const auto &row : r.rows) {
      t.rows.push_back(row_cells(row));
    }
    t.rows.push_back(row_cells(r.programme));
    out += "### Hours by period and activity kind\n\n" + t.str() + "\n";
    for (const auto &c : r.choices) {
      out += "- " + markup::md(c) + "\n";
    }
    if (!r.choices.empty()) {
      out += "\n";
    }
    markup::MarkdownTable d;
    d.header = {"Delivery", "", "Hours"};
    d.right_aligned = {false, false, true};
    for (const auto &s : r.delivery) {
      d.rows.push_back({s.dimension, s.value, s.hours.str()});
    }
    out += "### Hours by delivery\n\n" + d.str() + "\n";
    if (!r.published.empty()) {
      markup::MarkdownTable f;
      f.header = {"Published figure", "Published", "Route map", "", "Line"};
      f.right_aligned = {false, true, true, false, true};
      for (const auto &fig : r.published) {
        f.rows.push_back({figure_label(fig), fig.published, fig.route_map,
                          fig.agrees ? "agrees" : "differs", std::to_string(fig.line)});
      }
      out += "### Published figures against the route map\n\n" + f.str() + "\n";
    }
  }
  return out;
}

std::string render_hours_csv(const std::vector<HoursReport> &reports) {
  std::string out = markup::csv_row(
      {"file", "table", "row", "column", "value", "low", "high", "not_published", "agrees"});
  auto number = [](double v) { return std::isfinite(v) ? analysis::number(v) : std::string(); };
  for (const auto &r : reports) {
    auto emit_row = [&](const HoursReport::Row &row) {
      for (std::size_t i = 0; i < r.kinds.size(); ++i) {
        const auto &h = row.by_kind[i];
        out += markup::csv_row({r.file, "period-by-kind", row.label, r.kinds[i], h.str(),
                                number(h.low), number(h.high), std::to_string(h.unpublished), ""});
      }
      out += markup::csv_row({r.file, "period-by-kind", row.label, "total", row.total.str(),
                              number(row.total.low), number(row.total.high),
                              std::to_string(row.total.unpublished), ""});
    };
    for (const auto &row : r.rows) {
      emit_row(row);
    }
    if (r.has_route_map) {
      emit_row(r.programme);
    }
    for (const auto &s : r.delivery) {
      out += markup::csv_row({r.file, "delivery", s.dimension, s.value, s.hours.str(),
                              number(s.hours.low), number(s.hours.high),
                              std::to_string(s.hours.unpublished), ""});
    }
    for (const auto &f : r.published) {
      out += markup::csv_row({r.file, "published-vs-route-map", figure_label(f), "published",
                              f.published, "", "", "", f.agrees ? "yes" : "no"});
      out += markup::csv_row({r.file, "published-vs-route-map", figure_label(f), "route map",
                              f.route_map, "", "", "", f.agrees ? "yes" : "no"});
    }
  }
  return out;
}

std::string render_hours_json(const std::vector<HoursReport> &reports) {
  Json root = Json::array();
  for (const auto &r : reports) {
    Json j;
    j["file"] = r.file;
    j["title"] = r.title;
    j["qualification"] = r.qualification;
    j["provider"] = r.provider;
    j["kinds"] = r.kinds;
    auto row_json = [&](const HoursReport::Row &row) {
      Json rj;
      rj["id"] = row.id;
      rj["label"] = row.label;
      rj["elective"] = row.elective;
      Json kinds = Json::object();
      for (std::size_t i = 0; i < r.kinds.size(); ++i) {
        kinds[r.kinds[i]] = interval_json(row.by_kind[i]);
      }
      rj["by_kind"] = kinds;
      rj["total"] = interval_json(row.total);
      return rj;
    };
    Json rows = Json::array();
    for (const auto &row : r.rows) {
      rows.push_back(row_json(row));
    }
    j["periods"] = rows;
    j["programme"] = r.has_route_map ? row_json(r.programme) : Json(nullptr);
    j["choices"] = r.choices;
    Json delivery = Json::array();
    for (const auto &s : r.delivery) {
      delivery.push_back(
          Json{{"dimension", s.dimension}, {"value", s.value}, {"hours", interval_json(s.hours)}});
    }
    j["delivery"] = delivery;
    Json published = Json::array();
    for (const auto &f : r.published) {
      published.push_back(Json{{"label", f.label},
                               {"figure", f.figure},
                               {"period", f.period},
                               {"published", f.published},
                               {"route_map", f.route_map},
                               {"agrees", f.agrees},
                               {"line", f.line}});
    }
    j["published"] = published;
    j["reconciled"] = r.reconciled;
    root.push_back(j);
  }
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace npq::report
