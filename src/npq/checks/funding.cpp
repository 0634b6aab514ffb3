// Funding statements: complete for their kind, and never "fully funded" and "priced" for the
// same audience at the same time.
#include "npq/checks/check.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace npq::checks {

namespace {

// Settings both statements apply to; an empty list means everyone.
std::vector<std::string> overlap(const model::Funding &a, const model::Funding &b) {
  std::vector<std::string> out;
  if (a.settings.empty() && b.settings.empty()) {
    return {"everyone"};
  }
  if (a.settings.empty() || b.settings.empty()) {
    for (const auto &s : a.settings.empty() ? b.settings : a.settings) {
      out.push_back(s.value);
    }
    return out;
  }
  for (const auto &s : a.settings) {
    for (const auto &t : b.settings) {
      if (s.value == t.value) {
        out.push_back(s.value);
      }
    }
  }
  return out;
}

bool same_region(const model::Funding &a, const model::Funding &b) {
  return a.region.empty() || b.region.empty() || a.region == b.region;
}

} // namespace

void check_funding(const model::DocumentInfo &doc, const std::vector<model::Funding> &funding,
                   const Context &ctx) {
  for (const auto &f : funding) {
    if (f.kind == "fee" && !f.amount) {
      ctx.out.add(Code::funding_incomplete, at(doc, f.loc), "a fee without an amount",
                  "add 'amount' (and 'currency') as published");
    }
    if (f.kind == "fee" && f.amount && f.currency.empty()) {
      ctx.out.add(Code::funding_incomplete, at(doc, f.loc), "a fee without a currency",
                  "add 'currency: GBP'");
    }
    if (f.kind == "scholarship" && f.amount) {
      ctx.out.add(Code::funding_incomplete, at(doc, f.loc),
                  "a scholarship with an amount: say whether it covers the full cost instead",
                  "use 'coverage: full' or 'coverage: partial'");
    }
  }
  for (std::size_t i = 0; i < funding.size(); ++i) {
    for (std::size_t j = 0; j < funding.size(); ++j) {
      const auto &free = funding[i];
      const auto &fee = funding[j];
      if (free.kind != "scholarship" || free.coverage != "full" || free.status != "available" ||
          fee.kind != "fee" || fee.status != "available" || !same_region(free, fee)) {
        continue;
      }
      auto shared = overlap(free, fee);
      if (shared.empty()) {
        continue;
      }
      std::string who;
      for (const auto &s : shared) {
        who += (who.empty() ? "" : ", ") + s;
      }
      auto &d = ctx.out.add(Code::funding_contradiction, at(doc, fee.loc),
                            fmt::format("a fee{} is charged to {}, who are also said to be fully "
                                        "funded",
                                        fee.amount ? fmt::format(" of {}", *fee.amount) : "", who),
                            "give each statement the settings it applies to");
      d.notes.push_back({at(doc, free.loc), "the full scholarship"});
    }
  }
}

namespace {

std::string setting_label(const Context &ctx, const std::string &id) {
  const auto *s = ctx.data.setting(id);
  return s != nullptr ? s->label : id;
}

std::string describe_statement(const Context &ctx, const model::Funding &f) {
  std::string who;
  for (const auto &s : f.settings) {
    who += (who.empty() ? "" : ", ") + setting_label(ctx, s.value);
  }
  return fmt::format("{} for {}", f.kind, who.empty() ? "everyone" : who);
}

/// NPQ352: a page that states neither a price nor funding.
void check_cost_stated(const model::DocumentInfo &doc, const std::vector<model::Funding> &funding,
                       const model::Loc &where, const Context &ctx) {
  if (funding.empty()) {
    ctx.out.add(Code::cost_not_stated, at(doc, where),
                "the page states no cost or funding: no price, scholarship or 'contact us'",
                "add 'funding' if the source states one; if it points elsewhere, say so in "
                "'source.notes'");
  }
}

} // namespace

/// NPQ353: settings of an audience that no funding statement covers, even in part. A statement
/// for a setting covers the settings within it (a state-funded school covers its academies) and
/// touches those it is within (a statement for school-based nurseries speaks to early years
/// settings); either way the audience is not outside it.
void check_audience_funding(const model::DocumentInfo &doc, const model::Audience &audience,
                            const std::vector<model::Funding> &funding, const std::string &who,
                            const Context &ctx) {
  if (funding.empty() || audience.settings.empty()) {
    return;
  }
  for (const auto &f : funding) {
    if (f.settings.empty()) {
      return; // a statement for everyone
    }
  }
  std::vector<const model::Ref *> outside;
  for (const auto &a : audience.settings) {
    auto around_a = ctx.data.settings_containing(a.value);
    bool covered = false;
    for (const auto &f : funding) {
      for (const auto &s : f.settings) {
        auto around_s = ctx.data.settings_containing(s.value);
        covered = covered ||
                  std::find(around_a.begin(), around_a.end(), around_s.front()) != around_a.end() ||
                  std::find(around_s.begin(), around_s.end(), around_a.front()) != around_s.end();
      }
    }
    if (!covered) {
      outside.push_back(&a);
    }
  }
  if (outside.empty()) {
    return;
  }
  std::string names;
  for (std::size_t i = 0; i < outside.size(); ++i) {
    names += (i == 0                    ? ""
              : i + 1 == outside.size() ? " and "
                                        : ", ") +
             setting_label(ctx, outside[i]->value);
  }
  auto &d = ctx.out.add(
      Code::audience_not_funded, at(doc, outside.front()->loc),
      fmt::format("{} is for {}, which no funding statement covers", who, names),
      "record what the source says these applicants pay (a fee, funding, 'contact us'); if it "
      "says nothing, the page leaves them without an answer");
  for (const auto &f : funding) {
    d.notes.push_back({at(doc, f.loc), describe_statement(ctx, f)});
  }
}

void check_funding(const model::Programme &p, const Context &ctx) {
  check_funding(p.doc, p.funding, ctx);
  check_cost_stated(p.doc, p.funding, p.loc, ctx);
  check_audience_funding(p.doc, p.audience, p.funding, "the programme", ctx);
}

void check_funding(const model::Suite &s, const Context &ctx) {
  check_funding(s.doc, s.common_funding, ctx);
  check_cost_stated(s.doc, s.common_funding, s.loc, ctx);
  for (const auto &g : s.groups) {
    for (const auto &m : g.members) {
      check_audience_funding(s.doc, m.audience, s.common_funding, m.qualification.value, ctx);
    }
  }
}

} // namespace npq::checks
