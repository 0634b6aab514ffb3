// A programme's profile: the facts a participant compares between providers (duration, hours by
// family with shares live, face to face and online, cost by setting, assessment, coverage), as
// labelled values. 'npq compare' lays
// profiles side by side; 'npq diff' compares two versions of one.
#pragma once

#include "npq/analysis/interval.hpp"
#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <vector>

namespace npq::report {

struct Fact {
  std::string section; ///< "Programme", "Hours by kind", "Delivery", "Coverage", ...
  std::string label;
  std::string value; ///< empty when the programme says nothing
};

/// The facts of a programme. `settings` are the funding settings to give a cost for (see
/// funding_settings): a comparison passes the same ones for every programme, so that a cost
/// "for everyone" lines up with one "for independent schools".
std::vector<Fact> profile(const model::Programme &programme, const ReferenceData &data,
                          const std::vector<std::string> &settings);
/// The facts of a suite: what its programmes share (duration, activities, cost, assessment).
std::vector<Fact> profile(const model::Suite &suite, const ReferenceData &data,
                          const std::vector<std::string> &settings);

/// The settings funding entries name, in the catalogue's order.
std::vector<std::string> funding_settings(const std::vector<model::Funding> &funding,
                                          const ReferenceData &data);

/// Sections 'npq diff' reports but 'npq compare' leaves out: one fact per published figure (its
/// verdict), and hours by activity kind (providers use different kinds, so a comparison by kind
/// is mostly empty; 'Hours' compares by the families a participant understands).
constexpr std::string_view kFigureSection = "Published figures, one by one";
constexpr std::string_view kKindSection = "Hours by kind";

// Words for the model, shared by every report so a page and a comparison say the same thing.
std::string join(const std::vector<std::string> &parts, std::string_view separator);
/// "£1,055", "£12.50", "EUR 300".
std::string money(double amount, const std::string &currency);
/// "£1,055 for Independent school", "Full scholarship for State-funded school (England)".
std::string describe_funding(const model::Funding &funding, const ReferenceData &data);
/// The same without the audience, for a table by setting: "£1,055", "Full scholarship
/// (suspended until 2022-08-31)", "Price on request".
std::string describe_cost(const model::Funding &funding);
/// "18 months", "17 months including the assessment", "12 months to 18 months, depending on
/// the qualification", "the face-to-face sessions over at least 2 terms".
std::string describe_duration(const model::DurationBlock &duration);
/// "90 %", or with its scope, "90 % of the live sessions"; empty when none is stated.
std::string describe_engagement(const model::Assessment &assessment);
std::string describe_delivery(const model::Delivery &delivery);
/// "35 %" of `whole` when both are known exactly; "≤ 41 %" when the part is known and the whole
/// is at least some hours; "" otherwise (a share of hours that are not published is not known).
std::string share(const analysis::Interval &part, const analysis::Interval &whole);
/// "2", "6 × 1", "not published".
std::string describe_hours(const model::Activity &activity);
std::string role_label(const ReferenceData &data, const std::string &id);
std::string setting_label(const ReferenceData &data, const std::string &id);

} // namespace npq::report
