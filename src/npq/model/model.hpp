// The programme model: plain structs built from a structurally valid document (build.hpp). Checks
// and reports work only on these; none of them sees YAML. Every element keeps its location so a
// finding can point at the line the user wrote.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace npq::model {

/// Where an element was written: 1-based line and column plus a JSON Pointer.
struct Loc {
  int line = 0;
  int column = 0;
  std::string pointer;
};

/// A string together with where it was written (ids and references).
struct Ref {
  std::string value;
  Loc loc;
};

/// Hours as published. `not_published` is never zero: it is an unknown amount.
struct Hours {
  enum class Form { exact, at_least, up_to, about, range, not_published };
  Form form = Form::not_published;
  double low = 0;  ///< exact, about: the figure; at_least, range: the lower bound
  double high = 0; ///< exact, about: the figure; up_to, range: the upper bound
  Loc loc;

  static Hours exact(double h) { return Hours{Form::exact, h, h, {}}; }
};

/// A length of time such as "18 months" or "1 half-term".
struct Quantity {
  double value = 0;
  std::string unit; ///< singular: day, week, half-term, term, month, year
  Loc loc;
};

struct Delivery {
  std::string synchrony;    ///< synchronous | asynchronous | ""
  std::string facilitation; ///< facilitated | self-directed | ""
  std::string mode;         ///< online | face-to-face | in-school | blended | ""
};

/// Framework coverage claimed by an activity, period, topic or assessment part.
struct Coverage {
  bool present = false; ///< the key was given
  bool all = false;     ///< a blanket claim ("covering NPQ domain framework content")
  std::vector<Ref> areas;
  Loc loc;
};

/// Activity::period for activities outside the periods.
constexpr int kThroughout = -1; ///< runs across every period (the implementation project)
constexpr int kBefore = -2;     ///< before the programme starts (an audit "before start")
constexpr int kAfter = -3;      ///< after the taught programme (an assessment briefing)

struct Activity {
  std::string id;
  std::string title;
  std::string kind;
  Hours hours;
  int count = 1;
  Delivery delivery;
  Coverage covers;
  std::string description;
  std::string quote;
  int period = -1; ///< index into RouteMap::periods, or kThroughout, kBefore, kAfter
  Loc loc;
};

struct Period {
  std::string id;
  std::string title;
  std::string kind; ///< the period's own kind, or the route map's period-kind
  std::optional<Quantity> length;
  Coverage covers;
  std::string description;
  std::vector<std::string> topics;
  std::vector<Activity> activities;
  std::string quote;
  Loc loc;
};

struct Choice {
  std::string id;
  std::string title;
  int choose = 1;
  std::vector<Ref> from;
  Loc loc;
  Loc choose_loc;
};

struct RouteMap {
  bool present = false;
  std::string period_kind;
  std::optional<Quantity> period_length;
  std::vector<Period> periods;
  std::vector<Activity> throughout;
  std::vector<Activity> before; ///< before the programme starts
  std::vector<Activity> after;  ///< after the taught programme
  std::vector<Choice> choices;
  Loc loc;
};

/// One figure (or row of figures) the provider publishes about its own programme.
struct Category {
  std::string label;
  std::vector<Ref> kinds;
  std::vector<Ref> activities;
  std::vector<Ref> periods;
  std::optional<Hours> total_hours;
  std::optional<Hours> hours_per_period;
  std::optional<int> count;
  Loc count_loc;
  std::optional<int> count_per_period;
  Loc count_per_period_loc;
  std::optional<Hours> hours_each;
  std::optional<double> days;
  Loc days_loc;
  /// One row split unevenly over periods: "4 hours in terms 1 and 3, 8 hours in term 2".
  struct Split {
    std::vector<Ref> periods;
    Hours hours;
  };
  std::vector<Split> hours_by_period;
  /// "About 1-2 hours a week": a rate over the programme's weeks (`weeks`, else its duration).
  std::optional<Hours> hours_per_week;
  std::optional<double> weeks;
  Loc weeks_loc;
  /// Where the source places what the row counts: "" (in the periods), before-start or
  /// after-programme.
  std::string when;
  Loc when_loc;
  bool periods_unstated = false;  ///< "every term" over a number of terms the source does not give
  std::vector<std::string> notes; ///< what the source says about the row besides its figures
  std::string quote;
  Loc loc;
};

struct Summary {
  bool present = false;
  std::vector<Ref> periods;
  std::vector<Category> categories;
  std::optional<Hours> total_hours;
  std::optional<int> period_count;
  Loc period_count_loc;
  std::optional<double> hours_per_day;
  /// The source lists some of what the programme offers ("you will benefit from ..."), not a
  /// complete table of its hours: activities outside it are not unaccounted for.
  bool partial = false;
  Loc loc;
};

struct Source {
  std::string title;
  std::string publisher;
  std::string url;
  std::string document;
  Loc document_loc;
  std::string published;
  Loc published_loc;
  std::string retrieved;
  Loc loc;
};

