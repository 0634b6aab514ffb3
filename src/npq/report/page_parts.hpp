// The parts of the page model that page.cpp assembles: the summary of learning hours, the route
// map's sections and its picture, and the schema.org course. Internal to src/npq/report.
#pragma once

#include "npq/analysis/figures.hpp"
#include "npq/report/page.hpp"

namespace npq::report::parts {

/// The "Summary of learning hours" section: the provider's categories (or the activity families)
/// against the periods, computed from the route map, with each published figure as published and
/// its verdict; notes below say what an unconfirmed figure rests on.
PageSection hours_summary(const model::Programme &programme, const analysis::Totals &totals,
                          const analysis::Judgement &judgement);

/// A suite's summary: the families of the activities every programme includes, for every
/// programme (each programme's own page gives its periods).
PageSection common_hours(const std::vector<const model::Activity *> &activities);

/// The route map's subsections: periods (runs of identical ones collapsed), "Choose N of M"
/// before the choices, and the activities that run throughout.
std::vector<PageSection> route_map_sections(const model::Programme &programme,
                                            const analysis::Totals &totals,
                                            const model::Framework *framework);

/// The picture's bands and groups.
RouteMapPicture route_map_picture(const model::Programme &programme, const analysis::Totals &totals,
                                  const analysis::Judgement &judgement, const std::string &total);

/// The activity table used by periods, throughout strands and a suite's common activities.
PageTable activity_table(const std::vector<const model::Activity *> &activities,
                         const model::Framework *framework, const std::string &caption);

/// Framework areas an element covers, in words; empty when it claims none.
std::string covers(const model::Coverage &coverage, const model::Framework *framework);

/// Drops the columns (after the first) whose every body cell is empty or "none".
void drop_empty_columns(PageTable &table, bool keep_last);

} // namespace npq::report::parts
