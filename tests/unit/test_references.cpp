// Reference checks: catalogue codes, frameworks, areas, ids and vocabularies.
#include "helpers.hpp"

#include <doctest/doctest.h>

using test::codes;
using test::minimal_programme;

TEST_CASE("qualification codes come from the catalogue") {
  std::string p = minimal_programme();
  auto r = test::check(p.replace(p.find("NPQSL"), 5, "NPQSLL"));
  REQUIRE(test::codes(r.diagnostics) == std::vector<std::string>{"NPQ200@4"});
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'NPQSL'?");
}

TEST_CASE("the course identifier must match the catalogue") {
  CHECK(codes(minimal_programme() + "course-identifier: npq-senior-leadership\n").empty());
  CHECK(codes(minimal_programme() + "course-identifier: npq-headship\n") ==
        std::vector<std::string>{"NPQ201@8"});
}

TEST_CASE("frameworks must exist and fit the qualification") {
  std::string assessed = "assessment: {kind: written-case-study, window: 8 days}\n";
  CHECK(codes(minimal_programme() + assessed + "framework: npqsl-2020\n").empty());
  CHECK(codes(minimal_programme() + "framework: npqsl-2021\n") ==
        std::vector<std::string>{"NPQ202@8"});
  CHECK(codes(minimal_programme() + "framework: npqlt-2020\n" + assessed) ==
        std::vector<std::string>{"NPQ206@8"});
}

TEST_CASE("area ids are checked against the framework, with did-you-mean") {
  auto r =
      test::check(minimal_programme() + "framework: npqsl-2020\n"
                                        "topics:\n  - title: t\n    covers: [school-cultur]\n");
  REQUIRE(test::codes(r.diagnostics) == std::vector<std::string>{"NPQ203@11"});
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'school-culture'?");
}

TEST_CASE("duplicate ids and dangling references") {
  std::string p = minimal_programme() + "route-map:\n  period-kind: term\n  periods:\n"
                                        "    - {id: t1, title: A}\n    - {id: t1, title: B}\n"
                                        "  choices:\n    - {id: c, choose: 1, from: [t2]}\n";
  CHECK(codes(p) == std::vector<std::string>{"NPQ204@12", "NPQ205@14"});
}

TEST_CASE("roles and settings come from the vocabulary") {
  CHECK(codes(minimal_programme() + "audience: {roles: [senior-leader]}\n").empty());
  CHECK(codes(minimal_programme() + "audience: {roles: [senior-leeder]}\n") ==
        std::vector<std::string>{"NPQ209@8"});
  CHECK(codes(minimal_programme() + "funding: [{kind: fee, settings: [independant-school]}]\n") ==
        std::vector<std::string>{"NPQ210@8"});
}

TEST_CASE("the bundled reference data is itself valid") {
  npq::Diagnostics d;
  auto data = npq::ReferenceData::bundled(d);
  CHECK(d.empty());
  CHECK(data.framework("npqsl-2020")->areas.size() == 10);
  CHECK(data.framework("npq-2017")->behaviours.size() == 7);
  CHECK(data.qualification("NPQS")->code == "NPQSENCO");
}