/// A source of reference data (framework, catalogue): who stands behind it and what it supports.
struct DataSource {
  std::string title;
  std::string publisher;
  std::string url;
  std::string kind;                  ///< dfe | dfe-copy | provider | press
  std::vector<std::string> supports; ///< area-count, area-titles, area-order, ...
  std::string published;
  std::string quote;
  Loc loc;

  bool primary() const { return kind == "dfe" || kind == "dfe-copy"; }
};

struct Audience {
  bool present = false;
  std::string description;
  std::vector<Ref> roles;
  std::vector<Ref> settings;
  std::vector<std::string> requirements;
  std::vector<std::string> notes;
  Loc loc;
};

struct Funding {
  std::string kind;   ///< scholarship | fee | contact-provider
  std::string status; ///< available | suspended | possible
  std::string coverage;
  std::optional<double> amount;
  std::string currency;
  std::vector<Ref> settings;
  std::string region;
  std::vector<std::string> includes;
  std::vector<std::string> conditions;
  std::optional<Ref> from;
  std::optional<Ref> until;
  std::string quote;
  Loc loc;
};

/// A length the source gives for part of the programme ("the face-to-face sessions will be
/// delivered over at least two academic terms"), not for the programme itself.
struct Span {
  std::string of;
  std::optional<Quantity> length;
  std::optional<Quantity> at_least;
  std::optional<Quantity> up_to;
  Loc loc;
};

struct DurationBlock {
  bool present = false;
  std::optional<Quantity> nominal; ///< the taught length
  std::optional<Quantity> minimum;
  std::optional<Quantity> maximum;
  /// A published length that includes the assessment period ("17 months", of which about 3
  /// are for the assessment).
  std::optional<Quantity> including_assessment;
  std::vector<Span> spans;
  /// Suites: "participant" (default, one participant's range) or "qualification" (the range
  /// spans the suite's qualifications: "12-18 months, depending on the subject area").
  std::string varies_by;
  Loc loc;
};

/// Something a page announces with a date: a successor, funding for a later intake, other news.
struct Announcement {
  std::string kind; ///< successor | funding | other
  std::string what; ///< the source's words
  std::optional<Ref> date;
  std::string tense; ///< future | past
  std::string quote;
  Loc loc;
};

struct Start {
  Ref date;
  std::string label;
  Loc loc;
};

struct Topic {
  std::string title;
  Coverage covers;
  std::string description;
  Loc loc;
};

struct Behaviour {
  Ref id;
  std::string title;
  std::string description;
  Loc loc;
};

struct AssessmentPart {
  std::string id;
  std::string title;
  Coverage assesses;
  std::string description;
  Loc loc;
};

struct Assessment {
  bool present = false;
  std::string kind;
  std::string description;
  std::optional<Quantity> window;
  std::optional<bool> open_book;
  std::string timing_starts;
  std::optional<Quantity> timing_within;
  std::vector<AssessmentPart> parts;
  std::optional<double> engagement_threshold;
  /// What the threshold applies to, in the source's words ("attendance at the live sessions");
  /// empty when the source gives the percentage alone.
  std::string engagement_scope;
  Loc engagement_loc;
  std::optional<int> word_limit;
  std::string assessor;
  Loc loc;
};

struct Suppression {
  std::string code;
  std::string file;    ///< config suppressions: the file it applies to (empty: every file)
  std::string pointer; ///< the node it applies to, with everything inside it (empty: all)
  std::string reason;
  Loc loc;
  std::string origin;        ///< the file the suppression is written in
  bool report_unused = true; ///< false for config suppressions that apply to every file
};

/// Fields every document kind shares: where it came from, its quotes and suppressions.
struct DocumentInfo {
  std::string file;
  int document = 0;
  std::vector<Ref> quotes;               ///< every 'quote' value, for provenance checks
  std::vector<Suppression> suppressions; ///< the document's own 'suppress' entries
  /// Values the encoder concluded rather than read: JSON Pointer of the key -> the reason given
  /// in the 'inferred' mapping beside it.
  std::vector<std::pair<std::string, std::string>> inferences;

  /// The reason a value (or anything inside it) was inferred, or empty when it was read.
  std::string inferred(std::string_view pointer) const;
};

struct Programme {
  DocumentInfo doc;
  std::string id;
  std::string title;
  Ref qualification;
  std::optional<Ref> course_identifier;
  std::string provider;
  std::string delivery_partner;
  std::optional<Ref> framework;
  Source source;
  std::string description;
  Audience audience;
  std::vector<Funding> funding;
  DurationBlock duration;
  std::vector<Start> starts;
  std::vector<Announcement> announcements;
  RouteMap route_map;
  Summary summary;
  std::vector<Topic> topics;
  std::vector<Behaviour> behaviours;
  Assessment assessment;
  Loc loc;
};

struct SuiteMember {
  Ref qualification;
  std::string title;
  Audience audience;
  std::string programme;
  std::vector<Ref> related;
  Loc loc;
};

