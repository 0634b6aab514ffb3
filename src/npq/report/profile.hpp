// A programme's profile: the facts a participant compares between providers (duration, hours by
// kind, delivery mix, coverage, cost, assessment), as labelled values. 'npq compare' lays
// profiles side by side; 'npq diff' compares two versions of one.
#pragma once

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

std::vector<Fact> profile(const model::Programme &programme, const ReferenceData &data);

/// The section of one fact per published figure (its verdict), for 'npq diff'.
constexpr std::string_view kFigureSection = "Published figures, one by one";

// Words for the model, shared by every report so a page and a comparison say the same thing.
std::string join(const std::vector<std::string> &parts, std::string_view separator);
/// "£1,055", "£12.50", "EUR 300".
std::string money(double amount, const std::string &currency);
/// "£1,055 for Independent school", "Full scholarship for State-funded school (England)".
std::string describe_funding(const model::Funding &funding, const ReferenceData &data);
std::string describe_duration(const model::DurationBlock &duration);
std::string describe_delivery(const model::Delivery &delivery);
/// "2", "6 × 1", "not published".
std::string describe_hours(const model::Activity &activity);
std::string role_label(const ReferenceData &data, const std::string &id);
std::string setting_label(const ReferenceData &data, const std::string &id);

} // namespace npq::report
