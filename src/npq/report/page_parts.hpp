// The parts of the page model that page.cpp assembles: the summary of learning hours, the route
// map's sections and its picture, and the schema.org course. Internal to src/npq/report.
#pragma once

#include "npq/analysis/figures.hpp"
#include "npq/report/page.hpp"

#include <string_view>

namespace npq::report::parts {

/// The route map's slots outside its periods, as headings, summary columns and picture bands.
inline constexpr std::string_view kBefore = "Before the programme starts";
inline constexpr std::string_view kAfter = "After the taught programme";

/// Why the value at `pointer` was inferred rather than read: the reason given for it, for a
/// mapping that holds it, or for anything inside it; empty when all of it was read. Values shown
/// whole on a page (a fact, a table cell) are inferred if any part of them is.
std::string inferred(const model::DocumentInfo &doc, std::string_view pointer);

/// `text` followed by "(inferred, not published: <reason>)" when the value at `pointer` was
/// inferred: for facts and sentences, where the reason fits beside the value.
std::string marked(const model::DocumentInfo &doc, std::string text, std::string_view pointer);

/// How a figure from the provider's summary is marked where a page shows it: "published";
/// "inferred" when the encoder concluded the figure itself; "published; inferred for this term"
/// when the figure is the provider's but which periods it covers was concluded ("every term").
std::string figure_marker(const analysis::Figure &figure, const model::Programme &programme);
/// The encoder concluded the figure itself (not only which periods it covers).
bool figure_inferred(const analysis::Figure &figure, const model::Programme &programme);
/// The same in a sentence: "as published", "inferred, not published", "as published, inferred
/// for this term".
std::string figure_words(const analysis::Figure &figure, const model::Programme &programme);

/// The activity's hours or its count were inferred, not read.
bool hours_inferred(const model::Activity &activity, const model::DocumentInfo &doc);
/// " (inferred)" or " (partly inferred)" after hours added up from activities some of whose hours
/// were inferred (a sum of inferred hours is not a published one); empty when none were.
std::string inferred_part(const std::vector<const model::Activity *> &activities,
                          const model::DocumentInfo &doc);
std::string inferred_part(const analysis::Total &total, const model::DocumentInfo &doc);

/// What the encoder inferred in the cells of a table: the cell says "(inferred)", and a note under
/// the table says why, so that no inferred value is shown as published.
struct Inferences {
  const model::DocumentInfo *doc = nullptr; ///< null: nothing is marked (a suite's common parts)
  std::vector<std::string> notes;
  /// `text` with " (inferred)" when the value at `pointer` was inferred; the note names `where`.
  std::string mark(std::string text, const std::string &pointer, const std::string &where);
  /// The notes as a list block, or nothing when there are none.
  void add_notes(std::vector<PageBlock> &blocks) const;
};

/// The "Summary of learning hours" section: the provider's categories (or the activity families)
/// against the periods, computed from the route map, with each published figure as published and
/// its verdict; notes below say what an unconfirmed figure rests on.
PageSection hours_summary(const model::Programme &programme, const analysis::Totals &totals,
                          const analysis::Judgement &judgement);

/// A suite's summary: the families of the activities every programme includes, for every
/// programme (each programme's own page gives its periods).
PageSection common_hours(const std::vector<const model::Activity *> &activities);

/// The route map's subsections in time order: what comes before the programme starts, the periods
/// (runs of identical ones collapsed), "Choose N of M" before the choices, the activities that run
/// throughout, and what comes after the taught programme.
std::vector<PageSection> route_map_sections(const model::Programme &programme,
                                            const analysis::Totals &totals,
                                            const model::Framework *framework);

/// The picture's bands and groups.
RouteMapPicture route_map_picture(const model::Programme &programme, const analysis::Totals &totals,
                                  const analysis::Judgement &judgement, const std::string &total);

/// The activity table used by periods, the other slots and a suite's common activities; values
/// the encoder inferred are marked in `inferences`.
PageTable activity_table(const std::vector<const model::Activity *> &activities,
                         const model::Framework *framework, const std::string &caption,
                         Inferences &inferences);

/// Framework areas an element covers, in words; empty when it claims none.
std::string covers(const model::Coverage &coverage, const model::Framework *framework);

/// Drops the columns (after the first) whose every body cell is empty or "none".
void drop_empty_columns(PageTable &table, bool keep_last);

} // namespace npq::report::parts
