// Structural validation against the format definition.
#include "helpers.hpp"
#include "npq/format/spec.hpp"

#include <doctest/doctest.h>
#include <set>

using test::codes;
using test::minimal_programme;

TEST_CASE("the minimal programme is valid") {
  CHECK(codes(minimal_programme()).empty());
}

TEST_CASE("unknown keys are errors with a did-you-mean hint") {
  auto r = test::check(minimal_programme() + "tittle: x\n");
  REQUIRE(test::codes(r.diagnostics) == std::vector<std::string>{"NPQ102@8"});
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'title'?");
  CHECK(r.diagnostics.items()[0].where.pointer == "/tittle");
}

TEST_CASE("x- keys are free for users") {
  CHECK(codes(minimal_programme() + "x-note: ok\n").empty());
}

TEST_CASE("missing required keys") {
  CHECK(codes("format: 1\nkind: programme\ntitle: t\nqualification: NPQSL\n") ==
        std::vector<std::string>{"NPQ103@1"});
}

TEST_CASE("kind and format are checked first") {
  CHECK(codes("format: 1\nkind: programm\n") == std::vector<std::string>{"NPQ100@2"});
  CHECK(codes("kind: programme\ntitle: t\nqualification: NPQSL\nsource: {title: s}\n") ==
        std::vector<std::string>{"NPQ101@1"});
  CHECK(codes(minimal_programme().replace(0, 9, "format: 2")) ==
        std::vector<std::string>{"NPQ101@1"});
  CHECK(codes("- a\n- b\n") == std::vector<std::string>{"NPQ100@1"});
}

TEST_CASE("types follow YAML 1.2: quoted numbers are text, yes is not a boolean") {
  std::string base = minimal_programme() + "route-map:\n  period-kind: term\n  periods:\n"
                                           "    - id: t1\n      title: T1\n      activities:\n"
                                           "        - title: A\n          kind: audit\n";
  CHECK(codes(base + "          hours: 2\n").empty());
  CHECK(codes(base + "          hours: '2'\n") == std::vector<std::string>{"NPQ105@16"});
  CHECK(codes(base + "          hours: ~\n") == std::vector<std::string>{"NPQ104@16"});
  CHECK(codes(base + "          hours: {at-least: 13}\n").empty());
  CHECK(codes(base + "          hours: {at-lest: 13}\n") == std::vector<std::string>{"NPQ104@16"});
  CHECK(codes(base + "          hours: {at-least: 13, up-to: 20}\n") ==
        std::vector<std::string>{"NPQ102@16"});
  CHECK(codes(base + "          hours: -1\n") == std::vector<std::string>{"NPQ107@16"});
  CHECK(codes(base + "          hours: 010\n") == std::vector<std::string>{"NPQ109@16"});
  CHECK(codes(base + "          hours: not-published\n").empty());
  CHECK(codes(base + "          hours: 1\n          count: 1.5\n") ==
        std::vector<std::string>{"NPQ104@17"});
}

TEST_CASE("figures that are not finite, out of range or an empty range are located errors") {
  std::string base = minimal_programme() + "route-map:\n  period-kind: term\n  periods:\n"
                                           "    - id: t1\n      title: T1\n      activities:\n"
                                           "        - title: A\n          kind: audit\n";
  using V = std::vector<std::string>;
  // Each of these used to validate cleanly: shown as "≥ ∞", read as +∞, or counted as 1.
  CHECK(codes(base + "          hours: .nan\n") == V{"NPQ107@16"});
  CHECK(codes(base + "          hours: .inf\n") == V{"NPQ107@16"});
  CHECK(codes(base + "          hours: -.inf\n") == V{"NPQ107@16"});
  CHECK(codes(base + "          hours: 1e-400\n") == V{"NPQ107@16"});
  CHECK(codes(base + "          hours: 1e400\n") == V{"NPQ107@16"});
  CHECK(codes(base + "          hours: {about: .nan}\n") == V{"NPQ107@16"});
  CHECK(codes(base + "          hours: 1\n          count: .nan\n") == V{"NPQ107@17"});
  CHECK(codes(base + "          hours: 1\n          count: .inf\n") == V{"NPQ107@17"});
  CHECK(codes(base + "          hours: 1\n          count: 5000000000\n") == V{"NPQ107@17"});
  CHECK(codes(base + "          hours: 1\n          count: 0x10000000000000000\n") ==
        V{"NPQ107@17"});
  CHECK(codes(base + "          hours: 1\n          count: 1000000000\n").empty());
  // 0 and 309 nines: a YAML 1.1 ambiguity (leading zero) and beyond double's range. std::stod
  // threw here, which aborted npq in a worker thread.
  CHECK(codes(base + "          hours: 0" + std::string(309, '9') + "\n") ==
        V{"NPQ107@16", "NPQ109@16"});
  CHECK(codes(base + "          hours: {from: 10, to: 5}\n") == V{"NPQ107@16"});
  CHECK(codes(base + "          hours: {from: 5, to: 5}\n").empty());
  auto r = test::check(base + "          hours: {from: 10, to: 5}\n");
  REQUIRE(!r.diagnostics.empty());
  CHECK(r.diagnostics.items()[0].where.pointer == "/route-map/periods/0/activities/0/hours/to");
  CHECK(r.diagnostics.items()[0].where.column == 33); // the 5
}

