// The words a participant reads on a route map page, defined once. The page model (page.hpp) is
// built with these, and every renderer (Markdown, HTML, SVG, Mermaid, JSON-LD) shows the model's
// words, so the same thing is never called two names. Plain English, no notation: "at least 10
// hours", never "≥ 10"; "live, online", never "synchronous"; "90%", never "90 %".
#pragma once

#include "npq/analysis/interval.hpp"
#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <string>
#include <string_view>

namespace npq::report::glossary {

// Headings and fixed labels.
inline constexpr std::string_view kAtAGlance = "At a glance";
inline constexpr std::string_view kSummary = "Summary of learning hours";
inline constexpr std::string_view kRouteMap = "Route map";
inline constexpr std::string_view kThroughout = "Throughout the programme";
inline constexpr std::string_view kLearn = "What you will learn";
inline constexpr std::string_view kBehaviours = "Leadership behaviours";
inline constexpr std::string_view kAssessment = "Assessment";
inline constexpr std::string_view kDisagree = "Published figures that do not agree";
inline constexpr std::string_view kTotal = "Total";
inline constexpr std::string_view kAllLearning = "All learning";
inline constexpr std::string_view kNotInSummary = "Not in the provider's summary";
inline constexpr std::string_view kNotPublished = "not published";
inline constexpr std::string_view kNone = "none";
inline constexpr std::string_view kProgrammes = "Programmes";
inline constexpr std::string_view kEveryProgramme = "Every programme includes";

/// The families a participant recognises, in the order pages list them.
enum class Family { live, self_study, in_school, assessment, other };
inline constexpr Family kFamilies[] = {Family::live, Family::self_study, Family::in_school,
                                       Family::assessment, Family::other};
Family family_of(std::string_view activity_kind);
/// "Live sessions", "Self-study", "In-school work", "Assessment", "Other activities".
std::string_view family_label(Family family);

/// Hours in words. As a table cell (`unit` false): "18", "at least 10", "about 20", "up to 50",
/// "20 to 30", "not published"; in a sentence: "18 hours", "1 hour", "at least 10 hours".
std::string hours(const analysis::Interval &interval, bool unit = true);
std::string hours(const model::Hours &published, bool unit = true);
/// An activity's hours as a table cell: "2", "6 × 2" (six times two hours), "not published",
/// "6, hours not published".
std::string activity_hours(const model::Activity &activity);
/// "8 days".
std::string days(double value);

/// "Live, online, led by a facilitator"; empty when the source says nothing.
std::string delivery(const model::Delivery &delivery);
/// "18 months", "12 to 18 months", "usually 12 months (6 to 18 months)", "at least 2 terms".
std::string duration(const model::DurationBlock &duration);
/// "Fully funded (scholarship) for state-funded schools …", "£1,055 for independent schools".
std::string funding(const model::Funding &funding, const ReferenceData &data);
/// "NPQ in Senior leadership (NPQSL)".
std::string qualification(const model::Qualification *q, const std::string &code);
/// "After the programme, within 3 months".
std::string assessment_timing(const model::Assessment &assessment);

/// "Independent school" mid-sentence is "independent school"; "SEND" stays as it is.
std::string lower_first(std::string text);
std::string capitalise(std::string text);

/// "one" … "twelve", then digits; `capital` for the start of a sentence.
std::string count_words(long long n, bool capital = false);
/// "term", "half-term", "course": a period kind or unit as a noun mid-sentence.
std::string noun(std::string_view word);
/// "terms", "courses", "half-terms": the plural of a period kind or unit.
std::string plural(std::string_view word);
/// "Choose 2 of 7".
std::string choose(int n, std::size_t of);
/// "half-termly", "termly", "weekly", "monthly", "yearly"; empty for other units.
std::string every(std::string_view unit);

} // namespace npq::report::glossary
