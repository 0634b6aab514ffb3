// Golden end-to-end tests: run npq commands in-process (cli::run) and compare stdout, stderr and
// the exit status with checked-in transcripts. NPQ_UPDATE_GOLDEN=1 rewrites them instead
// (cmake --build --preset dev --target update-golden); review the result with 'git diff'.
//
// Goldens are kept small enough to review in 'git diff': one readable text transcript per example,
// and one golden per machine-readable renderer over a few fixtures (not one per example). npq's
// version is redacted to <version> everywhere, so a release rewrites no golden.
//
// Cases:
//  - every examples/**/*.yaml: 'npq validate' as text, with its exit status, into <stem>.expected
//    beside it; its '# expect: CODE' comments must match the findings exactly (code and line);
//    an .expected or .expect file without its example fails;
//  - the JSON, SARIF and GitHub renderers: tests/golden/renderers/, over a few fixtures;
//  - every programmes/*.yaml: validate and every report, into tests/golden/programmes/;
//  - the generated files (schemas/*.schema.json, docs/format-reference.md) must be current.
#include "../run_npq.hpp"
#include "cli/app.hpp"
#include "npq/diag/render.hpp"
#include "npq/format/json_schema.hpp"
#include "npq/format/reference_doc.hpp"
#include "npq/format/spec.hpp"
#include "npq/session.hpp"
#include "npq/version.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

