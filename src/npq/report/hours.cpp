#include "npq/report/hours.hpp"

#include "npq/analysis/figures.hpp"
#include "npq/analysis/totals.hpp"
#include "npq/format/spec.hpp"
#include "npq/markup/markdown.hpp"
#include "npq/markup/text_table.hpp"
#include "npq/report/labels.hpp"
#include "npq/report/profile.hpp"
#include "npq/text/terminal.hpp"
#include "npq/text/width.hpp"

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

// The published figures, their verdicts, and below the table what would make each open figure
// true (and why the others are what they are).
std::string figures_text(const HoursReport &r, std::size_t width) {
  if (r.published.empty()) {
    return {};
  }
  markup::TerminalTable f;
  f.header = {"Published figure", "Published", "Route map", "Verdict", "Line"};
  f.right_aligned = {false, true, true, false, true};
  f.width = width;
  std::string notes;
  std::set<std::string> said; // a condition shared by every period of a figure is said once
  for (const auto &fig : r.published) {
    f.rows.push_back({terminal_text(figure_label(fig)), fig.published, fig.route_map,
                      fig.verdict + (fig.inferred.empty() ? "" : " (inferred)"),
                      std::to_string(fig.line)});
    std::string label = fmt::format("{} ({})", fig.label, fig.figure);
    if (!fig.condition.empty() &&
        said.insert(fmt::format("{}|{}|{}", fig.line, label, fig.condition)).second) {
      notes += text::wrap_paragraph(fmt::format("line {}, {}: {}", fig.line, terminal_text(label),
                                                terminal_text(fig.condition)),
                                    width, "  ", "    ");
    }
    if (!fig.inferred.empty() && said.insert(fmt::format("{}|inferred", fig.line)).second) {
      notes +=
          text::wrap_paragraph(fmt::format("line {}, {}: inferred, not published: {}", fig.line,
                                           terminal_text(label), terminal_text(fig.inferred)),
                               width, "  ", "    ");
    }
  }
  std::string out = "\nPublished figures: confirmed, contradicted or open\n" + f.str() + notes;
  for (const auto &c : r.conflicts) {
    out += text::wrap_paragraph("conflict: " + terminal_text(c), width, "  ", "    ");
  }
  if (!r.programme_with_figures.empty()) {
    out += text::wrap_paragraph(fmt::format("with the published figures, the programme takes {} "
                                            "hours",
                                            r.programme_with_figures),
                                width, "  ", "    ");
  }
  return out;
}

// "Hours by delivery" in a participant's words: when (live or in their own time), who leads it,
// and where, each adding up to the programme's hours, with shares where the hours are known.
std::vector<std::vector<std::string>> delivery_rows(const HoursReport &r) {
  std::vector<std::vector<std::string>> rows;
  std::string dimension;
  for (const auto &s : r.delivery) {
    if (!dimension.empty() && s.dimension != dimension) {
      rows.push_back({"", "", ""});
    }
    dimension = s.dimension;
    rows.push_back({delivery_words(s.dimension, s.value == "not stated" ? "" : s.value),
                    s.hours.str(), share(s.hours, r.programme.total)});
  }
  rows.push_back({"", "", ""});
  rows.push_back(
      {"All activities", r.programme.total.str(), share(r.programme.total, r.programme.total)});
  return rows;
}

const std::vector<std::string> kDeliveryHeader{"How the hours are delivered", "Hours", "Share"};

std::string figures_markdown(const HoursReport &r) {
  if (r.published.empty()) {
    return {};
  }
  markup::MarkdownTable f;
  f.header = {"Published figure", "Published", "Route map", "Verdict", "Line"};
  f.right_aligned = {false, true, true, false, true};
  std::string notes;
  std::set<std::string> said;
  for (const auto &fig : r.published) {
    f.rows.push_back({figure_label(fig), fig.published, fig.route_map,
                      fig.verdict + (fig.inferred.empty() ? "" : " (inferred)"),
                      std::to_string(fig.line)});
    std::string label = fmt::format("{} ({})", fig.label, fig.figure);
    if (!fig.condition.empty() &&
        said.insert(fmt::format("{}|{}|{}", fig.line, label, fig.condition)).second) {
      notes += fmt::format("- Line {}, {}: {}\n", fig.line, markup::md(label),
                           markup::md(fig.condition));
    }
    if (!fig.inferred.empty() && said.insert(fmt::format("{}|inferred", fig.line)).second) {
      notes += fmt::format("- Line {}, {}: inferred, not published: {}\n", fig.line,
                           markup::md(label), markup::md(fig.inferred));
    }
  }
  for (const auto &c : r.conflicts) {
    notes += "- Conflict: " + markup::md(c) + "\n";
  }
  if (!r.programme_with_figures.empty()) {
    notes += fmt::format("- With the published figures, the programme takes {} hours\n",
                         markup::md(r.programme_with_figures));
  }
  return "### Published figures: confirmed, contradicted or open\n\n" + f.str() + "\n" +
         (notes.empty() ? "" : notes + "\n");
}

std::vector<bool> numeric_columns(std::size_t n) {
  std::vector<bool> right(n, true);
  right[0] = false;
  return right;
}

