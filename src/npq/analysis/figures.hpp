// Published figures as constraints, and the verdict on each.
//
// Every figure a provider publishes about its programme (a category's total, its hours in each
// period, a count, the length of each session, a figure in days, the programme total, the number
// of periods) is a linear constraint on the hours of the activities it counts. Hours the route map
// does not publish are unknowns >= 0, bounded by every published figure that mentions them; an
// activity that runs throughout contributes an unknown, non-negative share to each period, the
// shares summing to its hours. npq reasons with all published figures together, with a small
// linear program (lp.hpp), and gives every figure one of three verdicts:
//
//   confirmed     true for every value the other published figures and the route map allow;
//   contradicted  true for none of them;
//   open          true for some: the verdict says what would make it true, in the reader's terms
//                 ("holds only if the implementation project takes at least 3 hours in Term one").
//
// A figure that nothing in the route map bears on (no activity it counts has published hours) is
// `unverifiable` rather than open or confirmed: it can only be taken on trust. When the published
// figures cannot all hold together, the smallest sets that conflict are reported, and then every
// figure is judged against the route map alone. docs/format.md explains this with examples.
#pragma once

#include "npq/analysis/totals.hpp"
#include "npq/model/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace npq::analysis {

enum class Verdict { confirmed, contradicted, open, unverifiable };

/// "confirmed", "contradicted", "open", "unverifiable".
const char *to_string(Verdict verdict);

struct FigureOptions {
  /// What "about" means: a published "about 20" holds for 20 ± this fraction (18 to 22). The same
  /// tolerance widens activities whose hours are published as "about". `.npq.yaml`:
  /// `about-tolerance: 10%`.
  double about_tolerance = 0.10;
  /// Hours in a day, for figures in days when the programme does not say (`.npq.yaml`
  /// hours-per-day); the programme's own summary.hours-per-day wins.
  std::optional<double> hours_per_day;
};

/// One published figure, as the provider wrote it, with its verdict.
struct Figure {
  enum class Kind {
    total,            ///< a category's published total hours
    per_period,       ///< a category's hours in each period ("2 hours each term")
    count,            ///< a category's number of occurrences
    count_per_period, ///< occurrences in each period
    each,             ///< the published length of each occurrence
    days,             ///< a figure in days, converted with the hours in a day
    programme_total,  ///< the summary's programme total
    period_count,     ///< the summary's number of periods
    by_period,        ///< one row split unevenly over periods ("8 hours in term 2")
    weekly,           ///< a weekly rate over the programme's weeks
  };

  /// What would make an open part true, in pieces, so that the parts of a per-period figure can
  /// be said in one sentence: "<subject> <verb> <amount> in <where> (<given>)".
  struct Phrase {
    std::string subject; ///< "the implementation project"
    std::string verb;    ///< "takes" or "take"
    std::string amount;  ///< "at least 3 hours"
    std::string where;   ///< "Term one" (shares of an activity that runs throughout)
    std::string given;   ///< "with the practical learning at about 20 hours"
  };

  /// One checkable statement of the figure: the whole of it, one period of a per-period figure,
  /// or one activity of an 'each' figure.
  struct Part {
    int period = -1;                           ///< per-period figures
    const model::Activity *activity = nullptr; ///< 'each' figures
    Interval published;                        ///< this part's published value
    const model::Hours *hours = nullptr;       ///< by_period: this part's published hours
    Interval route_map; ///< what the route map alone adds up to (over every choice of electives)
    Interval allowed;   ///< what the other published figures and the route map allow
    Verdict verdict = Verdict::confirmed;
    std::string condition;  ///< open: what would make it true; otherwise why, where useful
    Phrase phrase;          ///< the open condition in pieces (empty subject otherwise)
    bool by_choice = false; ///< open because it holds with some choices of electives only
    Total detail;           ///< the activities behind it, for notes and explanations
  };

  Kind kind = Kind::total;
  const model::Category *category = nullptr; ///< null for programme-wide figures
  Interval published;                        ///< the figure as published
  model::Loc loc;                            ///< where the figure is written
  std::vector<Part> parts;
  Verdict verdict = Verdict::confirmed; ///< the figure's own: its worst part
  std::string condition;                ///< the reader's summary of the verdict
  /// For a total confirmed (or open) only because errors in its parts cancel out, which ones:
  /// "the audit (−1), self-directed learning (+4) and the online community (−3) cancel out".
  std::string cancels;
  bool counts_nothing = false; ///< a category with no activity in the route map (NPQ302)
  /// False for a figure npq cannot turn into hours (days with no hours in a day, a weekly rate
  /// with no length in weeks): it is shown as published and never constrains anything.
  bool convertible = true;
  double factor = 1;    ///< days: hours in a day; weekly: weeks
  std::string basis;    ///< how the figure was turned into hours: "8 days of 6 hours"
  std::string inferred; ///< why the encoder inferred it (its 'inferred' reason), or empty
};

/// Figures that cannot all be true together (with the route map), smallest sets first.
struct Conflict {
  std::vector<std::size_t> figures; ///< indices into Judgement::figures, in document order
};

struct Judgement {
  std::vector<Figure> figures;
  std::vector<Conflict> conflicts;
  /// True when conflicts made npq judge every figure against the route map alone.
  bool route_map_alone = false;
  /// Periods each per-period figure ranges over, when the category does not name them.
  std::vector<int> scope;
  /// The programme's total hours with every consistent published figure but the programme total
  /// itself taken into account (unpublished hours a category total carries, ceilings such as "up
  /// to 50 hours a module").
  Interval programme;
  /// Set when the figures were too many to judge within lp::Budget: why. Every figure is then
  /// unverifiable and this is said once (NPQ309), not per figure.
  std::string not_judged;
};

/// Judges every published figure of the programme's summary.
Judgement judge(const model::Programme &programme, const Totals &totals,
                const FigureOptions &options = {});

/// The activities a category counts (by kind and id), without its period restriction.
Selector selector_of(const model::Category &category);

/// Short label of a figure kind: "total", "each period", "count", ...
const char *to_string(Figure::Kind kind);

/// "'Peer learning group' (total)", "programme total", for tables and messages.
std::string describe(const Figure &figure);

} // namespace npq::analysis
