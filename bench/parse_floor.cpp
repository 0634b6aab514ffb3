// The yaml-cpp parse-only floor for the benchmark: what parsing alone costs, with no checks.
//
//   parse_floor [--load | --libyaml] [-j N] PATH...
//
// Reads every *.yaml / *.yml file under the PATHs into memory (as npq does) and parses each
// with YAML::Parser::HandleNextDocument and a no-op YAML::EventHandler (the event API, the
// cheapest way through yaml-cpp). With --load it builds YAML::Node trees with YAML::LoadAll
// instead. -j N parses on N threads (default 1). Prints the number of files, bytes and events.
// With --libyaml it parses with libyaml's event API instead (yaml_parser_parse), for comparison
// with another parser; that needs -DNPQ_FLOOR_LIBYAML and -lyaml (Debian libyaml-dev).
// Build: g++ -O2 -std=c++20 parse_floor.cpp -lyaml-cpp -pthread (bench/run.sh does this).
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifdef NPQ_FLOOR_LIBYAML
#include <yaml.h>
#endif

namespace {

struct CountingHandler : YAML::EventHandler {
  std::size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    ++events;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

enum class Mode { events, load, libyaml };

#ifdef NPQ_FLOOR_LIBYAML
long long parse_libyaml(const std::string& path, const std::string& text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  long long events = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), parser.problem ? parser.problem : "error");
      yaml_parser_delete(&parser);
      return -1;
    }
    ++events;
    bool end = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (end) {
      break;
    }
  }
  yaml_parser_delete(&parser);
  return events;
}
#endif

// Returns the number of events (or documents with --load); -1 on a parse error.
long long parse_one(const std::string& path, Mode mode, std::size_t& bytes) {
  std::string text = read_all(path);
  bytes += text.size();
#ifdef NPQ_FLOOR_LIBYAML
  if (mode == Mode::libyaml) {
    return parse_libyaml(path, text);
  }
#endif
  bool load = mode == Mode::load;
  std::istringstream stream(text);
  try {
    if (load) {
      auto docs = YAML::LoadAll(stream);
      return static_cast<long long>(docs.size());
    }
    YAML::Parser parser(stream);
    CountingHandler handler;
    while (parser.HandleNextDocument(handler)) {
    }
    return static_cast<long long>(handler.events);
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), e.what());
    return -1;
  }
}

} // namespace

int main(int argc, char** argv) {
  Mode mode = Mode::events;
  unsigned jobs = 1;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--load") {
      mode = Mode::load;
    } else if (a == "--libyaml") {
#ifndef NPQ_FLOOR_LIBYAML
      std::fprintf(stderr, "built without libyaml (-DNPQ_FLOOR_LIBYAML -lyaml)\n");
      return 2;
#endif
      mode = Mode::libyaml;
    } else if (a == "-j" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (std::filesystem::is_directory(a)) {
      std::vector<std::string> found;
      for (const auto& e : std::filesystem::recursive_directory_iterator(a)) {
        auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
          found.push_back(e.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: parse_floor [--load | --libyaml] [-j N] PATH...\n");
    return 2;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<long long> total_events{0};
  std::atomic<std::size_t> total_bytes{0};
  std::atomic<int> failures{0};
  auto worker = [&] {
    std::size_t bytes = 0;
    long long events = 0;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      long long n = parse_one(files[i], mode, bytes);
      if (n < 0) {
        ++failures;
      } else {
        events += n;
      }
    }
    total_bytes += bytes;
    total_events += events;
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, files.size()); ++t) {
    threads.emplace_back(worker);
  }
  worker();
  for (auto& t : threads) {
    t.join();
  }
  std::printf("%zu files, %zu bytes, %lld %s%s\n", files.size(), total_bytes.load(),
              total_events.load(),
              mode == Mode::load ? "documents (YAML::LoadAll)"
                                 : (mode == Mode::libyaml ? "events (libyaml)" : "events (yaml-cpp)"),
              failures ? ", PARSE ERRORS" : "");
  return failures ? 1 : 0;
}