bool updating() {
  const char *v = std::getenv("NPQ_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

std::string read_text(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path &p, const std::string &text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// npq's version, wherever it appears, as <version>; the source folder's file:// address (SARIF
// names the folder npq runs in and the documentation in it) as file://<source>.
std::string redact(std::string text) {
  auto replace_all = [&](const std::string &from, const std::string &to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  };
  replace_all(npq::file_uri(fs::weakly_canonical(NPQ_SOURCE_DIR).generic_string()),
              "file://<source>");
  replace_all(std::string(npq::kVersion), "<version>");
  return text;
}

// Runs npq in-process from the source root, as a user would from a checkout.
std::string transcript(const std::vector<std::string> &args, const std::string &input = {}) {
  auto [status, out, err] = test::run_npq(args, input);
  out = redact(out);
  err = redact(err);
  std::string command = "$ npq";
  for (const auto &a : args) {
    command += " " + a;
  }
  std::string t = command + "\n" + out;
  if (!err.empty()) {
    t += "[stderr]\n" + err;
  }
  t += fmt::format("[exit {}]\n", status);
  return t;
}

// Compares with the golden file, or rewrites it when updating. Prints the first difference.
void check_golden(const fs::path &golden, const std::string &actual) {
  if (updating()) {
    if (!fs::exists(golden) || read_text(golden) != actual) {
      write_text(golden, actual);
      MESSAGE("updated " << golden.generic_string());
    }
    return;
  }
  INFO("golden file: " << golden.generic_string()
                       << " (regenerate with: cmake --build --preset dev --target update-golden)");
  REQUIRE_MESSAGE(fs::exists(golden), "missing golden file " << golden.generic_string());
  std::string expected = read_text(golden);
  if (expected == actual) {
    return;
  }
  std::istringstream e(expected);
  std::istringstream a(actual);
  std::string el;
  std::string al;
  int line = 0;
  while (true) {
    bool he = static_cast<bool>(std::getline(e, el));
    bool ha = static_cast<bool>(std::getline(a, al));
    ++line;
    if (!he && !ha) {
      break;
    }
    if (!he || !ha || el != al) {
      FAIL_CHECK("first difference at line " << line << "\n  expected: " << (he ? el : "<end>")
                                             << "\n  actual:   " << (ha ? al : "<end>"));
      break;
    }
  }
}

std::vector<fs::path> yaml_files(const fs::path &dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) {
    return out;
  }
  for (const auto &e : fs::recursive_directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
      out.push_back(fs::relative(e.path(), NPQ_SOURCE_DIR));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// '# expect: NPQ102' (or several, comma-separated) asserts findings on the next line;
// '# expect@1: NPQ015' on a given line; '# expect-file: NPQ001' without a line. A sidecar
// <stem>.expect holds 'CODE LINE' pairs for files that cannot carry comments (binary encodings).
std::multiset<std::pair<std::string, int>> expectations(const fs::path &file) {
  std::multiset<std::pair<std::string, int>> out;
  fs::path sidecar = file;
  sidecar.replace_extension(".expect");
  if (fs::exists(sidecar)) {
    std::istringstream in(read_text(sidecar));
    std::string code;
    int line = 0;
    while (in >> code >> line) {
      out.insert({code, line});
    }
    return out;
  }
  std::istringstream in(read_text(file));
  std::string text;
  int number = 0;
  static const std::regex expect_re(R"(#\s*expect(?:(-file)|@([0-9]+))?:\s*([A-Z0-9, ]+))");
  while (std::getline(in, text)) {
    ++number;
    std::smatch m;
    if (std::regex_search(text, m, expect_re)) {
      int line = m[1].matched ? 0 : m[2].matched ? std::stoi(m[2].str()) : number + 1;
      std::istringstream codes(m[3].str());
      std::string code;
      while (std::getline(codes, code, ',')) {
        code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
        if (!code.empty()) {
          out.insert({code, line});
        }
      }
    }
  }
  return out;
}

const npq::ReferenceData &reference_data() {
  static const npq::ReferenceData data = [] {
    npq::Diagnostics ignored;
    return npq::ReferenceData::bundled(ignored);
  }();
  return data;
}

struct InSourceDir {
  fs::path previous = fs::current_path();
  InSourceDir() { fs::current_path(NPQ_SOURCE_DIR); }
  ~InSourceDir() { fs::current_path(previous); }
};

} // namespace

TEST_SUITE("golden") {
  TEST_CASE("examples: every golden has its example") {
    InSourceDir here;
    for (const auto &e : fs::recursive_directory_iterator("examples")) {
      auto ext = e.path().extension();
      if (ext != ".expected" && ext != ".expect") {
        continue;
      }
      fs::path yaml = e.path();
      yaml.replace_extension(".yaml");
      fs::path yml = e.path();
      yml.replace_extension(".yml");
      CHECK_MESSAGE((fs::exists(yaml) || fs::exists(yml)),
                    "orphan golden " << e.path().generic_string() << ": no example beside it");
    }
  }

  TEST_CASE("examples: validate as text, and inline expectations") {
    InSourceDir here;
    auto files = yaml_files("examples");
    REQUIRE(!files.empty());
    for (const auto &file : files) {
      std::string path = file.generic_string();
      if (path.rfind("examples/ci/", 0) == 0 || path.rfind("examples/data/", 0) == 0) {
        continue; // CI workflow samples; examples that need --data (see docs/checks.md)
      }
      CAPTURE(path);
      fs::path golden = file;
      golden.replace_extension(".expected");
      check_golden(golden, transcript({"validate", path}));

      auto expected = expectations(file);
      npq::SessionOptions options;
      auto result = npq::check_path(path, reference_data(), options);
      std::multiset<std::pair<std::string, int>> actual;
      std::set<std::string> expected_codes;
      for (const auto &[c, l] : expected) {
        expected_codes.insert(c);
      }
      for (const auto &d : result.diagnostics.items()) {
        std::string code(npq::info(d.code).code);
        // Errors and warnings must match exactly; notes only when the example expects them.
        if (d.suppressed.empty() &&
            (d.severity != npq::Severity::note || expected_codes.count(code) != 0)) {
          actual.insert({code, d.where.line});
        }
      }
      if (path.rfind("examples/valid/", 0) == 0 || path.rfind("examples/fixed/", 0) == 0 ||
          path.rfind("examples/config/", 0) == 0) {
        CHECK_MESSAGE(!result.diagnostics.has_errors(), "a valid example has errors");
        CHECK_MESSAGE(result.diagnostics.count(npq::Severity::warning) == 0,
                      "a valid example has warnings");
      } else if (path.rfind("examples/warnings/", 0) == 0) {
        CHECK_MESSAGE(!result.diagnostics.has_errors(), "a warnings example has errors");
        CHECK_MESSAGE(result.diagnostics.count(npq::Severity::warning) > 0,
                      "a warnings example has no warning");
      } else {
        CHECK_MESSAGE(result.diagnostics.has_errors(), "an invalid example has no error");
      }
      std::string want;
      for (const auto &[c, l] : expected) {
        want += fmt::format(" {}@{}", c, l);
      }
      std::string got;
      for (const auto &[c, l] : actual) {
        got += fmt::format(" {}@{}", c, l);
      }
      CHECK_MESSAGE(want == got,
                    "expected findings (from '# expect:' comments):" << want << "\n got:" << got);
    }
  }

  TEST_CASE("bundled programmes: validate") {
    InSourceDir here;
    for (const auto &file : yaml_files("programmes")) {
      std::string path = file.generic_string();
      CAPTURE(path);
      check_golden(fs::path("tests/golden/programmes") / (file.stem().string() + ".validate"),
                   transcript({"validate", path}));
    }
  }

  // The machine-readable renderers, each once over fixtures with several findings, notes, hints,
  // a suppression and a file that cannot be read. The SARIF rule table is in here once.
  TEST_CASE("renderers: json, sarif and github") {
    InSourceDir here;
    const std::vector<std::string> fixtures{
        "examples/invalid/npq300-hours-mismatch.yaml", "examples/invalid/npq102-unknown-key.yaml",
        "examples/warnings/npq303-unaccounted-activity.yaml",
        "examples/valid/suppressed-finding.yaml", "no-such-file.yaml"};
    for (const char *format : {"json", "sarif", "github"}) {
      CAPTURE(format);
      std::vector<std::string> args{"validate", "--format", format};
      args.insert(args.end(), fixtures.begin(), fixtures.end());
      check_golden(fs::path("tests/golden/renderers") / (std::string(format) + ".expected"),
                   transcript(args));
    }
  }

  TEST_CASE("bundled programmes: reports") {
    InSourceDir here;
    auto files = yaml_files("programmes");
    files.push_back("examples/valid/hostile-text.yaml");
    files.push_back("examples/valid/consistent-programme.yaml");
    // Pages of the route map's slots outside its periods, and of inferred values.
    files.push_back("examples/valid/before-after-slots.yaml");
    files.push_back("examples/valid/inferred-on-pages.yaml");
    for (const auto &file : files) {
      std::string path = file.generic_string();
      std::string stem = file.stem().string();
      CAPTURE(path);
      // Transcripts: every format of the tabular reports, and explained totals.
      std::string all = transcript({"hours", path}) + transcript({"hours", "-f", "csv", path}) +
                        transcript({"hours", "-f", "json", path}) + transcript({"coverage", path}) +
                        transcript({"coverage", "-f", "json", path}) +
                        transcript({"explain", path, "--total", "programme"});
      check_golden(fs::path("tests/golden/programmes") / (stem + ".reports"), all);
      // Markdown pages, kept as files so tests/markdown and tests/mermaid render them.
      auto page = [](const std::vector<std::string> &args) {
        return redact(test::run_npq(args).out);
      };
      fs::path reports("tests/golden/reports");
      check_golden(reports / (stem + ".routemap.md"),
                   page({"routemap", "--mermaid", "--allow-contradictions", path}));
      check_golden(reports / (stem + ".hours.md"), page({"hours", "-f", "markdown", path}));
      check_golden(reports / (stem + ".coverage.md"), page({"coverage", "-f", "markdown", path}));
    }
  }

  // The other page formats, one golden per renderer over the bundled programmes (tests/pages
  // renders them in Chromium, rsvg-convert and TypeScript).
  TEST_CASE("bundled programmes: route map pages as HTML, SVG and JSON-LD") {
    InSourceDir here;
    std::map<std::string, std::string> goldens;
    auto files = yaml_files("programmes");
    files.push_back("examples/valid/before-after-slots.yaml");
    files.push_back("examples/valid/inferred-on-pages.yaml");
    for (const auto &file : files) {
      std::string path = file.generic_string();
      goldens["html"] += transcript({"routemap", "-f", "html", "--allow-contradictions", path});
      goldens["svg"] += transcript({"routemap", "-f", "svg", "--allow-contradictions", path});
      goldens["jsonld"] += transcript({"routemap", "-f", "jsonld", "--allow-contradictions", path});
    }
    goldens["html"] += transcript({"routemap", "-f", "html", "--standalone", "--front-matter",
                                   "examples/valid/hostile-text.yaml"});
    for (const auto &[format, text] : goldens) {
      check_golden(fs::path("tests/golden/pages") / (format + ".expected"), text);
    }
  }

  // How each shape of published figure reads on a page's summary of learning hours and its
  // assessment: a weekly rate, "every term" over terms not given, days with and without the hours
  // in a day, a row split over periods, an engagement threshold with what it is a percentage of.
  TEST_CASE("route map pages: the shapes of published figures") {
    InSourceDir here;
    std::string all;
    for (const char *path :
         {"examples/valid/weekly-rate.yaml", "examples/valid/every-term-unstated.yaml",
          "examples/valid/npq305-days-not-reconciled.yaml",
          "examples/fixed/npq305-days-not-reconciled.yaml", "examples/valid/split-row.yaml",
          "examples/valid/engagement-scope.yaml", "examples/valid/consistent-programme.yaml"}) {
      std::string page = test::run_npq({"routemap", "--allow-contradictions", path}).out;
      // The parts these shapes change: the summary of learning hours and the assessment.
      std::string said;
      for (const char *heading : {"## Summary of learning hours", "## Assessment"}) {
        auto from = page.find(heading);
        if (from != std::string::npos) {
          auto to = std::min(page.find("\n## ", from + 1), page.find("\n<!-- ", from));
          said += page.substr(from, to == std::string::npos ? std::string::npos : to - from) + "\n";
        }
      }
      all += std::string("$ npq routemap ") + path + "\n" + said + "\n";
    }
    check_golden("tests/golden/pages/shapes.expected", all);
  }

  // Participants read plain words, and every figure the provider publishes, in every format.
  TEST_CASE("route map pages: plain words, and no published figure dropped") {
    InSourceDir here;
    const std::vector<std::string> jargon{
        "general claim", "not named by the source", "≥",    "≤",         "≈", "(approx.)",
        "synchronous",   "self-directed,",          "90 %", "covers all"};
    struct Wanted {
      std::string path;
      std::vector<std::string> formats;
      std::string figure;
    };
    const std::vector<Wanted> figures{
        {"programmes/learners-first-npqsl.yaml", {"markdown", "html", "svg", "jsonld"}, "8 days"},
        {"programmes/modular-npqsl.yaml", {"markdown", "html", "svg"}, "up to 50"},
        {"programmes/modular-npqsl.yaml", {"markdown", "html", "svg"}, "Choose 2 of 7"},
        {"programmes/ambition-npqsl.yaml",
         {"markdown", "html"},
         "Nine half-termly courses, six modules each; hours not published"},
        {"programmes/ucl-npqsl.yaml", {"markdown", "html"}, "£1,055"},
        {"programmes/ucl-npqsl.yaml", {"jsonld"}, "\"price\": 1055,"},
        // The slot after the taught programme, and what the encoder inferred, said as such.
        {"programmes/ambition-npqsl.yaml",
         {"markdown", "html", "svg"},
         "After the taught programme"},
        {"programmes/ambition-npqsl.yaml", {"markdown", "html", "svg"}, "Assessment clinic"},
        {"programmes/ucl-npqsl.yaml", {"markdown", "html"}, "framework (inferred, not published: "},
        {"programmes/ucl-npqsl.yaml", {"markdown", "html"}, "(published; inferred for this term)"},
        {"programmes/learners-first-npqsl.yaml",
         {"markdown", "html"},
         "framework: a guide for participants (inferred, not published: "}};
    for (const auto &file : yaml_files("programmes")) {
      std::string path = file.generic_string();
      for (std::string format : {"markdown", "html", "svg", "jsonld"}) {
        CAPTURE(path);
        CAPTURE(format);
        auto r = test::run_npq({"routemap", "-f", format, "--allow-contradictions", path});
        if (r.status == 2) {
          continue; // a suite has no picture or course data of its own
        }
        for (const auto &word : jargon) {
          CHECK_MESSAGE(r.out.find(word) == std::string::npos, "says '" << word << "'");
        }
        for (const auto &w : figures) {
          if (w.path == path &&
              std::find(w.formats.begin(), w.formats.end(), format) != w.formats.end()) {
            CHECK_MESSAGE(r.out.find(w.figure) != std::string::npos, "drops '" << w.figure << "'");
          }
        }
      }
    }
  }

  TEST_CASE("compare, diff and export") {
    InSourceDir here;
    std::string all =
        transcript({"compare", "programmes/ucl-npqsl.yaml", "programmes/ambition-npqsl.yaml",
                    "programmes/learners-first-npqsl.yaml"}) +
        transcript({"compare", "-f", "json", "programmes/ucl-npqsl.yaml",
                    "programmes/modular-npqsl.yaml"}) +
        transcript({"diff", "examples/valid/consistent-programme.yaml",
                    "tests/golden/inputs/consistent-programme-v2.yaml"}) +
        transcript({"diff", "-f", "json", "examples/valid/consistent-programme.yaml",
                    "tests/golden/inputs/consistent-programme-v2.yaml"}) +
        transcript({"diff", "programmes/ucl-npqsl.yaml", "programmes/ucl-npqsl.yaml"});
    check_golden("tests/golden/compare-diff.expected", all);
    fs::path reports("tests/golden/reports");
    auto page = [](const std::vector<std::string> &args) {
      return redact(test::run_npq(args).out);
    };
    check_golden(reports / "compare-npqsl.md",
                 page({"compare", "-f", "markdown", "programmes/ucl-npqsl.yaml",
                       "programmes/ambition-npqsl.yaml", "programmes/learners-first-npqsl.yaml",
                       "programmes/modular-npqsl.yaml"}));
    check_golden(reports / "diff-consistent.md",
                 page({"diff", "-f", "markdown", "examples/valid/consistent-programme.yaml",
                       "tests/golden/inputs/consistent-programme-v2.yaml"}));
    for (const auto &file : yaml_files("programmes")) {
      check_golden(fs::path("tests/golden/export") / (file.stem().string() + ".json"),
                   page({"export", file.generic_string()}));
    }
  }

  TEST_CASE("docs/checks.md: every code with a failing and a passing example") {
    InSourceDir here;
    std::map<std::string, std::vector<std::string>> failing;
    for (const auto &file : yaml_files("examples")) {
      std::string path = file.generic_string();
      std::string name = file.filename().string();
      if (path.rfind("examples/fixed/", 0) == 0 || path.rfind("examples/data/", 0) == 0 ||
          name.size() < 6 || name.rfind("npq", 0) != 0) {
        continue;
      }
      std::string code = "NPQ" + name.substr(3, 3);
      failing[code].push_back(path);
    }
    // The "# Fixed: ..." paragraph at the top of a fixed example, up to its first full stop.
    auto first_line = [](const fs::path &p) {
      std::ifstream in(p);
      std::string text;
      for (std::string line; std::getline(in, line) && line.rfind("# ", 0) == 0;) {
        text += (text.empty() ? "" : " ") + line.substr(2);
        if (!text.empty() && text.back() == '.') {
          break;
        }
      }
      return text;
    };
    auto output = [](const std::vector<std::string> &args) {
      auto r = test::run_npq(args);
      return r.out + r.err;
    };
    // Codes whose failing input is not a file: shown with the command that produces them.
    std::map<std::string, std::vector<std::string>> commands{
        {"NPQ001", {"validate", "no-such-programme.yaml"}},
        {"NPQ002", {"validate", "--max-file-size", "0.001", "programmes/ucl-npqsl.yaml"}},
        {"NPQ208", {"validate", "--data", "data", "examples/valid/minimal-programme.yaml"}},
        {"NPQ322",
         {"validate", "--data", "examples/data/frameworks",
          "examples/data/npq322-statement-not-covered.yaml"}}};
    std::string doc =
        "<!-- Generated by the golden tests from src/npq/diag/codes.def and examples/. Do not "
        "edit; regenerate with the update-golden target. -->\n"
        "# npq checks\n\n"
        "Every finding npq reports has a stable code. This page lists them all, each with the "
        "example that triggers it (from `examples/invalid`, `examples/warnings` or "
        "`examples/valid`) and a corrected twin that passes (from `examples/fixed`). "
        "`npq explain CODE` prints the same explanation.\n\n"
        "## Severity policy\n\n"
        "- **error**: the document cannot be read as written, breaks the format, refers to "
        "something that does not exist, or publishes figures that cannot all be true. "
        "`npq validate` exits 1.\n"
        "- **warning**: probably wrong, or a gap a reader would want closed, but it can be "
        "legitimate (a legacy programme's duration, an activity the summary leaves out, "
        "coverage resting on a general claim). Exits 0, or 1 with `--strict`.\n"
        "- **note**: information: a total that is a lower bound because hours are not "
        "published, a provisional framework, a check that could not run. Never fails.\n\n"
        "A project can change a code's severity, or turn it off, in `.npq.yaml`; a single "
        "finding can be suppressed, with a reason, in the document (`suppress:`) or in "
        "`.npq.yaml`. Suppressed findings are counted in the summary line and shown with "
        "`--show-suppressed`; a suppression that matches nothing is itself reported "
        "(NPQ390).\n\n";
    for (const auto &ci : npq::all_codes()) {
      std::string code(ci.code);
      doc += fmt::format("## {} {}\n\n", code, ci.slug);
      doc += fmt::format("**{}** ({} check): {}.\n\n{}\n\n", npq::to_string(ci.severity),
                         npq::to_string(ci.category), ci.summary, ci.explanation);
      if (auto it = failing.find(code); it != failing.end()) {
        for (const auto &path : it->second) {
          doc += fmt::format("Failing example: [{}](../{})\n\n```text\n{}```\n\n", path, path,
                             output({"validate", path}));
          fs::path fixed = fs::path("examples/fixed") / fs::path(path).filename();
          if (fs::exists(fixed)) {
            doc += fmt::format("Passing example: [{}](../{}): {}\n\n", fixed.generic_string(),
                               fixed.generic_string(), first_line(fixed));
          }
        }
      } else if (auto c = commands.find(code); c != commands.end()) {
        std::string line = "npq";
        for (const auto &a : c->second) {
          line += " " + a;
        }
        doc += fmt::format("Failing example:\n\n```text\n$ {}\n{}```\n\n", line, output(c->second));
        doc += "Passing: name a readable programme file within the limits; see "
               "[examples/valid](../examples/valid).\n\n";
      }
      CHECK_MESSAGE((failing.count(code) != 0 || commands.count(code) != 0),
                    "no failing example for " << code);
    }
    check_golden("docs/checks.md", doc);
  }

  TEST_CASE("generated files are current") {
    InSourceDir here;
    for (const auto &kind : npq::format::kinds()) {
      CAPTURE(kind.name);
      check_golden(fs::path("schemas") / fmt::format("{}.schema.json", kind.name),
                   npq::format::json_schema(kind.name));
    }
    check_golden("docs/format-reference.md", npq::format::reference_markdown());
  }
}
