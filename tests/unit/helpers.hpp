// Small helpers shared by the unit tests: check a YAML string in memory, list finding codes.
#pragma once

#include "npq/session.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace doctest {
// Lets failed comparisons of finding lists print the lists.
template <> struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string> &v) {
    std::string out = "{";
    for (const auto &s : v) {
      out += (out.size() > 1 ? ", " : "") + s;
    }
    return (out + "}").c_str();
  }
};
} // namespace doctest

namespace test {

inline const npq::ReferenceData &data() {
  static const npq::ReferenceData d = [] {
    npq::Diagnostics ignored;
    return npq::ReferenceData::bundled(ignored);
  }();
  return d;
}

/// Runs every check on `text` as if it were the file `name`.
inline npq::FileResult check(const std::string &text, const std::string &name = "t.yaml") {
  return npq::check_source(npq::SourceFile(name, text), data(), npq::SessionOptions{});
}

/// "NPQ102@3" for each error and warning, in order (notes are left out; see all_codes).
inline std::vector<std::string> codes(const npq::Diagnostics &d, bool with_notes = false) {
  std::vector<std::string> out;
  for (const auto &item : d.items()) {
    if (item.severity == npq::Severity::note && !with_notes) {
      continue;
    }
    out.push_back(std::string(npq::info(item.code).code) + "@" + std::to_string(item.where.line));
  }
  return out;
}

inline std::vector<std::string> codes(const std::string &text) {
  return codes(check(text).diagnostics);
}

/// A minimal valid programme, to which tests append or in which they replace lines.
inline std::string minimal_programme() {
  return "format: 1\n"
         "kind: programme\n"
         "title: Test programme\n"
         "qualification: NPQSL\n"
         "provider: Test provider\n"
         "source: {url: 'https://www.example.org/test',\n"
         "  title: Test source}\n";
}

/// The first finding with a code (the test fails if there is none).
inline const npq::Diagnostic &first(const npq::FileResult &r, npq::Code code) {
  for (const auto &d : r.diagnostics.items()) {
    if (d.code == code) {
      return d;
    }
  }
  FAIL("no finding with code " << npq::info(code).code);
  return r.diagnostics.items().front();
}

/// The minimal programme for another qualification.
inline std::string minimal_programme_for(const std::string &code) {
  std::string p = minimal_programme();
  return p.replace(p.find("NPQSL"), 5, code);
}

} // namespace test
