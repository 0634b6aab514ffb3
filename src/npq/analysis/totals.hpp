// Totals over a programme's route map: per period, per activity kind or delivery mode, and for the
// whole programme (the minimum and maximum over every valid choice of electives). Each total keeps
// the activities it was made of, so findings and 'npq explain' can list them line by line.
#pragma once

#include "npq/analysis/interval.hpp"
#include "npq/model/model.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace npq::analysis {

/// Which activities a figure counts: by kind and/or by id; neither means every activity.
struct Selector {
  std::set<std::string> kinds;
  std::set<std::string> ids;
  /// Delivery filters: when set, only activities whose delivery attribute equals the value ("" =
  /// the source does not say).
  std::optional<std::string> mode;
  std::optional<std::string> synchrony;
  std::optional<std::string> facilitation;
  bool matches(const model::Activity &activity) const;
  static Selector all() { return {}; }
};

struct Contribution {
  const model::Activity *activity = nullptr;
  Interval hours;     ///< count × hours, or a share of an activity that runs throughout
  bool share = false; ///< runs throughout the programme: any part of it may fall in this period
};

struct Total {
  Interval hours;
  long long count = 0; ///< occurrences (sum of counts), shares of throughout activities excluded
  std::vector<Contribution> parts;
  std::size_t omitted = 0;          ///< contributions left out of `parts` (see analysis::reconcile)
  std::vector<std::string> choices; ///< how each choice rule contributed, for explanations
};

/// One way to satisfy every choice rule, and its total.
struct Selection {
  std::vector<int> periods; ///< chosen elective period indices
  Interval hours;
};

class Totals {
public:
  explicit Totals(const model::Programme &programme);

  /// A period's own activities that match (nothing from throughout activities).
  Total within(int index, const Selector &selector) const { return period_only(index, selector); }
  /// The matching activities that run throughout the programme, each counted whole.
  Total throughout(const Selector &selector) const;
  /// The matching activities before the programme starts (kBefore) or after the taught
  /// programme (kAfter), each counted whole.
  Total outside(int slot, const Selector &selector) const;
  /// A period's activities that match, plus an unknown share of matching throughout activities.
  Total period(int index, const Selector &selector) const;
  /// Several periods together (shares of throughout activities counted once).
  Total periods(const std::vector<int> &indices, const Selector &selector) const;
  /// The whole programme: essential periods, throughout activities, and for each choice rule the
  /// range from its lightest to its heaviest valid selection.
  Total programme(const Selector &selector) const;

  /// The selections with the lowest and highest totals (by lower and upper bound); empty when
  /// the programme has no choice rules.
  std::optional<Selection> lightest(const Selector &selector) const;
  std::optional<Selection> heaviest(const Selector &selector) const;

  /// Every activity (its period index, or kThroughout, kBefore, kAfter): the periods' in order,
  /// then throughout, before and after.
  const std::vector<const model::Activity *> &activities() const { return m_activities; }
  /// Index of a period id, or -1.
  int period_index(std::string_view id) const;
  /// Period indices that are electives of some choice rule.
  const std::set<int> &electives() const { return m_electives; }

  const model::Programme &programme_model() const { return m_programme; }

private:
  struct Group {
    std::vector<int> options;
    int choose = 0;
  };
  Total period_only(int index, const Selector &selector) const;
  std::optional<Selection> extreme(const Selector &selector, bool heaviest) const;

  const model::Programme &m_programme;
  /// Period ids to indices (the first period with an id wins): choice rules and categories name
  /// periods by id, and a scan per reference made 150,000 choices take minutes.
  std::unordered_map<std::string_view, int> m_period_index;
  std::vector<const model::Activity *> m_activities;
  std::vector<Group> m_groups;
  std::set<int> m_electives;
};

/// Where an activity happens: its period's title, "throughout", "before the programme" or "after
/// the taught programme".
std::string where_text(const model::Activity &activity, const model::Programme &programme);

/// "term one: Online self-directed study, 8 hours" for notes and explanations.
std::string describe(const Contribution &c, const model::Programme &programme);

} // namespace npq::analysis
