// The words of a verdict: what would make an open figure true, in the reader's terms ("holds only
// if the 6 face-to-face events take 70 hours in all (about 11.7 hours each)"). Internal to the
// analysis; every output (validate, hours, explain, compare, diff, export, routemap) prints
// these same sentences.
#pragma once

#include "npq/analysis/constraints.hpp"

#include <string>
#include <utility>

namespace npq::analysis::detail {

/// What would make `e` meet `r`, given that the route map and the other figures allow `range`.
Figure::Phrase condition_phrase(const System &system, const Expression &e, const Requirement &r,
                                std::pair<double, double> range, const model::Programme &programme);

/// "holds only if the implementation project takes at least 3 hours in Term one".
std::string sentence(const Figure::Phrase &phrase);

/// For a figure that holds with some choices of electives and not others.
std::string choice_condition(const Selection &holds, const model::Programme &programme);

/// For a figure nothing in the route map can check.
std::string unverifiable_text(const Interval &allowed, bool route_map_alone, bool has_route_map);

/// The figure's verdict in one sentence (its parts' conditions, by period where it has several).
std::string summary_condition(const Figure &figure, const model::Programme &programme);

/// Fills Figure::cancels on the programme total when the categories add up to it only because
/// their errors cancel out.
void cancel_out(Judgement &judgement, const model::Programme &programme);

/// "the implementation project", "the 6 face-to-face events": an activity in running text.
std::string activity_phrase(const model::Activity &activity, long long occurrences);

} // namespace npq::analysis::detail

namespace npq::analysis {
using detail::cancel_out;
using detail::choice_condition;
using detail::condition_phrase;
using detail::sentence;
using detail::summary_condition;
using detail::unverifiable_text;
} // namespace npq::analysis