TEST_CASE("lists are bounded, so checks that pair two lists stay in proportion to the file") {
  auto programme = [](int periods) {
    std::string p = minimal_programme() + "route-map:\n  period-kind: term\n  periods:\n";
    for (int i = 0; i < periods; ++i) {
      p += "    - {id: t" + std::to_string(i) + ", title: T}\n";
    }
    return p;
  };
  CHECK(codes(programme(200)).empty());
  auto r = test::check(programme(201));
  REQUIRE(codes(r.diagnostics) == std::vector<std::string>{"NPQ002@11"}); // the first item
  CHECK(r.diagnostics.items()[0].where.pointer == "/route-map/periods");
  CHECK(r.diagnostics.items()[0].message ==
        "this list has 201 items, more than npq's limit of 200");
}

TEST_CASE("enumerations suggest the nearest word") {
  auto r = test::check(minimal_programme() + "assessment:\n  kind: written-casestudy\n");
  REQUIRE(test::codes(r.diagnostics) == std::vector<std::string>{"NPQ105@9"});
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'written-case-study'?");
}

TEST_CASE("patterns: ids, dates, durations") {
  CHECK(codes(minimal_programme() + "id: Bad_Id\n") == std::vector<std::string>{"NPQ106@8"});
  CHECK(codes(minimal_programme() + "starts: [{date: 2022-13}]\n") ==
        std::vector<std::string>{"NPQ106@8"});
  CHECK(codes(minimal_programme() + "starts: [{date: autumn 2021}]\n").empty());
  CHECK(codes(minimal_programme() + "starts: [{date: 2022}]\n") ==
        std::vector<std::string>{"NPQ104@8"});
  CHECK(codes(minimal_programme() + "duration: {nominal: 18 month}\n").empty());
  CHECK(codes(minimal_programme() + "duration: {nominal: eighteen months}\n") ==
        std::vector<std::string>{"NPQ106@8"});
}

TEST_CASE("pattern values are bounded in length before the pattern is matched") {
  // A 27 KB url crashed npq: libstdc++'s regex_match recurses once per character.
  auto r = test::check(minimal_programme() + "id: " + std::string(100'000, 'a') + "\n");
  REQUIRE(codes(r.diagnostics) == std::vector<std::string>{"NPQ106@8"});
  CHECK(r.diagnostics.items()[0].message.find("longer than 100 characters") != std::string::npos);
  auto with_url = [](std::size_t length) {
    std::string p = minimal_programme();
    std::string url = "https://example.org/";
    url += std::string(length - url.size(), 'a');
    return p.replace(p.find("https://www.example.org/test"), 28, url);
  };
  CHECK(codes(with_url(2048)).empty());
  CHECK(codes(with_url(2049)) == std::vector<std::string>{"NPQ106@6"});
  CHECK(codes(minimal_programme() + "duration: {nominal: " + std::string(30'000, '1') +
              " months}\n") == std::vector<std::string>{"NPQ106@8"});
}

TEST_CASE("every pattern in the format has a length bound") {
  for (const auto &kind : npq::format::kinds()) {
    std::vector<const npq::format::Type *> todo{kind.root};
    std::set<const npq::format::Type *> seen;
    while (!todo.empty()) {
      const auto *t = todo.back();
      todo.pop_back();
      if (t == nullptr || !seen.insert(t).second) {
        continue;
      }
      if (!t->pattern.empty()) {
        CHECK_MESSAGE(t->max_length > 0, "pattern type '" << std::string(t->name) << "'");
      }
      todo.push_back(t->items);
      for (const auto &f : t->fields) {
        todo.push_back(f.type);
      }
      for (const auto *alt : t->alternatives) {
        todo.push_back(alt);
      }
    }
  }
}

TEST_CASE("booleans are true or false only") {
  CHECK(codes(minimal_programme() + "assessment: {open-book: yes}\n") ==
        std::vector<std::string>{"NPQ104@8"});
  CHECK(codes(minimal_programme() + "assessment: {open-book: true}\n").empty());
}

TEST_CASE("plain yes where text is expected warns about YAML 1.1") {
  CHECK(codes(minimal_programme() + "description: yes\n") == std::vector<std::string>{"NPQ109@8"});
}