struct SuiteGroup {
  std::string id;
  std::string title;
  std::string catalogue_group;
  std::string described_as; ///< reformed | new | "" (what the source calls the members)
  Loc described_as_loc;
  std::optional<int> declared_count;
  Loc declared_count_loc;
  std::vector<SuiteMember> members;
  Loc loc;
};

struct Suite {
  DocumentInfo doc;
  std::string id;
  std::string title;
  std::string provider;
  std::string delivery_partner;
  Source source;
  std::string description;
  std::vector<Activity> common_activities;
  Assessment common_assessment;
  std::vector<Funding> common_funding;
  DurationBlock common_duration;
  std::vector<Announcement> announcements;
  std::vector<SuiteGroup> groups;
  Loc loc;
};

struct Statement {
  std::string id;
  std::string kind;
  std::string text;
};

struct Area {
  std::string id;
  std::vector<std::string> aliases; ///< former ids, still accepted in 'covers'
  int number = 0;
  std::string title;
  bool provisional = false;
  std::vector<Statement> statements;
  Loc loc;
};

struct FrameworkBehaviour {
  std::string id;
  std::string title;
  std::string description;
};

/// A part of a framework's assessment, at the levels (qualifications) that have it.
struct FrameworkPart {
  std::string id;
  std::string title;
  std::vector<std::string> qualifications;
  std::string description;
};

struct Framework {
  DocumentInfo doc;
  std::string id;
  std::vector<Ref> aliases; ///< former ids, still accepted
  std::string title;
  std::string reference;
  std::string published;
  std::vector<Ref> qualifications;
  bool reformed = false;
  std::string status = "current"; ///< current | under-review | superseded
  std::vector<Ref> superseded_by;
  bool provisional = false;
  Source source;
  std::vector<DataSource> sources;
  std::optional<Quantity> minimum_duration;
  std::optional<Quantity> maximum_duration;
  std::optional<int> area_count; ///< the count a source gives, where it does not name every area
  Loc area_count_loc;
  std::vector<Area> areas;
  std::vector<FrameworkBehaviour> behaviours;
  std::vector<FrameworkPart> assessment_parts;
  Loc loc;

  /// The area with this id or former id (alias), or null.
  const Area *find_area(std::string_view area_id) const;
  /// How many areas the framework has: the stated count, else the areas listed.
  std::size_t counted_areas() const {
    return area_count ? static_cast<std::size_t>(*area_count) : areas.size();
  }
  /// True when no area is named, so coverage cannot be checked area by area.
  bool areas_unnamed() const { return areas.empty(); }
  /// True if the area list, or any area in it, is provisional.
  bool any_provisional() const;
  /// The parts recorded for one level (qualification code).
  std::vector<const FrameworkPart *> parts_for(std::string_view code) const;
  /// True if some DfE source (or a copy of a DfE document) supports `what` (e.g. "area-titles").
  bool primary_support(std::string_view what) const;
};

/// A length in months that may be a range ("3 to 4 months"); low == high for a single figure.
struct MonthRange {
  int low = 0;
  int high = 0;
};

std::string to_string(const MonthRange &m);

struct Qualification {
  std::string code;
  std::string identifier;
  std::string name;
  std::string group;
  std::optional<int> taught_months;
  std::optional<MonthRange> assessment_months;
  std::vector<std::string> frameworks;
  std::vector<std::string> aliases;
  bool withdrawn = false;
  std::string withdrawn_date; ///< when it was withdrawn, as precisely as known; may be empty
  std::string replaced_by;
  Loc loc;
};

struct VocabularyEntry {
  std::string id;
  std::string label;
  std::vector<std::string> aliases;
  std::vector<std::string> within; ///< settings: the settings it belongs to, wholly or in part
};

struct Catalogue {
  DocumentInfo doc;
  std::string id;
  std::string title;
  Source source;
  std::vector<DataSource> sources;
  std::vector<Qualification> qualifications;
  std::vector<VocabularyEntry> roles;
  std::vector<VocabularyEntry> settings;
  Loc loc;
};

struct SeverityOverride {
  std::string code;
  std::string severity;
};

struct Config {
  DocumentInfo doc;
  std::vector<std::string> paths;
  std::vector<std::string> data;
  std::vector<SeverityOverride> severity;
  std::vector<Suppression> suppress;
  bool strict = false;
  std::optional<double> about_tolerance; ///< a fraction: "10%" is 0.1
  std::optional<double> hours_per_day;   ///< hours in a day, for figures in days
  Loc loc;
};

using Document = std::variant<std::monostate, Programme, Suite, Framework, Catalogue, Config>;

std::string to_string(const Quantity &q);

/// Every coverage claim of a programme that says what it teaches: periods, their activities,
/// activities that run throughout, and topics (not assessment parts, which assess).
std::vector<const Coverage *> teaching_coverage(const Programme &programme);

} // namespace npq::model
