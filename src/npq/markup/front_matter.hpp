// YAML front matter ("---" lines around YAML at the top of a page), as site generators read it.
// A web team adds its own keys (layout, permalink, nav_order) to a generated page; 'npq routemap
// --check' must not call the page stale for those, only for a change in what npq writes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace npq::markup {

struct FrontMatter {
  bool present = false;
  std::string yaml; ///< between the "---" lines
  std::string body; ///< everything after the closing "---" line
};

FrontMatter split_front_matter(std::string_view page);

/// How a committed page compares with the page npq generates now.
struct PageComparison {
  bool same = false;
  /// Keys npq writes whose value in the committed page differs or is missing, in words.
  std::vector<std::string> problems;
};

/// The committed page is current when its body is the generated body byte for byte, and every
/// top-level key of the generated front matter has the same value in the committed one (other
/// keys are the site's own). Without generated front matter, the committed page's is ignored.
PageComparison compare_pages(std::string_view committed, std::string_view generated);

} // namespace npq::markup
