// The definitions of npq's document kinds. Read this file as the format's grammar: every key, its
// type, whether it is required, what it means and an example. Keep meanings short and concrete;
// they are printed in docs/format.md and in the JSON Schemas' descriptions.
#include "npq/format/spec.hpp"

#include <deque>

namespace npq::format {

const Field *Type::field(std::string_view key) const {
  for (const auto &f : fields) {
    if (f.key == key) {
      return &f;
    }
  }
  return nullptr;
}

bool Type::allows(std::string_view word) const {
  for (const auto &v : values) {
    if (v.word == word) {
      return true;
    }
  }
  return false;
}

namespace {

Field req(std::string_view key, const Type &type, std::string_view meaning,
          std::string_view example) {
  return Field{key, &type, true, meaning, example};
}
Field opt(std::string_view key, const Type &type, std::string_view meaning,
          std::string_view example) {
  return Field{key, &type, false, meaning, example};
}

struct Spec {
  std::deque<Type> types; // stable addresses
  std::vector<Kind> kinds;
  const Type *activity_kind = nullptr;
  const Type *hours = nullptr;

  Type &add(Type t) {
    if (!t.pattern.empty()) {
      t.compiled = std::make_shared<LazyRegex>(t.pattern);
    }
    return types.emplace_back(std::move(t));
  }
  Type &string(std::string_view summary, bool non_empty = true) {
    Type t;
    t.shape = Shape::string;
    t.summary = summary;
    t.non_empty = non_empty;
    return add(std::move(t));
  }
  Type &pattern(std::string_view name, std::string_view summary, std::string_view regex,
                std::string_view help, std::size_t max_length) {
    Type t;
    t.shape = Shape::string;
    t.name = name;
    t.summary = summary;
    t.pattern = regex;
    t.pattern_help = help;
    t.max_length = max_length;
    return add(std::move(t));
  }
  Type &number(std::string_view summary, std::optional<double> minimum = 0.0) {
    Type t;
    t.shape = Shape::number;
    t.summary = summary;
    t.minimum = minimum;
    t.maximum = kMaxFigure;
    return add(std::move(t));
  }
  Type &integer(std::string_view summary, std::optional<double> minimum) {
    Type t;
    t.shape = Shape::integer;
    t.summary = summary;
    t.minimum = minimum;
    t.maximum = kMaxFigure;
    return add(std::move(t));
  }
  Type &boolean(std::string_view summary) {
    Type t;
    t.shape = Shape::boolean;
    t.summary = summary;
    return add(std::move(t));
  }
  Type &enumeration(std::string_view name, std::string_view summary,
                    std::vector<EnumValue> values) {
    Type t;
    t.shape = Shape::enumeration;
    t.name = name;
    t.summary = summary;
    t.values = std::move(values);
    return add(std::move(t));
  }
  Type &object(std::string_view name, std::string_view summary, std::vector<Field> fields) {
    Type t;
    t.shape = Shape::object;
    t.name = name;
    t.summary = summary;
    t.fields = std::move(fields);
    return add(std::move(t));
  }
  Type &array(const Type &items, bool non_empty = false, std::string_view summary = {},
              std::size_t max_items = kMaxItems) {
    Type t;
    t.shape = Shape::array;
    t.items = &items;
    t.non_empty = non_empty;
    t.summary = summary;
    t.max_items = max_items;
    return add(std::move(t));
  }
  Type &one_of(std::string_view name, std::string_view summary,
               std::vector<const Type *> alternatives) {
    Type t;
    t.shape = Shape::one_of;
    t.name = name;
    t.summary = summary;
    t.alternatives = std::move(alternatives);
    return add(std::move(t));
  }
  Type &constant(std::string_view word, std::string_view meaning) {
    Type t;
    t.shape = Shape::enumeration;
    t.values = {{word, meaning}};
    t.summary = meaning;
    return add(std::move(t));
  }

