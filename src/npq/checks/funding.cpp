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

void check_funding(const model::Programme &p, const Context &ctx) {
  check_funding(p.doc, p.funding, ctx);
}

} // namespace npq::checks