// The published figures with their verdicts: one row per period of a per-period figure and per
// activity of an 'each' figure.
void add_figures(HoursReport &r, const model::Programme &p, const analysis::Totals &totals,
                 const analysis::FigureOptions &options) {
  if (!p.summary.present) {
    return;
  }
  auto j = analysis::judge(p, totals, options);
  using Kind = analysis::Figure::Kind;
  for (const auto &fig : j.figures) {
    r.contradicted += fig.verdict == analysis::Verdict::contradicted ? 1 : 0;
    r.open += fig.verdict == analysis::Verdict::open ? 1 : 0;
    for (const auto &part : fig.parts) {
      HoursReport::Figure f;
      f.label = fig.category != nullptr ? fig.category->label : "Published summary";
      f.figure = analysis::to_string(fig.kind);
      if (part.period >= 0) {
        f.period = p.route_map.periods[static_cast<std::size_t>(part.period)].title;
      } else if (part.activity != nullptr) {
        f.period = analysis::where_text(*part.activity, p);
      }
      f.published = fig.published.str();
      f.route_map = fig.counts_nothing ? "nothing" : part.route_map.str();
      f.verdict = analysis::to_string(part.verdict);
      f.condition = part.condition;
      f.inferred = fig.inferred;
      if (fig.kind == Kind::programme_total && !fig.cancels.empty()) {
        f.condition += (f.condition.empty() ? "" : "; ") + fig.cancels;
      }
      f.line = fig.loc.line;
      r.published.push_back(std::move(f));
    }
  }
  for (const auto &c : j.conflicts) {
    std::string text;
    for (std::size_t k = 0; k < c.figures.size(); ++k) {
      const auto &fig = j.figures[c.figures[k]];
      text += fmt::format("{}{} {} (line {})",
                          k == 0                      ? ""
                          : k + 1 == c.figures.size() ? " and "
                                                      : ", ",
                          analysis::describe(fig), fig.published.str(), fig.loc.line);
    }
    r.conflicts.push_back(text + " cannot all be true");
  }
  analysis::Interval rm = totals.programme(Selector::all()).hours;
  if (!j.route_map_alone && p.route_map.present &&
      (j.programme.low != rm.low || j.programme.high != rm.high)) {
    analysis::Interval with = j.programme;
    with.unpublished = 0;
    r.programme_with_figures = with.str();
  }
}

} // namespace

HoursReport build_hours_report(const model::Programme &p, const analysis::FigureOptions &options) {
  HoursReport r;
  r.file = p.doc.file;
  r.title = p.title;
  r.qualification = p.qualification.value;
  r.provider = p.provider;
  r.has_route_map = p.route_map.present;
  analysis::Totals totals(p);
  add_figures(r, p, totals, options);
  if (!p.route_map.present) {
    return r;
  }
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
  for (int slot : {model::kBefore, model::kAfter}) {
    if ((slot == model::kBefore ? p.route_map.before : p.route_map.after).empty()) {
      continue;
    }
    auto row = by_kind([&](const Selector &s) { return totals.outside(slot, s); });
    row.label = slot == model::kBefore ? "Before the programme" : "After the taught programme";
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

  return r;
}

std::string render_hours_text(const std::vector<HoursReport> &reports, std::size_t width) {
  std::string out;
  for (const auto &r : reports) {
    out += text::wrap_paragraph(fmt::format("{} — {}", r.file, terminal_text(r.title)), width, "",
                                "  ");
    out += text::wrap_paragraph(
        fmt::format("{} · {}", r.qualification,
                    r.provider.empty() ? "provider not named" : terminal_text(r.provider)),
        width, "", "  ");
    out += "\n";
    if (!r.has_route_map) {
      out += "No route map: the source publishes no activities with hours.\n\n";
      out += figures_text(r, width);
      continue;
    }
    markup::TerminalTable t;
    t.header = period_header(r);
    t.right_aligned = numeric_columns(t.header.size());
    t.width = width;
    for (const auto &row : r.rows) {
      t.rows.push_back(row_cells(row));
      t.rows.back()[0] = terminal_text(t.rows.back()[0]);
    }
    t.rows.push_back(row_cells(r.programme));
    out += "Hours by period and activity kind\n" + t.str();
    for (const auto &c : r.choices) {
      out += text::wrap_paragraph(terminal_text(c), width, "  ", "    ");
    }
    markup::TerminalTable d;
    d.header = kDeliveryHeader;
    d.right_aligned = {false, true, true};
    d.width = width;
    d.rows = delivery_rows(r);
    out += "\nHours by delivery\n" + d.str();
    out += figures_text(r, width);
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
      out += figures_markdown(r);
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
    d.header = kDeliveryHeader;
    d.right_aligned = {false, true, true};
    for (auto &row : delivery_rows(r)) {
      if (!row[0].empty()) {
        d.rows.push_back(std::move(row));
      }
    }
    out += "### Hours by delivery\n\n" + d.str() + "\n";
    out += figures_markdown(r);
  }
  return out;
}

std::string render_hours_csv(const std::vector<HoursReport> &reports) {
  std::string out = markup::csv_row(
      {"file", "table", "row", "column", "value", "low", "high", "not_published", "verdict"});
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
      out += markup::csv_row({r.file, "published-figures", figure_label(f), "published",
                              f.published, "", "", "", f.verdict});
      out += markup::csv_row({r.file, "published-figures", figure_label(f), "route map",
                              f.route_map, "", "", "", f.verdict});
      if (!f.condition.empty()) {
        out += markup::csv_row({r.file, "published-figures", figure_label(f), "condition",
                                f.condition, "", "", "", f.verdict});
      }
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
                               {"verdict", f.verdict},
                               {"condition", f.condition},
                               {"inferred", f.inferred},
                               {"line", f.line}});
    }
    j["published"] = published;
    j["conflicts"] = r.conflicts;
    j["programme_with_figures"] =
        r.programme_with_figures.empty() ? Json(nullptr) : Json(r.programme_with_figures);
    j["contradicted"] = r.contradicted;
    j["open"] = r.open;
    root.push_back(j);
  }
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace npq::report
