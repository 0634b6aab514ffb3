#include "npq/checks/check.hpp"

#include <type_traits>

namespace npq::checks {

void check_document(const model::Document& document, const Context& ctx) {
  std::visit(
      [&](const auto& doc) {
        using T = std::decay_t<decltype(doc)>;
        if constexpr (std::is_same_v<T, model::Programme> || std::is_same_v<T, model::Suite> ||
                      std::is_same_v<T, model::Framework> || std::is_same_v<T, model::Catalogue>) {
          check_references(doc, ctx);
        }
      },
      document);
}

} // namespace npq::checks
