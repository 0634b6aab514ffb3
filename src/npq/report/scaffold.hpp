// 'npq init': a new programme file that validates at once and teaches the format in comments.
#pragma once

#include "npq/data/reference.hpp"

#include <string>

namespace npq::report {

struct ScaffoldOptions {
  std::string qualification; ///< catalogue code, in any case (written as the catalogue spells it)
  std::string provider;
  std::string title;       ///< empty: derived from the qualification
  std::string schema_path; ///< the yaml-language-server $schema reference (empty: no such line)
};

/// The programme text; `error` is set (and the text empty) when the qualification is unknown.
std::string scaffold_programme(const ScaffoldOptions &options, const ReferenceData &data,
                               std::string &error);

} // namespace npq::report
