// Runs npq's YAML loader over yaml-test-suite (github.com/yaml/yaml-test-suite, tag
// data-2022-01-17) and compares its accept/reject verdict with the suite's. The suite is not part
// of the repository: CI clones it beside the repository, to ../shared/yaml-test-suite.
//
//   npq_yaml_suite --suite DIR --known FILE [--update] [--verbose]
//   npq_yaml_suite --case CASE_DIR          # one case, in-process, diagnostics printed
//
// Verdict: "rejected" when npq::yaml::load reports an error in the input or syntax categories
// (NPQ001-NPQ017), "accepted" otherwise. An NPQ015-only result (the stream holds no content) counts
// as accepted: an empty stream is valid YAML, and npq's refusal of it is about content, not syntax.
//
// Every case runs in a forked child with an address-space cap (1 GiB) and a 2 s deadline; a crash,
// a timeout or a diagnostic whose line/column is outside the file fails the run whatever
// known-differences.txt says. Otherwise the run fails when the set of cases where npq and the
// suite disagree is not exactly the set listed in known-differences.txt, in either direction.
// --update rewrites the file (existing reasons kept, new entries get "TODO: reason").
//
// Exit status: 0 pass, 1 fail, 2 usage, 77 the suite folder is missing (CTest: skipped).

#include "npq/diag/codes.hpp"
#include "npq/diag/diagnostic.hpp"
#include "npq/text/source.hpp"
#include "npq/text/utf8.hpp"
#include "npq/yaml/load.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <poll.h>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr int kExitSkip = 77;
constexpr double kDeadlineSeconds = 2.0;
constexpr rlim_t kAddressSpaceCap = rlim_t{1} << 30; // 1 GiB
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

enum class Kind { accepted_invalid, rejected_valid };

std::string_view kind_name(Kind k) {
  return k == Kind::accepted_invalid ? "accepted-invalid" : "rejected-valid";
}

std::optional<Kind> parse_kind(std::string_view s) {
  if (s == "accepted-invalid") {
    return Kind::accepted_invalid;
  }
  if (s == "rejected-valid") {
    return Kind::rejected_valid;
  }
  return std::nullopt;
}

struct Case {
  std::string id; ///< "2JQS" or "4MUZ/01"
  fs::path dir;
  bool must_fail = false; ///< the suite's verdict: an `error` file is present
};

struct Outcome {
  enum class Status { ok, crashed, timed_out, bad_location, runner_error } status = Status::ok;
  bool rejected = false;
  std::set<std::string> rejecting_codes; ///< error-severity input/syntax codes
  std::vector<std::string> lines;        ///< "NPQ010 3:5 error message", for the report
  std::string problem;                   ///< crash/timeout/location detail
  double seconds = 0;
};

// ---- one case, evaluated in the current process ---------------------------------------------

