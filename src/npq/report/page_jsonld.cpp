// schema.org's Course for search engines, from the same model as the page. A property the
// programme does not publish is left out (and reported), never guessed: a workload is an ISO 8601
// duration only when the total is one confirmed figure, otherwise the page's own words.
#include "npq/markup/markdown.hpp"
#include "npq/report/page_render.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace npq::report {

std::string page_jsonld(const Page &page, std::vector<std::string> *missing) {
  using json = nlohmann::ordered_json;
  const auto &c = page.course;
  auto text = [](const std::string &t) { return markup::clean_text(t, 2000); };
  std::vector<std::string> absent;
  json doc;
  doc["@context"] = "https://schema.org";
  doc["@type"] = "Course";
  doc["name"] = text(c.name);
  if (!c.description.empty()) {
    doc["description"] = text(c.description);
  } else {
    absent.emplace_back("description");
  }
  if (!c.provider.empty()) {
    doc["provider"] = json{{"@type", "Organization"}, {"name", text(c.provider)}};
  } else {
    absent.emplace_back("provider");
  }
  doc["educationalCredentialAwarded"] = text(c.credential);
  if (!c.offers.empty()) {
    json offers = json::array();
    for (const auto &o : c.offers) {
      json offer{{"@type", "Offer"}, {"category", o.category}};
      if (o.price) {
        double whole = std::floor(*o.price);
        if (whole == *o.price && std::abs(whole) < 1e15) {
          offer["price"] = static_cast<long long>(whole); // 1055, not 1055.0
        } else {
          offer["price"] = *o.price;
        }
        offer["priceCurrency"] = o.currency;
      }
      offer["description"] = text(o.description);
      offers.push_back(std::move(offer));
    }
    doc["offers"] = std::move(offers);
  } else {
    absent.emplace_back("offers");
  }
  json instance{{"@type", "CourseInstance"}};
  if (c.modes.size() == 1) {
    instance["courseMode"] = c.modes.front();
  } else if (!c.modes.empty()) {
    instance["courseMode"] = c.modes;
  } else {
    absent.emplace_back("hasCourseInstance.courseMode");
  }
  if (!c.workload.empty()) {
    instance["courseWorkload"] = text(c.workload);
  } else {
    absent.emplace_back("hasCourseInstance.courseWorkload");
  }
  if (!c.duration.empty()) {
    instance["duration"] = c.duration;
  }
  doc["hasCourseInstance"] = json::array({std::move(instance)});
  if (missing != nullptr) {
    *missing = absent;
  }
  // '<' as \u003c: the same text is safe inside an HTML <script> block.
  std::string out = doc.dump(2, ' ', false, json::error_handler_t::replace);
  std::string safe;
  for (char ch : out) {
    safe += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
  }
  return safe + "\n";
}

} // namespace npq::report
