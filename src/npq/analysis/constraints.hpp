// The linear system behind the verdicts of figures.hpp, for one choice of electives: unknown
// hours as variables, published figures as rows. Internal to the analysis.
#pragma once

#include "npq/analysis/figures.hpp"
#include "npq/analysis/lp.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace npq::analysis::detail {

/// One way to satisfy every choice rule: which periods the participant takes.
struct Selection {
  std::vector<bool> included; ///< per route-map period
  std::vector<int> chosen;    ///< the elective periods taken, in order
};

/// Every selection, or (beyond kMaxSelections) only the lightest and the heaviest.
std::vector<Selection> selections(const model::Programme &programme, const Totals &totals);
constexpr std::size_t kMaxSelections = 64;

/// What a variable stands for.
struct Unknown {
  enum class Kind {
    activity, ///< an activity's hours (count × each), published as a range or not at all
    share,    ///< an activity that runs throughout: its share of one period
    category, ///< hours a category publishes but the route map does not show (in one period,
              ///< or in all of them when period < 0)
  };
  Kind kind = Kind::activity;
  const model::Activity *activity = nullptr;
  const model::Category *category = nullptr;
  int period = -1;
  bool published = false; ///< bounded by a published figure of the route map (at least, about…)
};

/// constant + Σ coefficient × unknown.
struct Expression {
  double constant = 0;
  lp::Terms terms;
  bool any_published = false; ///< some contribution has published hours
  bool applicable = true;     ///< false when the part's period is not taken in this selection
};

/// The figure's required range: low <= expression <= high.
struct Requirement {
  double low = 0;
  double high = lp::kInfinity;
};

Requirement requirement(const model::Hours &hours, double multiplier, double about_tolerance);

class System {
public:
  /// `with_categories`: published categories whose activities the route map does not show get
  /// unknowns of their own (judging with every published figure); without, the route map is
  /// taken as complete (judging against the route map alone).
  System(const model::Programme &programme, const Totals &totals, const Selection &selection,
         const std::vector<Figure> &figures, bool with_categories, const FigureOptions &options,
         lp::Budget *budget = nullptr);

  /// The expression of part `part` of figure `figure` (hours figures only).
  const Expression &expression(std::size_t figure, std::size_t part) const {
    return m_exprs[figure][part];
  }
  /// The required range of that part.
  const Requirement &required(std::size_t figure, std::size_t part) const {
    return m_required[figure][part];
  }
  const Expression &programme() const { return m_programme; }
  const std::vector<Unknown> &unknowns() const { return m_unknowns; }

  /// The least and greatest value of `e` when the rows of `figures` (and the shares' own rows)
  /// hold. Nullopt when those rows cannot all hold (`known_feasible` skips that check).
  std::optional<std::pair<double, double>> range(const Expression &e,
                                                 const std::vector<std::size_t> &figures,
                                                 bool known_feasible = false) const;
  /// Whether the rows of `figures` can all hold.
  bool feasible(const std::vector<std::size_t> &figures) const;

  /// Whether figure `f` constrains hours (counts and the number of periods do not).
  bool constrains(std::size_t f) const { return m_hours_figure[f]; }

private:
  int activity_unknown(const model::Activity &a);
  int share_unknown(const model::Activity &a, int period);
  int category_unknown(const model::Category &c, int period);
  Expression category_hours(const model::Category &c, const std::vector<Figure> &figures);
  void add_activity(Expression &e, const model::Activity &a);
  /// Matching activities in `periods` (all taken periods when null), throughout ones as shares.
  Expression hours_of(const Selector &selector, const std::vector<int> *periods);
  std::vector<lp::Row> rows_of(const std::vector<std::size_t> &figures) const;

  const model::Programme &m_p;
  const Selection &m_selection;
  const FigureOptions &m_options;
  lp::Budget *m_budget; ///< shared by every solve of one judgement; null: unbounded (tests)
  lp::Problem m_base;   ///< unknowns with their bounds, and the rows tying shares to their activity
  std::vector<Unknown> m_unknowns;
  std::map<const model::Activity *, int> m_activity_var;
  std::map<std::pair<const model::Activity *, int>, int> m_share_var;
  std::map<std::pair<const model::Category *, int>, int> m_category_var;
  std::vector<std::vector<Expression>> m_exprs;
  std::vector<std::vector<Requirement>> m_required;
  std::vector<bool> m_hours_figure;
  Expression m_programme;
};

} // namespace npq::analysis::detail