std::string read_bytes(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool counts_as_rejection(const npq::Diagnostic &d) {
  if (d.severity != npq::Severity::error) {
    return false;
  }
  auto category = npq::info(d.code).category;
  return category == npq::Category::input || category == npq::Category::syntax;
}

// Checks that a location names a real place in the file: 1 <= line <= lines in the file, and
// 1 <= column <= length of that line (in code points) + 1. Returns a description when it does not.
std::string location_problem(const npq::SourceFile &source, const npq::Location &where,
                             std::map<int, std::size_t> &widths) {
  if (where.line < 1 || where.line > source.line_count()) {
    return "line " + std::to_string(where.line) + " is outside 1.." +
           std::to_string(source.line_count());
  }
  auto [it, fresh] = widths.try_emplace(where.line, 0);
  if (fresh) { // memoised: many findings on one long line must not make this quadratic
    it->second = npq::utf8::count_code_points(source.line_text(where.line));
  }
  auto width = it->second;
  if (where.column < 1 || static_cast<std::size_t>(where.column) > width + 1) {
    return "column " + std::to_string(where.column) + " is outside 1.." +
           std::to_string(width + 1) + " on line " + std::to_string(where.line);
  }
  return {};
}

// Protocol from the child: one line per diagnostic "D <code> <line>:<col> <severity> <message>",
// "L <problem>" for a bad location, then "V A" or "V R".
std::string evaluate(const fs::path &dir, const std::string &id) {
  npq::SourceFile source(id + "/in.yaml", read_bytes(dir / "in.yaml"));
  npq::Diagnostics diagnostics;
  npq::yaml::load(source, diagnostics);
  std::ostringstream out;
  std::set<std::string> rejecting;
  std::map<int, std::size_t> widths;
  for (const auto &d : diagnostics.items()) {
    std::string message = d.message;
    std::replace(message.begin(), message.end(), '\n', ' ');
    std::replace(message.begin(), message.end(), '\r', ' ');
    out << "D " << npq::info(d.code).code << ' ' << d.where.line << ':' << d.where.column << ' '
        << npq::to_string(d.severity) << ' ' << message << '\n';
    if (auto p = location_problem(source, d.where, widths); !p.empty()) {
      out << "L " << npq::info(d.code).code << ": " << p << '\n';
    }
    for (const auto &n : d.notes) {
      if (auto p = location_problem(source, n.where, widths); !p.empty()) {
        out << "L note of " << npq::info(d.code).code << ": " << p << '\n';
      }
    }
    if (counts_as_rejection(d)) {
      rejecting.insert(std::string(npq::info(d.code).code));
    }
  }
  bool rejected = !rejecting.empty() && rejecting != std::set<std::string>{"NPQ015"};
  out << "V " << (rejected ? 'R' : 'A') << '\n';
  return out.str();
}

// ---- one case, in a forked child -------------------------------------------------------------

bool write_all(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    s.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

Outcome run_isolated(const Case &c) {
  Outcome result;
  int fds[2];
  if (::pipe(fds) != 0) {
    result.status = Outcome::Status::runner_error;
    result.problem = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  std::cout.flush();
  std::cerr.flush();
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid < 0) {
    result.status = Outcome::Status::runner_error;
    result.problem = std::string("fork: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return result;
  }
  if (pid == 0) {
    ::close(fds[0]);
    if (!kSanitized) { // AddressSanitizer reserves terabytes of address space for its shadow
      rlimit cap{kAddressSpaceCap, kAddressSpaceCap};
      ::setrlimit(RLIMIT_AS, &cap);
    }
    ::alarm(10); // backstop only; the parent kills the child after kDeadlineSeconds
    int code = 0;
    try {
      code = write_all(fds[1], evaluate(c.dir, c.id)) ? 0 : 3;
    } catch (const std::exception &e) {
      write_all(fds[1], std::string("X exception escaped npq::yaml::load: ") + e.what() + "\n");
      code = 4;
    } catch (...) {
      write_all(fds[1], "X non-standard exception escaped npq::yaml::load\n");
      code = 4;
    }
    ::close(fds[1]);
    ::_exit(code);
  }
  ::close(fds[1]);

  std::string output;
  bool timed_out = false;
  char buffer[4096];
  for (;;) {
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    int remaining_ms = static_cast<int>((kDeadlineSeconds - elapsed) * 1000);
    if (remaining_ms <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int r = ::poll(&p, 1, remaining_ms);
    if (r < 0 && errno == EINTR) {
      continue;
    }
    if (r == 0) {
      timed_out = true;
      break;
    }
    ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break; // EOF: the child finished (or died)
    }
    output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) {
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::istringstream lines(output);
  std::string line;
  bool have_verdict = false;
  std::string escaped;
  std::vector<std::string> location_problems;
  while (std::getline(lines, line)) {
    if (line.rfind("D ", 0) == 0) {
      result.lines.push_back(line.substr(2));
      std::istringstream f(line.substr(2));
      std::string code, position, severity;
      f >> code >> position >> severity;
      // Only input/syntax errors reject; other categories never come from the loader anyway.
      auto parsed = npq::find_code(code);
      if (severity == "error" && parsed) {
        auto category = npq::info(*parsed).category;
        if (category == npq::Category::input || category == npq::Category::syntax) {
          result.rejecting_codes.insert(code);
        }
      }
    } else if (line.rfind("L ", 0) == 0) {
      location_problems.push_back(line.substr(2));
    } else if (line.rfind("V ", 0) == 0) {
      have_verdict = true;
      result.rejected = line.substr(2) == "R";
    } else if (line.rfind("X ", 0) == 0) {
      escaped = line.substr(2);
    }
  }

  if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)) {
    result.status = Outcome::Status::timed_out;
    result.problem = "no result within " + std::to_string(kDeadlineSeconds).substr(0, 3) + " s";
  } else if (WIFSIGNALED(status)) {
    result.status = Outcome::Status::crashed;
    result.problem = std::string("killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
                     ::strsignal(WTERMSIG(status)) + ")";
  } else if (!escaped.empty()) {
    result.status = Outcome::Status::crashed;
    result.problem = escaped;
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !have_verdict) {
    result.status = Outcome::Status::crashed;
    result.problem =
        "child exited with status " + std::to_string(WEXITSTATUS(status)) + " without a verdict";
  } else if (result.seconds > kDeadlineSeconds) {
    result.status = Outcome::Status::timed_out;
    result.problem = "took " + std::to_string(result.seconds) + " s";
  } else if (!location_problems.empty()) {
    result.status = Outcome::Status::bad_location;
    for (const auto &p : location_problems) {
      result.problem += (result.problem.empty() ? "" : "; ") + p;
    }
  }
  return result;
}

// ---- the suite -------------------------------------------------------------------------------

std::vector<Case> discover(const fs::path &suite) {
  std::vector<Case> cases;
  for (const auto &entry : fs::directory_iterator(suite)) {
    // name/ and tags/ hold symlinks to the cases; skip them and anything that is not a case.
    const auto name = entry.path().filename().string();
    if (entry.is_symlink() || !entry.is_directory() || name == "name" || name == "tags" ||
        name.empty() || name[0] == '.') {
      continue;
    }
    if (fs::exists(entry.path() / "in.yaml")) {
      cases.push_back({name, entry.path(), fs::exists(entry.path() / "error")});
      continue;
    }
    for (const auto &sub : fs::directory_iterator(entry.path())) {
      if (!sub.is_symlink() && sub.is_directory() && fs::exists(sub.path() / "in.yaml")) {
        cases.push_back({name + "/" + sub.path().filename().string(), sub.path(),
                         fs::exists(sub.path() / "error")});
      }
    }
  }
  std::sort(cases.begin(), cases.end(), [](const Case &a, const Case &b) { return a.id < b.id; });
  return cases;
}

struct KnownEntry {
  Kind kind;
  std::string reason;
};

std::string trim(std::string s) {
  auto not_space = [](unsigned char ch) { return !std::isspace(ch); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

bool read_known(const fs::path &file, std::map<std::string, KnownEntry> &known) {
  std::ifstream in(file);
  if (!in) {
    return false;
  }
  std::string line;
  int number = 0;
  bool ok = true;
  while (std::getline(in, line)) {
    ++number;
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') {
      continue;
    }
    std::istringstream f(t);
    std::string id, kind;
    f >> id >> kind;
    std::string reason;
    std::getline(f, reason);
    auto k = parse_kind(kind);
    if (!k) {
      std::cerr << file.string() << ":" << number
                << ": expected 'ID accepted-invalid|rejected-valid "
                << "reason', got: " << line << "\n";
      ok = false;
      continue;
    }
    if (!known.emplace(id, KnownEntry{*k, trim(reason)}).second) {
      std::cerr << file.string() << ":" << number << ": " << id << " is listed twice\n";
      ok = false;
    }
  }
  return ok;
}

constexpr std::string_view kHeader =
    R"(# Cases of yaml-test-suite (tag data-2022-01-17) where npq's loader disagrees with the suite.
# Checked by the CTest test yaml.conformance (tests/conformance/yaml_suite.cpp), which fails when
# the actual set of disagreements differs from this list in either direction.
#
# Format: one case per line, sorted by id; cases with the same cause share one reason text:
#   ID[/NN]  accepted-invalid|rejected-valid  reason
# accepted-invalid: the suite marks the input as an error (it has an `error` file), npq accepts it.
# rejected-valid:   the suite's input is valid YAML, npq reports an input/syntax error for it.
# "Rejected" means an error-severity finding in the input or syntax categories (NPQ001-NPQ017).
# An NPQ015-only result (every document in the stream is empty) counts as accepted.
# "npq policy: ..." reasons are deliberate refusals of valid YAML; the runner checks that at least
# one of the NPQ codes such a reason names is among the codes npq actually rejected the case with.
# Every other reason is a yaml-cpp 0.7 parser difference (npq parses with yaml-cpp's event API).
#
# Regenerate with 'cmake --build <build dir> --target update-yaml-conformance' (or
# npq_yaml_suite --suite ../shared/yaml-test-suite --known <this file> --update): existing reasons
# are kept; new entries get "TODO: reason" and must be explained by hand.
)";

bool write_known(const fs::path &file, const std::map<std::string, KnownEntry> &entries) {
  std::ofstream out(file, std::ios::trunc);
  out << kHeader;
  std::size_t width = 0;
  for (const auto &[id, e] : entries) {
    width = std::max(width, id.size());
  }
  for (const auto &[id, e] : entries) {
    out << id << std::string(width - id.size() + 1, ' ') << kind_name(e.kind);
    if (e.kind == Kind::rejected_valid) {
      out << "  "; // align reasons: "rejected-valid" is two characters shorter
    }
    out << "  " << (e.reason.empty() ? "TODO: reason" : e.reason) << '\n';
  }
  return static_cast<bool>(out);
}

std::vector<std::string> codes_named_in(const std::string &reason) {
  std::vector<std::string> codes;
  for (std::size_t i = reason.find("NPQ"); i != std::string::npos; i = reason.find("NPQ", i + 3)) {
    if (i + 6 <= reason.size() && std::isdigit(static_cast<unsigned char>(reason[i + 3])) &&
        std::isdigit(static_cast<unsigned char>(reason[i + 4])) &&
        std::isdigit(static_cast<unsigned char>(reason[i + 5]))) {
      codes.push_back(reason.substr(i, 6));
    }
  }
  return codes;
}

std::string join(const std::set<std::string> &s) {
  std::string out;
  for (const auto &x : s) {
    out += (out.empty() ? "" : ",") + x;
  }
  return out.empty() ? "-" : out;
}

std::string first_line(const fs::path &p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  return line;
}

int usage() {
  std::cerr << "usage: npq_yaml_suite --suite DIR --known FILE [--update] [--verbose]\n"
               "       npq_yaml_suite --case CASE_DIR\n";
  return 2;
}

int run_one(const fs::path &dir) {
  if (!fs::exists(dir / "in.yaml")) {
    std::cerr << "no in.yaml in " << dir.string() << "\n";
    return 2;
  }
  std::cout << "case:  " << dir.string() << "\n";
  if (fs::exists(dir / "===")) {
    std::cout << "name:  " << first_line(dir / "===") << "\n";
  }
  std::cout << "suite: " << (fs::exists(dir / "error") ? "invalid (must be rejected)" : "valid")
            << "\n";
  std::string report = evaluate(dir, dir.filename().string());
  std::cout << report;
  return report.find("V R") != std::string::npos ? 1 : 0;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  fs::path suite, known_file, single;
  bool update = false, verbose = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--suite" && i + 1 < args.size()) {
      suite = args[++i];
    } else if (args[i] == "--known" && i + 1 < args.size()) {
      known_file = args[++i];
    } else if (args[i] == "--case" && i + 1 < args.size()) {
      single = args[++i];
    } else if (args[i] == "--update") {
      update = true;
    } else if (args[i] == "--verbose" || args[i] == "-v") {
      verbose = true;
    } else {
      return usage();
    }
  }
  if (!single.empty()) {
    return run_one(single);
  }
  if (suite.empty() || known_file.empty()) {
    return usage();
  }
  if (!fs::is_directory(suite)) {
    std::cout << "SKIPPED: ../shared/yaml-test-suite not found (it is not part of the repository)"
              << "\n  looked in: " << suite.string() << "\n";
    return kExitSkip;
  }

  std::map<std::string, KnownEntry> known;
  if (!read_known(known_file, known) && !update) {
    std::cerr << "cannot read " << known_file.string() << " (use --update to create it)\n";
    return 1;
  }

  auto cases = discover(suite);
  if (cases.empty()) {
    std::cerr << "no cases found under " << suite.string() << "\n";
    return 1;
  }

  std::size_t valid_accepted = 0, valid_rejected = 0, invalid_rejected = 0, invalid_accepted = 0;
  std::size_t invalid_rejected_by_policy_only = 0;
  std::vector<std::string> hard_failures;
  std::map<std::string, Kind> actual;
  std::map<std::string, Outcome> outcomes;
  double total_seconds = 0, slowest = 0;
  std::string slowest_id;
  const std::set<std::string> policy_codes = {"NPQ012", "NPQ013", "NPQ015", "NPQ016", "NPQ017"};

  for (const auto &c : cases) {
    Outcome o = run_isolated(c);
    total_seconds += o.seconds;
    if (o.seconds > slowest) {
      slowest = o.seconds;
      slowest_id = c.id;
    }
    if (o.status != Outcome::Status::ok) {
      const char *what = o.status == Outcome::Status::crashed        ? "CRASH"
                         : o.status == Outcome::Status::timed_out    ? "TIMEOUT"
                         : o.status == Outcome::Status::bad_location ? "BAD LOCATION"
                                                                     : "RUNNER ERROR";
      hard_failures.push_back(std::string(what) + " " + c.id + ": " + o.problem);
      if (o.status != Outcome::Status::bad_location) {
        outcomes.emplace(c.id, std::move(o));
        continue;
      }
    }
    if (c.must_fail) {
      if (o.rejected) {
        ++invalid_rejected;
        bool policy_only =
            std::all_of(o.rejecting_codes.begin(), o.rejecting_codes.end(),
                        [&](const std::string &code) { return policy_codes.count(code) > 0; });
        invalid_rejected_by_policy_only += policy_only ? 1 : 0;
      } else {
        ++invalid_accepted;
        actual[c.id] = Kind::accepted_invalid;
      }
    } else {
      if (o.rejected) {
        ++valid_rejected;
        actual[c.id] = Kind::rejected_valid;
      } else {
        ++valid_accepted;
      }
    }
    if (verbose) {
      std::cout << c.id << (c.must_fail ? " invalid " : " valid   ")
                << (o.rejected ? "rejected" : "accepted") << " " << join(o.rejecting_codes) << " "
                << static_cast<int>(o.seconds * 1000) << " ms"
                << (o.lines.empty() ? "" : "  [" + o.lines.front() + "]") << "\n";
    }
    outcomes.emplace(c.id, std::move(o));
  }

  // Compare with the list.
  std::vector<std::string> unexpected, no_longer, wrong_policy;
  for (const auto &[id, kind] : actual) {
    auto it = known.find(id);
    if (it == known.end() || it->second.kind != kind) {
      const auto &o = outcomes.at(id);
      unexpected.push_back(id + " " + std::string(kind_name(kind)) + "  (npq: " +
                           (o.lines.empty() ? "no diagnostics" : o.lines.front()) + ")");
    } else if (it->second.reason.rfind("npq policy", 0) == 0) {
      auto named = codes_named_in(it->second.reason);
      const auto &got = outcomes.at(id).rejecting_codes;
      bool any = named.empty() || std::any_of(named.begin(), named.end(), [&](const auto &code) {
                   return got.count(code) > 0;
                 });
      if (!any) {
        wrong_policy.push_back(id + ": listed as '" + it->second.reason +
                               "' but npq now rejects it with " + join(got));
      }
    }
  }
  std::vector<std::string> unexplained;
  for (const auto &[id, entry] : known) {
    if (entry.reason.empty() || entry.reason.rfind("TODO", 0) == 0) {
      unexplained.push_back(id);
    }
    auto it = actual.find(id);
    bool crashed = outcomes.count(id) > 0 && outcomes.at(id).status != Outcome::Status::ok &&
                   outcomes.at(id).status != Outcome::Status::bad_location;
    if (crashed) {
      continue; // already a hard failure
    }
    if (it == actual.end() || it->second != entry.kind) {
      std::string why =
          outcomes.count(id) == 0 ? "no such case in the suite" : "npq now agrees with the suite";
      no_longer.push_back(id + " " + std::string(kind_name(entry.kind)) + "  (" + why +
                          "; listed reason: " + entry.reason + ")");
    }
  }

  std::printf("yaml-test-suite: %zu cases (%zu valid, %zu invalid) from %s\n", cases.size(),
              valid_accepted + valid_rejected, invalid_rejected + invalid_accepted,
              suite.string().c_str());
  std::printf("  valid:   %zu accepted, %zu rejected\n", valid_accepted, valid_rejected);
  std::printf("  invalid: %zu rejected (%zu of them only by npq policy codes), %zu accepted\n",
              invalid_rejected, invalid_rejected_by_policy_only, invalid_accepted);
  std::printf("  agreement: %zu/%zu; crashes, timeouts or bad locations: %zu\n",
              valid_accepted + invalid_rejected, cases.size(), hard_failures.size());
  std::printf("  time: %.2f s in all, slowest %s %.0f ms\n", total_seconds, slowest_id.c_str(),
              slowest * 1000);

  for (const auto &f : hard_failures) {
    std::printf("FAIL %s\n", f.c_str());
  }

  if (update) {
    std::map<std::string, KnownEntry> next;
    for (const auto &[id, kind] : actual) {
      auto it = known.find(id);
      std::string reason = it != known.end() && it->second.kind == kind ? it->second.reason : "";
      if (reason.empty()) {
        reason = "TODO: reason [npq: " + join(outcomes.at(id).rejecting_codes) + "]";
      }
      next[id] = KnownEntry{kind, reason};
    }
    if (!write_known(known_file, next)) {
      std::cerr << "cannot write " << known_file.string() << "\n";
      return 1;
    }
    std::printf("wrote %zu entries to %s (%zu new, %zu dropped)\n", next.size(),
                known_file.string().c_str(), unexpected.size(), no_longer.size());
    return hard_failures.empty() ? 0 : 1;
  }

  for (const auto &u : unexpected) {
    std::printf("NEW DIFFERENCE (not in known-differences.txt): %s\n", u.c_str());
  }
  for (const auto &n : no_longer) {
    std::printf("LISTED BUT NO LONGER DIFFERENT (remove it from known-differences.txt): %s\n",
                n.c_str());
  }
  for (const auto &w : wrong_policy) {
    std::printf("POLICY REASON NO LONGER MATCHES: %s\n", w.c_str());
  }
  for (const auto &u : unexplained) {
    std::printf("NO REASON GIVEN in known-differences.txt: %s\n", u.c_str());
  }
  bool ok = hard_failures.empty() && unexpected.empty() && no_longer.empty() &&
            wrong_policy.empty() && unexplained.empty();
  std::printf("%s: %zu known differences listed, %zu found\n", ok ? "PASS" : "FAIL", known.size(),
              actual.size());
  if (!ok && (!unexpected.empty() || !no_longer.empty())) {
    std::printf("To accept the new state: npq_yaml_suite --suite %s --known %s --update, then "
                "give every TODO a reason.\n",
                suite.string().c_str(), known_file.string().c_str());
  }
  return ok ? 0 : 1;
}