  Spec();
};

Spec::Spec() {
  // ---- scalars shared by every kind --------------------------------------------------------
  auto &text = string("Text.");
  auto &optional_text = string("Text (may be empty).", false);
  auto &texts = array(text, false, "A list of texts.");
  auto &id =
      pattern("id", "An identifier: lower-case letters and digits, words joined by hyphens.",
              "^[a-z0-9]+(-[a-z0-9]+)*$", "lower-case words joined by hyphens, e.g. 'term-1'", 100);
  auto &ids = array(id, true, "A list of ids.");
  auto &code = pattern("qualification-code", "A qualification code from the NPQ catalogue.",
                       "^[A-Z][A-Z0-9]*$", "capital letters and digits, e.g. 'NPQSL'", 20);
  auto &codes = array(code, true, "A list of qualification codes.");
  auto &course_identifier = pattern(
      "course-identifier", "A DfE course identifier as used by the NPQ registration service.",
      "^npq-[a-z0-9]+(-[a-z0-9]+)*$", "'npq-' followed by lower-case words, e.g. 'npq-headship'",
      100);
  auto &date = pattern(
      "date", "A date as precise as the source: a year, a month, a day, or a season and year.",
      "^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?|(autumn|spring|summer) [0-9]{4})$",
      "YYYY, YYYY-MM, YYYY-MM-DD, or 'autumn 2021' / 'spring 2022' / 'summer 2022'", 20);
  auto &duration = pattern(
      "duration", "A length of time: a number and a unit.",
      "^[0-9]+(\\.[0-9]+)? (day|days|week|weeks|half-term|half-terms|term|terms|month|months|year|"
      "years)$",
      "a number and a unit (days, weeks, half-terms, terms, months, years), e.g. '18 months'", 40);
  auto &url =
      pattern("url", "A web address.", "^https?://\\S+$", "an http:// or https:// address", 2048);
  auto &amount = number("An amount of money, in the currency given.");
  auto &count = integer("A whole number, at least 1.", 1.0);
  auto &percent = number("A percentage, 0 to 100.", std::nullopt);
  auto &flag = boolean("true or false.");
  auto &format_version = integer("The format version; this npq reads 1.", 1.0);

  // ---- hours ---------------------------------------------------------------------------------
  auto &hour_number = number("Exact hours.");
  auto &not_published =
      constant("not-published", "The source gives no figure. Never read as zero.");
  auto &at_least =
      object("hours-at-least", "At least this many hours ('13 hours per term (minimum)').",
             {req("at-least", number("Lower bound."), "the published minimum", "at-least: 13")});
  auto &up_to =
      object("hours-up-to", "At most this many hours ('up to 50 hours').",
             {req("up-to", number("Upper bound."), "the published maximum", "up-to: 50")});
  auto &about =
      object("hours-about", "Approximately this many hours ('around 20 hours').",
             {req("about", number("Approximate hours."), "the approximate figure", "about: 20")});
  auto &range = object("hours-range", "A range of hours ('10-12 hours'); 'to' is not below 'from'.",
                       {req("from", number("Lower bound."), "the lower end", "from: 10"),
                        req("to", number("Upper bound."), "the upper end", "to: 12")});
  range.ordered = {"from", "to"};
  hours = &one_of("hours",
                  "Hours as published: a number (exact), not-published, or a mapping with one of "
                  "at-least, up-to, about, or from and to.",
                  {&hour_number, &not_published, &at_least, &up_to, &about, &range});

  // ---- vocabularies --------------------------------------------------------------------------
  activity_kind = &enumeration(
      "activity-kind", "What kind of learning activity this is.",
      {{"audit", "a leadership or needs audit, self-assessment or diagnostic"},
       {"induction-conference", "an induction or launch event at the start"},
       {"conference", "a conference (mid-point, final, full-day)"},
       {"face-to-face-event", "an in-person event, workshop or knowledge-exchange day"},
       {"seminar", "a seminar or taught session"},
       {"webinar", "a webinar or live online session"},
       {"workshop", "a practical workshop"},
       {"clinic", "a clinic (small-group, question-led support session)"},
       {"community-session", "an online learning community or networking session"},
       {"peer-learning-group", "a facilitated peer learning group"},
       {"self-directed-study", "self-directed or online self-study"},
       {"module", "a module of a course (Ambition: six per half-termly course)"},
       {"online-learning", "online learning or e-learning material"},
       {"reading", "reading and reflection"},
       {"learning-journal", "a learning journal or reflective log"},
       {"formative-task", "a formative assessment task"},
       {"mentor-check-in", "a check-in with a mentor, line manager or school improvement partner"},
       {"coaching", "one-to-one or group coaching"},
       {"school-visit", "a visit to another school"},
       {"placement", "a placement in another school"},
       {"practical-learning", "practical, work-based learning in the participant's school"},
       {"implementation-project", "the participant's implementation or improvement project"},
       {"assessment-briefing", "a briefing, webinar or clinic that prepares for the assessment"},
       {"assessment", "a summative assessment task"},
       {"other", "anything else; say what in the title"}});
  auto &activity_kinds = array(*activity_kind, true, "A list of activity kinds.");
  auto &synchrony = enumeration(
      "synchrony", "Whether participants take part at the same time.",
      {{"synchronous", "live, at a set time"}, {"asynchronous", "at the participant's own time"}});
  auto &facilitation = enumeration("facilitation", "Who leads the activity.",
                                   {{"facilitated", "led by a facilitator or expert"},
                                    {"self-directed", "led by the participant"}});
  auto &mode = enumeration("mode", "Where the activity happens.",
                           {{"online", "online"},
                            {"face-to-face", "in person, away from the participant's school"},
                            {"in-school", "in the participant's own school"},
                            {"blended", "a mix of online and in person"}});
  auto &delivery =
      object("delivery", "How an activity is delivered. Give only what the source says.",
             {opt("synchrony", synchrony, "synchronous or asynchronous", "synchrony: synchronous"),
              opt("facilitation", facilitation, "facilitated or self-directed",
                  "facilitation: facilitated"),
              opt("mode", mode, "online, face to face, in school or blended", "mode: online")});
  auto &covers = one_of(
      "covers",
      "Framework areas covered: a list of area ids (or 'area-id/statement-id'), or 'all' for a "
      "blanket claim such as 'covering NPQ domain framework content'.",
      {&array(string("An area id, or an area id and a statement id joined by '/'."), true),
       &constant("all", "A blanket claim to cover the whole framework, recorded as such.")});
  auto &period_kind = enumeration("period-kind", "What the route map's periods are.",
                                  {{"term", "school terms"},
                                   {"half-term", "half terms"},
                                   {"cycle", "cycles of study"},
                                   {"course", "courses (e.g. one per half term)"},
                                   {"module", "modules"},
                                   {"week", "weeks"},
                                   {"year", "years"},
                                   {"phase", "phases or stages"}});
  auto &group = enumeration("qualification-group", "The catalogue group of a qualification.",
                            {{"leadership", "leadership NPQs (18 months taught)"},
                             {"specialist", "specialist NPQs (12 months taught)"},
                             {"ehco", "the early headship coaching offer"},
                             {"support", "support offers (the additional support offer)"},
                             {"legacy", "qualifications of the 2017 framework or earlier"}});

  // ---- source --------------------------------------------------------------------------------
  auto &source = object(
      "source", "Where the published information comes from.",
      {req("title", text, "the page or document title",
           "title: National Professional Qualification for Senior Leadership (NPQSL)"),
       opt("publisher", text, "who published it", "publisher: UCL Institute of Education"),
       opt("url", url, "the address it was read at", "url: https://www.example.org/npqsl"),
       opt("document", text,
           "a copy of the text, relative to this file; 'quote' values are checked against it",
           "document: sources/ucl-npqsl.txt"),
       opt("published", date, "the date the source gives for itself", "published: 2023-02-13"),
       opt("retrieved", date, "when the source was read", "retrieved: 2026-11-20"),
       opt("notes", texts, "anything a reader should know about the source",
           "notes: [The page shows a route-map image and a text version; this file follows the "
           "text version.]")});

  // ---- audience and funding ------------------------------------------------------------------
  auto &audience = object(
      "audience", "Who the programme is for.",
      {opt("description", text, "the source's own words",
           "description: For school leaders who are, or are aspiring to be, a senior leader"),
       opt("roles", ids, "role ids from the catalogue's role vocabulary",
           "roles: [senior-leader, aspiring-senior-leader]"),
       opt("settings", ids, "setting ids from the catalogue's setting vocabulary",
           "settings: [state-funded-school]"),
       opt("requirements", texts, "prerequisites stated by the source",
           "requirements: [a full and relevant level 3 qualification]"),
       opt("notes", texts, "other statements about who it is (not) for",
           "notes: [Not for those aspiring to headship at this stage.]"),
       opt("quote", text, "the source text this is taken from", "quote: Who are you?")});
  auto &funding_kind = enumeration(
      "funding-kind", "What a funding statement offers.",
      {{"scholarship", "DfE scholarship funding (the participant pays nothing, or less)"},
       {"fee", "a price the participant or school pays"},
       {"contact-provider", "the source says to contact the provider for a price"}});
  auto &funding_status =
      enumeration("funding-status", "Whether the funding is available now.",
                  {{"available", "available (the default)"},
                   {"suspended", "suspended for a time"},
                   {"possible", "the source says participants may be eligible"}});
  auto &coverage_word =
      enumeration("funding-coverage", "How much of the cost a scholarship covers.",
                  {{"full", "the whole cost"}, {"partial", "part of the cost"}});
  auto &currency = enumeration("currency", "A currency.", {{"GBP", "pounds sterling"}});
  auto &region = enumeration("region", "Where a funding statement applies.",
                             {{"england", "England"},
                              {"wales", "Wales"},
                              {"scotland", "Scotland"},
                              {"northern-ireland", "Northern Ireland"},
                              {"international", "outside the UK"}});
  auto &funding_item = object(
      "funding", "One funding statement: a scholarship, a price, or a pointer to the provider.",
      {req("kind", funding_kind, "scholarship, fee or contact-provider", "kind: fee"),
       opt("status", funding_status, "available (default), suspended or possible",
           "status: suspended"),
       opt("coverage", coverage_word, "for scholarships: full or partial", "coverage: full"),
       opt("amount", amount, "for fees: the price", "amount: 1055"),
       opt("currency", currency, "for fees: the currency (GBP)", "currency: GBP"),
       opt("settings", ids,
           "the settings it applies to (catalogue vocabulary); none means everyone",
           "settings: [independent-school]"),
       opt("region", region, "where it applies", "region: england"),
       opt("includes", texts, "what the price includes", "includes: [one assessment submission]"),
       opt("conditions", texts, "conditions the source states",
           "conditions: [Work in a state funded school in England.]"),
       opt("from", date, "when it starts to apply", "from: 2020-07"),
       opt("until", date, "when it stops applying", "until: 2022-08-31"),
       opt("notes", texts, "anything else", "notes: [Resubmission may be charged.]"),
       opt("quote", text, "the source text",
           "quote: The cost is £1055 for those in independent schools.")});

  // ---- duration and starts -------------------------------------------------------------------
  auto &span = object(
      "span",
      "A length the source gives for part of the programme ('the face-to-face sessions will be "
      "delivered over at least two academic terms'), not for the programme itself.",
      {req("of", text, "what the length is of, in the source's words",
           "of: the face-to-face sessions"),
       opt("length", duration, "the length, where the source gives one figure", "length: 2 terms"),
       opt("at-least", duration, "the shortest it lasts ('over at least two academic terms')",
           "at-least: 2 terms"),
       opt("up-to", duration, "the longest it lasts", "up-to: 12 months"),
       opt("quote", text, "the source text",
           "quote: The face-to-face sessions will be delivered over at least two academic "
           "terms")});
  auto duration_fields = [&] {
    return std::vector<Field>{
        opt("nominal", duration, "the normal or advertised taught length", "nominal: 18 months"),
        opt("minimum", duration, "the shortest length a participant may take", "minimum: 6 months"),
        opt("maximum", duration, "the longest length a participant may take", "maximum: 18 months"),
        opt("including-assessment", duration,
            "a published length that includes the assessment period ('17 months' for 14 months "
            "of teaching and about 3 for the assessment)",
            "including-assessment: 17 months"),
        opt("spans", array(span, true),
            "lengths the source gives for parts of the programme, not for the whole",
            "spans: [{of: the face-to-face sessions, at-least: 2 terms}]"),
        opt("quote", text, "the source text",
            "quote: 18 months followed by an 8 day open book summative case study task.")};
  };
  auto &duration_block =
      object("duration-block", "How long the programme takes. Give what the source gives.",
             duration_fields());
  auto &varies_by = enumeration(
      "varies-by", "What a suite's range of lengths varies with.",
      {{"participant", "how long one participant takes (the default)"},
       {"qualification",
        "the qualifications differ in length ('12-18 months, depending on the subject area'): "
        "minimum and maximum are the shortest and the longest qualification"}});
  auto suite_duration_fields = duration_fields();
  suite_duration_fields.insert(
      suite_duration_fields.end() - 1,
      opt("varies-by", varies_by,
          "participant (default) or qualification: whether the range is one participant's or "
          "spans the suite's qualifications",
          "varies-by: qualification"));
  auto &suite_duration = object("suite-duration-block",
                                "The lengths of a suite's programmes. Give what the source gives.",
                                std::move(suite_duration_fields));
  auto &announcement_kind =
      enumeration("announcement-kind", "What a page announces.",
                  {{"successor", "a programme or framework that replaces this one"},
                   {"funding", "funding for an intake or period"},
                   {"other", "anything else with a date"}});
  auto &tense = enumeration(
      "tense", "How the page speaks of what it announces.",
      {{"future", "as something that will happen ('the next programmes will commence')"},
       {"announced", "as already announced, for a time still to come ('funding has been "
                     "announced for Autumn 2024')"},
       {"past", "as something that has already happened ('since September 2024')"}});
  auto &announcement = object(
      "announcement",
      "Something the page announces with a date: a successor programme or framework, funding "
      "for a later intake, or other news.",
      {req("kind", announcement_kind, "successor, funding or other", "kind: successor"),
       req("what", text, "what is announced, in the source's words",
           "what: the next programmes, under the new framework"),
       opt("date", date, "the date or period it is about, as published", "date: autumn 2021"),
       req("tense", tense, "future, announced or past: how the page speaks of it", "tense: future"),
       opt("notes", texts, "anything else", "notes: [...]"),
       opt("quote", text, "the source text",
           "quote: the next programmes will commence in the Autumn Term 2021 under the new "
           "framework.")});
  auto &start = object(
      "start", "A published start date.",
      {req("date", date, "when it starts, as precisely as published", "date: 2022-02"),
       opt("label", text, "the source's wording", "label: February 2022"),
       opt("notes", texts, "anything else", "notes: [Inductions in March 2022 (dates tbc).]"),
       opt("quote", text, "the source text", "quote: The programme will start in February 2022")});

  // ---- route map -----------------------------------------------------------------------------
  auto &activity = object(
      "activity", "One activity in the route map.",
      {opt("id", id, "an id, so summary categories and notes can refer to it", "id: t1-audit"),
       req("title", text, "the source's name for it", "title: Leadership audit"),
       req("kind", *activity_kind, "what kind of activity it is", "kind: audit"),
       req("hours", *hours,
           "hours for one occurrence, as published; 'not-published' if the source gives none",
           "hours: 1"),
       opt("count", count, "how many times it happens (default 1); total hours = count × hours",
           "count: 6"),
       opt("delivery", delivery, "how it is delivered",
           "delivery: {synchrony: asynchronous, facilitation: self-directed}"),
       opt("covers", covers, "the framework areas it covers", "covers: [implementation]"),
       opt("description", text, "the source's description",
           "description: initial audit of learning"),
       opt("notes", texts, "anything else", "notes: [Recording only.]"),
       opt("quote", text, "the source text it is taken from",
           "quote: Leadership audit for 1 hour")});
  auto &activities = array(activity, false, "A list of activities.", 100);
  auto &period =
      object("period", "A term, half term, cycle, course or module of the route map.",
             {req("id", id, "an id, unique in the document", "id: term-1"),
              req("title", text, "the source's name for it", "title: Term one"),
              opt("kind", period_kind, "overrides the route map's period-kind for this period",
                  "kind: module"),
              opt("length", duration, "how long this period lasts", "length: 1 half-term"),
              opt("covers", covers, "the framework areas the period as a whole covers",
                  "covers: [school-culture]"),
              opt("description", text, "the source's description",
                  "description: Explore the style of your leadership"),
              opt("topics", texts, "what the source says the period teaches",
                  "topics: [leadership in different contexts]"),
              opt("activities", activities, "what happens in the period", "activities: [...]"),
              opt("notes", texts, "anything else", "notes: [...]"),
              opt("quote", text, "the source text", "quote: Term one")});
  auto &choice = object("choice", "A choice rule: choose N of the listed periods (electives).",
                        {req("id", id, "an id for the rule", "id: further-modules"),
                         opt("title", text, "the source's wording", "title: Further study modules"),
                         req("choose", count, "how many must be chosen", "choose: 2"),
                         req("from", ids, "the period ids to choose from",
                             "from: [effective-partnership-working, leading-change]"),
                         opt("quote", text, "the source text",
                             "quote: You need to complete 2 of the following modules as well.")});
  auto &route_map = object(
      "route-map", "The programme's route map: periods with activities, plus what runs throughout.",
      {req("period-kind", period_kind, "what the periods are", "period-kind: term"),
       opt("period-length", duration, "how long each period lasts, if the source says",
           "period-length: 1 half-term"),
       req("periods", array(period, true, {}, 200), "the periods, in order", "periods: [...]"),
       opt("throughout", activities,
           "activities that run across all periods (e.g. the implementation project)",
           "throughout: [...]"),
       opt("before", activities,
           "activities before the programme starts (an audit 'before start of the programme')",
           "before: [{title: Leadership audit, kind: audit, hours: 2}]"),
       opt("after", activities,
           "activities after the taught programme (an assessment briefing, the case study)",
           "after: [{title: Assessment briefing, kind: assessment-briefing, hours: 1}]"),
       opt("choices", array(choice, false, {}, 200),
           "choice rules over periods; periods not in a choice are essential", "choices: [...]"),
       opt("notes", texts, "anything else", "notes: [...]"),
       opt("quote", text, "the source text", "quote: Programme route map")});

  // ---- the provider's declared summary --------------------------------------------------------
  auto &split =
      object("hours-split", "Hours published for some of a row's periods.",
             {req("periods", ids, "the periods this figure is for", "periods: [term-1, term-3]"),
              req("hours", *hours, "the hours in each of them", "hours: 4")});
  auto &when_word = enumeration("when", "Where a summary row places its activities.",
                                {{"before-start", "before the programme starts"},
                                 {"after-programme", "after the taught programme"}});
  auto &category = object(
      "summary-category",
      "One figure, or row of figures, the provider publishes about its own programme.",
      {req("label", text, "the source's wording", "label: Peer learning group"),
       opt("kinds", activity_kinds, "the activity kinds the figure counts; none means all",
           "kinds: [peer-learning-group]"),
       opt("activities", ids, "activity ids the figure counts, in addition to kinds",
           "activities: [implementation-project]"),
       opt("periods", ids, "the periods the figure is about; none means the summary's periods",
           "periods: [term-2, term-3, term-4]"),
       opt("total-hours", *hours, "the published total", "total-hours: 8"),
       opt("hours-per-period", *hours, "the published figure for each period ('2 hours each term')",
           "hours-per-period: 2"),
       opt("count", count, "the published number of occurrences ('six two-hour clinics')",
           "count: 6"),
       opt("count-per-period", count,
           "the published number of occurrences in each period ('each including six modules')",
           "count-per-period: 6"),
       opt("hours-each", *hours, "the published length of each occurrence", "hours-each: 2"),
       opt("days", number("Days."), "the published figure in days ('the equivalent of 8 days')",
           "days: 8"),
       opt("hours-by-period", array(split, true),
           "one row split unevenly over periods ('4 hours in terms 1 and 3, 8 hours in term 2'); "
           "counted once",
           "hours-by-period: [{periods: [term-1, term-3], hours: 4}, {periods: [term-2], hours: "
           "8}]"),
       opt("hours-per-week", *hours, "a weekly rate over the programme ('about 1-2 hours a week')",
           "hours-per-week: {from: 1, to: 2}"),
       opt("weeks", number("Weeks."),
           "the weeks a weekly rate runs for; default: the programme's duration", "weeks: 40"),
       opt("when", when_word,
           "where the source places what this row counts, when not in the periods",
           "when: before-start"),
       opt("periods-unstated", flag,
           "the per-period figure is for 'every term' of a number of terms the source does not "
           "give",
           "periods-unstated: true"),
       opt("notes", texts, "anything else", "notes: [...]"),
       opt("quote", text, "the source text",
           "quote: 'Every term year one/two: 2 hours each term.'")});
  auto &summary = object(
      "summary",
      "The provider's own published figures, kept apart from the route map so the two can be "
      "reconciled.",
      {opt("periods", ids,
           "the periods that 'each term' and similar figures range over; default all",
           "periods: [term-1, term-2, term-3, term-4]"),
       opt("categories", array(category, false, {}, 50), "the published figures",
           "categories: [...]"),
       opt("total-hours", *hours, "the published programme total", "total-hours: 75"),
       opt("period-count", count, "the published number of periods ('nine half-termly courses')",
           "period-count: 9"),
       opt("hours-per-day", number("Hours in one day."),
           "how many hours the source counts as a day", "hours-per-day: 6"),
       opt("partial", flag,
           "the source lists some of what the programme offers ('you will benefit from …'), not "
           "a complete table of its hours",
           "partial: true"),
       opt("notes", texts, "anything else", "notes: [...]"),
       opt("quote", text, "the source text", "quote: Summary of programme and learning hours")});

  // ---- topics, behaviours, assessment ---------------------------------------------------------
  auto &topic = object(
      "topic", "Something the source says participants will learn.",
      {req("title", text, "the source's heading", "title: School Culture"),
       opt("covers", covers, "the framework areas it maps to", "covers: [school-culture]"),
       opt("description", text, "the source's description",
           "description: you will strengthen your school culture"),
       opt("quote", text, "the source text", "quote: School Culture - you will strengthen")});
  auto &behaviour =
      object("behaviour", "A leadership behaviour (2017 framework) as the source describes it.",
             {req("id", id, "the behaviour's id in the framework", "id: commitment"),
              opt("title", text, "the source's name", "title: Commitment"),
              opt("description", text, "the source's descriptor",
                  "description: The best leaders are self-motivated"),
              opt("quote", text, "the source text", "quote: Commitment")});
  auto &assessment_kind =
      enumeration("assessment-kind", "The form of the summative assessment.",
                  {{"written-case-study", "a written response to a case study (reformed NPQs)"},
                   {"assessed-tasks", "assessed tasks drawn from the participant's own work"},
                   {"project", "a school improvement project (2017 framework)"},
                   {"portfolio", "a portfolio of evidence"},
                   {"none", "no assessment (e.g. coaching offers)"}});
  auto &timing_start = enumeration("assessment-start", "When the assessment happens.",
                                   {{"during-programme", "during the programme"},
                                    {"end-of-programme", "at the end of the programme"},
                                    {"after-programme", "after the taught programme"}});
  auto &timing = object(
      "assessment-timing", "When the assessment happens.",
      {req("starts", timing_start, "during, at the end of, or after the programme",
           "starts: after-programme"),
       opt("within", duration, "how soon after the programme ends", "within: 3 months"),
       opt("quote", text, "the source text",
           "quote: Assessment takes place within three months of completing the NPQ programme.")});
  auto &part = object("assessment-part", "A part of the assessment and the areas it assesses.",
                      {req("id", id, "an id", "id: part-a"),
                       opt("title", text, "the source's name", "title: Part A"),
                       opt("assesses", covers, "the framework areas it assesses",
                           "assesses: [strategy-and-improvement]"),
                       opt("description", text, "the source's description",
                           "description: make successful and sustainable improvements"),
                       opt("quote", text, "the source text", "quote: Part A")});
  auto &assessment = object(
      "assessment", "The summative assessment and what it takes to pass.",
      {opt("kind", assessment_kind, "the form of the assessment", "kind: written-case-study"),
       opt("description", text, "the source's description",
           "description: 8 day open book summative case study task"),
       opt("window", duration, "how long participants have to complete it", "window: 8 days"),
       opt("open-book", flag, "whether it is open book", "open-book: true"),
       opt("timing", timing, "when it happens", "timing: {starts: after-programme}"),
       opt("parts", array(part), "its parts", "parts: [...]"),
       opt("engagement-threshold",
           one_of("engagement-threshold",
                  "The engagement needed to pass: a percentage, or a mapping with the percentage "
                  "and what it applies to.",
                  {&percent,
                   &object("engagement-scope",
                           "A percentage of something: '90 % attendance at the live sessions'.",
                           {req("percent", percent, "the percentage needed", "percent: 90"),
                            req("of", text,
                                "what it is a percentage of, in the source's words ('90 % of "
                                "the live sessions')",
                                "of: the live sessions"),
                            opt("quote", text, "the source text",
                                "quote: at least 90% attendance at the live sessions")})}),
           "the engagement needed to pass, in per cent, alone or with what it applies to",
           "engagement-threshold: {percent: 90, of: the course}"),
       opt("word-limit", count, "the maximum number of words", "word-limit: 2000"),
       opt("assessor", text, "who assesses it", "assessor: NPQ Online"),
       opt("notes", texts, "anything else", "notes: [...]"),
       opt("quote", text, "the source text",
           "quote: To achieve the National Professional Qualification...")});

  // ---- common header fields ------------------------------------------------------------------
  auto header = [&](std::string_view kind_name) {
    return std::vector<Field>{req("format", format_version, "the format version: 1", "format: 1"),
                              req("kind", constant(kind_name, "The document kind."),
                                  "the document kind",
                                  kind_name == "programme"   ? "kind: programme"
                                  : kind_name == "suite"     ? "kind: suite"
                                  : kind_name == "framework" ? "kind: framework"
                                  : kind_name == "catalogue" ? "kind: catalogue"
                                                             : "kind: config")};
  };
  auto with = [](std::vector<Field> a, std::vector<Field> b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };

  auto &document_suppression = object(
      "document-suppression", "Silences one finding in this document, for a stated reason.",
      {req("code",
           pattern("suppressed-code", "A diagnostic code.", "^NPQ[0-9]{3}$",
                   "'NPQ' and three digits, e.g. 'NPQ303'", 16),
           "the code to silence", "code: NPQ303"),
       opt("pointer", text,
           "a JSON Pointer to the node (and what is inside it); none means the whole document",
           "pointer: /route-map/periods/4"),
       req("reason", text, "why; suppressions are counted in the summary so they stay visible",
           "reason: The recording is optional and has no hours.")});

  // ---- programme ------------------------------------------------------------------------------
  auto &programme = object(
      "programme", "One provider's programme for one qualification.",
      with(
          header("programme"),
          {opt("id", id, "an id for the programme", "id: ucl-npqsl"),
           req("title", text, "the programme's title as published",
               "title: National Professional Qualification for Senior Leadership (NPQSL)"),
           req("qualification", code, "the qualification's catalogue code", "qualification: NPQSL"),
           opt("course-identifier", course_identifier,
               "the DfE course identifier; must match the catalogue",
               "course-identifier: npq-senior-leadership"),
           opt("provider", text, "the lead provider; leave out only if the source does not name it",
               "provider: UCL Institute of Education"),
           opt("delivery-partner", text, "the delivery partner, if any",
               "delivery-partner: Milton Keynes Teaching School Hub"),
           opt("framework", id,
               "the DfE framework the programme follows; leave out if the source does not say",
               "framework: npqsl-2020"),
           req("source", source, "where the information comes from",
               "source: {title: ..., document: sources/ucl-npqsl.txt}"),
           opt("description", text, "a short description as published",
               "description: Deepen your knowledge of Senior Leadership."),
           opt("audience", audience, "who it is for", "audience: {roles: [senior-leader]}"),
           opt("funding", array(funding_item), "funding statements", "funding: [...]"),
           opt("duration", duration_block, "how long it takes", "duration: {nominal: 18 months}"),
           opt("starts", array(start), "published start dates", "starts: [{date: 2022-02}]"),
           opt("announcements", array(announcement, true),
               "what the page announces with a date: successors, funding, other news",
               "announcements: [{kind: successor, what: ..., date: autumn 2021, tense: future}]"),
           opt("route-map", route_map, "the route map", "route-map: {...}"),
           opt("summary", summary, "the provider's published figures", "summary: {...}"),
           opt("topics", array(topic), "what participants learn, as published", "topics: [...]"),
           opt("behaviours", array(behaviour), "leadership behaviours (2017 framework)",
               "behaviours: [...]"),
           opt("assessment", assessment, "the assessment", "assessment: {...}"),
           opt("notes", texts, "anything else", "notes: [...]"),
           opt("suppress", array(document_suppression), "findings to silence, each with a reason",
               "suppress: [{code: NPQ303, pointer: /route-map/periods/4, reason: ...}]")}));

  // ---- suite ----------------------------------------------------------------------------------
  auto &member = object(
      "suite-member", "One qualification a suite offers.",
      {req("qualification", code, "the qualification's catalogue code", "qualification: NPQLT"),
       opt("title", text, "the source's name for it", "title: Leading Teaching (NPQLT)"),
       opt("audience", audience, "who it is for", "audience: {description: for teachers who ...}"),
       opt("programme", text, "a programme file for it, relative to this file",
           "programme: ucl-npqsl.yaml"),
       opt("related", codes, "related offers the source mentions with it", "related: [ASO]"),
       opt("notes", texts, "anything else", "notes: [...]"),
       opt("quote", text, "the source text",
           "quote: Leading Teaching (NPQLT): for teachers who...")});
  auto &suite_group = object(
      "suite-group", "A group of qualifications as the source lists them.",
      {req("id", id, "an id", "id: specialist"),
       req("title", text, "the source's heading", "title: Specialist NPQs"),
       opt("catalogue-group", group, "the catalogue group every member should belong to",
           "catalogue-group: specialist"),
       opt("declared-count", count, "how many the source says the group has", "declared-count: 3"),
       opt("described-as",
           enumeration("group-description", "What the source calls the group's members.",
                       {{"reformed", "reformed NPQs: each had a version before the reforms"},
                        {"new", "new NPQs (recorded, not checked: pages also call reformed NPQs "
                                "new)"}}),
           "what the source calls the members ('The reformed leadership NPQs are:')",
           "described-as: reformed"),
       req("members", array(member, true), "the qualifications in the group", "members: [...]"),
       opt("quote", text, "the source text",
           "quote: The three new NPQs in specialist areas of teaching are:")});
  auto &common = object(
      "suite-common", "What every programme of the suite includes.",
      {opt("activities", activities, "components every programme includes", "activities: [...]"),
       opt("assessment", assessment, "the assessment every programme shares", "assessment: {...}"),
       opt("funding", array(funding_item), "funding statements for the whole suite",
           "funding: [...]"),
       opt("duration", suite_duration, "the lengths of the suite's programmes",
           "duration: {minimum: 12 months, maximum: 18 months, varies-by: qualification}"),
       opt("notes", texts, "anything else", "notes: [...]")});
  auto &suite = object(
      "suite", "A provider's suite of qualifications (several NPQs described together).",
      with(header("suite"),
           {opt("id", id, "an id for the suite", "id: mk-ucl-npqs"),
            req("title", text, "the suite's title", "title: Milton Keynes NPQs with UCL"),
            req("provider", text, "the lead provider", "provider: UCL Institute of Education"),
            opt("delivery-partner", text, "the delivery partner",
                "delivery-partner: Milton Keynes partnership"),
            req("source", source, "where the information comes from", "source: {...}"),
            opt("description", text, "a short description", "description: ..."),
            opt("common", common, "what all members share", "common: {...}"),
            opt("announcements", array(announcement, true),
                "what the page announces with a date: successors, funding, other news",
                "announcements: [...]"),
            req("groups", array(suite_group, true),
                "the qualifications, grouped as the source groups them", "groups: [...]"),
            opt("notes", texts, "anything else", "notes: [...]"),
            opt("suppress", array(document_suppression), "findings to silence, each with a reason",
                "suppress: [...]")}));

  // ---- framework ------------------------------------------------------------------------------
  auto &statement_kind = enumeration("statement-kind", "The kind of a framework statement.",
                                     {{"learn-that", "knowledge and evidence ('Learn that...')"},
                                      {"learn-how-to", "practice ('Learn how to...')"}});
  auto &statement =
      object("statement", "One statement of a framework area.",
             {req("id",
                  pattern("statement-id", "A statement number such as '2.3' or '2.a'.",
                          "^[0-9]+\\.([0-9]+|[a-z]+)$",
                          "an area number, a dot and a number or letter, e.g. '2.3' or '2.a'", 16),
                  "the statement's number", "id: '2.a'"),
              opt("kind", statement_kind, "learn-that or learn-how-to", "kind: learn-how-to"),
              req("text", text, "the statement",
                  "text: Contribute to the creation of a culture of high expectations")});
  auto &area = object(
      "area", "A content area of a framework.",
      {req("id", id, "the area's id", "id: school-culture"),
       opt("aliases", ids, "former ids of the area, still accepted in 'covers'",
           "aliases: [school-culture]"),
       opt("number", count, "its number in the framework", "number: 1"),
       req("title", text, "its title", "title: School Culture"),
       opt("provisional", flag, "true if the source did not confirm it", "provisional: true"),
       opt("statements", array(statement), "its statements, where the text is available",
           "statements: [...]"),
       opt("notes", texts, "anything else", "notes: [...]")});
  auto &framework_behaviour =
      object("framework-behaviour", "A leadership behaviour.",
             {req("id", id, "its id", "id: commitment"),
              req("title", text, "its name", "title: Commitment"),
              opt("description", text, "its descriptor", "description: ...")});
  auto &framework_duration =
      object("framework-duration", "The taught length a framework allows.",
             {opt("minimum", duration, "the shortest", "minimum: 2 terms"),
              opt("maximum", duration, "the longest", "maximum: 18 months")});
  auto &source_kind =
      enumeration("source-kind", "Who stands behind a source of reference data.",
                  {{"dfe", "the Department for Education: gov.uk, its own pages or repositories"},
                   {"dfe-copy", "a copy of a DfE document held on another site"},
                   {"provider", "a lead provider's or delivery partner's page"},
                   {"press", "a news or trade press report"}});
  auto &source_supports =
      enumeration("source-supports", "What part of the reference data a source supports.",
                  {{"area-count", "how many areas (topics, modules) there are"},
                   {"area-titles", "the areas' titles"},
                   {"area-order", "the areas' order or numbers"},
                   {"behaviours", "the leadership behaviours"},
                   {"assessment-parts", "the assessment parts"},
                   {"statements", "the areas' statements"},
                   {"dates", "when it was published"},
                   {"status", "whether it is current, under review or superseded"},
                   {"qualifications", "the qualifications, their codes and identifiers"},
                   {"lengths", "taught and assessment lengths"}});
  auto &data_source = object(
      "data-source", "One source of reference data, and what it supports.",
      {req("title", text, "the page or document title",
           "title: DFE-Digital/cpd-information at commit 27dd703: app/views/leading-literacy.html"),
       opt("publisher", text, "who published it", "publisher: Department for Education"),
       opt("url", url, "the address it was read at",
           "url: https://github.com/DFE-Digital/cpd-information/blob/27dd703/app/views/"
           "leading-literacy.html"),
       req("kind", source_kind, "dfe, dfe-copy, provider or press", "kind: dfe"),
       req("supports", array(source_supports, true), "what it supports", "supports: [area-count]"),
       opt("published", date, "the date the source gives for itself", "published: 2022-02-25"),
       opt("retrieved", date, "when the source was read", "retrieved: 2026-12-03"),
       opt("quote", text, "the source's own words", "quote: The course covers 6 topics"),
       opt("notes", texts, "anything a reader should know about it", "notes: [...]")});
  auto &framework_status =
      enumeration("framework-status", "Whether a framework is in force.",
                  {{"current", "in force (the default)"},
                   {"under-review", "in force, under a review the DfE has announced"},
                   {"superseded", "replaced; 'superseded-by' names what replaced it"}});
  auto &framework_part = object(
      "framework-assessment-part", "A part of the assessment at one or more levels.",
      {req("id", id, "an id", "id: project-1"), req("title", text, "its name", "title: Project 1"),
       req("qualifications", codes, "the levels (qualifications) whose assessment has this part",
           "qualifications: [NPQH]"),
       opt("description", text, "what the source says it is",
           "description: a whole-school change project over at least two terms"),
       opt("notes", texts, "anything else", "notes: [...]")});
  auto &framework = object(
      "framework", "A DfE content framework: its areas, statements and behaviours.",
      with(header("framework"),
           {req("id", id, "the framework's id", "id: npqsl-2020"),
            opt("aliases", ids, "former ids of the framework, still accepted",
                "aliases: [npqeyl-2021]"),
            req("title", text, "its title", "title: NPQ Senior Leadership framework"),
            opt("reference", text, "the DfE document reference", "reference: DfE-00187-2020"),
            opt("published", date, "when it was published", "published: 2020-10-13"),
            req("qualifications", codes, "the qualifications it is written for",
                "qualifications: [NPQSL]"),
            opt("reformed", flag, "true for the reformed (2020 onwards) frameworks",
                "reformed: true"),
            opt("status", framework_status, "current (default), under-review or superseded",
                "status: under-review"),
            opt("superseded-by", ids, "the frameworks that replaced it",
                "superseded-by: [npqsl-2020]"),
            opt("provisional", flag, "true if the area list is not confirmed by a primary source",
                "provisional: true"),
            req("source", source,
                "the main source: the framework itself, or a DfE page that describes it, where "
                "one was available",
                "source: {...}"),
            opt("sources", array(data_source),
                "further sources, each with what it supports (area count, titles, order, ...)",
                "sources: [...]"),
            opt("duration", framework_duration, "the taught length it allows",
                "duration: {minimum: 2 terms}"),
            opt("area-count", count,
                "how many areas the source says there are, where it does not name them all",
                "area-count: 10"),
            opt("areas", array(area), "its content areas, in order", "areas: [...]"),
            opt("behaviours", array(framework_behaviour), "its leadership behaviours",
                "behaviours: [...]"),
            opt("assessment-parts", array(framework_part),
                "its assessment parts, by level; levels without parts leave them to the programme",
                "assessment-parts: [...]"),
            opt("notes", texts, "anything else", "notes: [...]")}));

  // ---- catalogue ------------------------------------------------------------------------------
  auto &qualification = object(
      "qualification", "One NPQ (or related offer) in the catalogue.",
      {req("code", code, "its short code", "code: NPQSL"),
       opt("identifier", course_identifier, "its DfE course identifier",
           "identifier: npq-senior-leadership"),
       req("name", text, "its name", "name: Senior leadership"),
       req("group", group, "its catalogue group", "group: leadership"),
       opt("taught-months", count, "the taught length in months", "taught-months: 18"),
       opt("assessment-months",
           one_of("assessment-months",
                  "Months after teaching for the assessment: a number, or a range with "
                  "from and to.",
                  {&count, &object("month-range", "A range of months ('3 to 4 months').",
                                   {req("from", count, "the lower end", "from: 3"),
                                    req("to", count, "the upper end", "to: 4")})}),
           "the time after teaching for the assessment, in months, or a range",
           "assessment-months: {from: 3, to: 4}"),
       opt("frameworks", ids, "frameworks written for it, newest first",
           "frameworks: [npqsl-2020, npq-2017]"),
       opt("aliases", codes, "other codes seen for it", "aliases: [NPQS]"),
       opt("withdrawn",
           one_of("withdrawn",
                  "true, or the date it was withdrawn, as precisely as the sources give it.",
                  {&flag, &date}),
           "true if it is no longer offered, or the date it was withdrawn", "withdrawn: 2022"),
       opt("replaced-by", code, "the code that replaced it", "replaced-by: EHCO"),
       opt("notes", texts, "anything else", "notes: [...]")});
  auto &vocabulary_word =
      object("vocabulary-entry", "A word of a controlled vocabulary.",
             {req("id", id, "the word", "id: senior-leader"),
              req("label", text, "how it reads", "label: Senior leader"),
              opt("aliases", ids, "other words that mean the same", "aliases: [slt-member]"),
              opt("within", ids,
                  "for settings: the settings this one belongs to, wholly or in part (a "
                  "school-based nursery is within a state-funded or an independent school)",
                  "within: [state-funded-school, independent-school]")});
  auto &catalogue = object(
      "catalogue", "The NPQ catalogue: qualifications and the vocabularies of roles and settings.",
      with(header("catalogue"),
           {req("id", id, "the catalogue's id", "id: dfe-npq-catalogue"),
            req("title", text, "its title", "title: DfE NPQ catalogue"),
            req("source", source, "where it comes from", "source: {...}"),
            opt("sources", array(data_source), "further sources, each with what it supports",
                "sources: [...]"),
            opt("qualifications", array(qualification), "qualifications", "qualifications: [...]"),
            opt("roles", array(vocabulary_word), "roles participants hold", "roles: [...]"),
            opt("settings", array(vocabulary_word), "settings participants work in",
                "settings: [...]"),
            opt("notes", texts, "anything else", "notes: [...]")}));

  // ---- config (.npq.yaml) --------------------------------------------------------------------
  auto &suppression = object(
      "suppression", "Silences one code, in one file or at one place, for a stated reason.",
      {req("code",
           pattern("code", "A diagnostic code.", "^NPQ[0-9]{3}$",
                   "'NPQ' and three digits, e.g. 'NPQ301'", 16),
           "the code to silence", "code: NPQ301"),
       opt("file", text,
           "the file it applies to, relative to the config file; none means every file",
           "file: programmes/ucl-npqsl.yaml"),
       opt("pointer", text, "a JSON Pointer to the node it applies to; none means the whole file",
           "pointer: /summary/categories/0"),
       req("reason", text, "why; shown in the summary so suppressions stay visible",
           "reason: The provider confirmed the audit takes 2 hours."),
       opt("quote", optional_text, "unused; for your own notes", "quote: ''")});
  auto &severity_word = enumeration("severity", "A severity.",
                                    {{"error", "fails validation"},
                                     {"warning", "reported; fails only with --strict"},
                                     {"note", "reported for information"},
                                     {"off", "not reported"}});
  auto &severity_override =
      object("severity-override", "Changes the severity of a code.",
             {req("code",
                  pattern("override-code", "A diagnostic code.", "^NPQ[0-9]{3}$",
                          "'NPQ' and three digits", 16),
                  "the code", "code: NPQ309"),
              req("severity", severity_word, "its new severity", "severity: error")});
  auto &config = object(
      "config", "Project settings, found in .npq.yaml in the current folder or a parent.",
      with(header("config"),
           {opt("paths", texts,
                "what 'npq validate' checks when given no path, relative to the config file",
                "paths: [programmes]"),
            opt("data", texts, "extra folders of framework and catalogue files",
                "data: [frameworks]"),
            opt("severity", array(severity_override), "severity overrides",
                "severity: [{code: NPQ309, severity: error}]"),
            opt("suppress", array(suppression), "suppressions", "suppress: [...]"),
            opt("strict", flag, "treat warnings as failures, like --strict", "strict: true"),
            opt("hours-per-day", number("Hours in one day."),
                "how many hours make a day, for figures in days when the programme does not say "
                "(a programme's own summary.hours-per-day wins)",
                "hours-per-day: 6"),
            opt("about-tolerance", percent,
                "what 'about' means, in per cent: a published 'about 20 hours' holds for 20 ± "
                "this (default 10)",
                "about-tolerance: 10")}));

  kinds = {
      {"programme", "Programme", "One provider's programme for one qualification.", &programme},
      {"suite", "Suite", "A provider's suite of qualifications.", &suite},
      {"framework", "Framework", "A DfE content framework.", &framework},
      {"catalogue", "Catalogue", "The NPQ catalogue and vocabularies.", &catalogue},
      {"config", "Config", "Project settings (.npq.yaml).", &config},
  };
}

const Spec &spec() {
  static const Spec instance;
  return instance;
}

} // namespace

std::span<const Kind> kinds() {
  return spec().kinds;
}

const Kind *find_kind(std::string_view name) {
  for (const auto &k : spec().kinds) {
    if (k.name == name) {
      return &k;
    }
  }
  return nullptr;
}

const Type &activity_kind_type() {
  return *spec().activity_kind;
}
const Type &hours_type() {
  return *spec().hours;
}

} // namespace npq::format
