// Renderers: diagnostics in, text out. Each format is one pure function; choosing one, and where
// its output goes, is the CLI's business.
#pragma once

#include "npq/diag/diagnostic.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace npq {

enum class OutputFormat { text, json, sarif, github };

/// Parses "text", "json", "sarif" or "github".
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct RunSummary {
  std::size_t files = 0;      ///< files read (or attempted)
  std::size_t documents = 0;  ///< documents validated
  std::size_t unreadable = 0; ///< inputs that could not be read
  /// The configuration file in effect (as the user would name it), empty when none: a file in a
  /// parent folder can change every result, so the summary always says it was used...
  std::string configuration;
  std::size_t turned_off = 0; ///< ... how many findings it turned off ('severity: off')
  std::size_t lowered = 0;    ///< ... and how many it made less severe
};

struct RenderOptions {
  bool colour = false;
  bool show_suppressed = false; ///< text: also print suppressed findings
  /// text: hints and suppression reasons are wrapped to this width (0: never). A finding's first
  /// line and the quoted source line are never wrapped: editors and CI logs read them whole.
  std::size_t width = 0;
  std::string tool_version;
  /// SARIF: the folder npq runs in, as an absolute path. Files under it get URIs relative to
  /// %SRCROOT% (this folder); files elsewhere get absolute file:// URIs. Empty: paths as given.
  std::string root;
  /// SARIF: the address (https:// or file://) of a folder holding README.md and docs/checks.md,
  /// for the tool's informationUri and each rule's helpUri; empty when there is none.
  std::string documentation;
  /// Source line lookup for snippets under text findings; may be empty.
  std::function<std::string_view(const std::string &file, int line)> line_text;
};

std::string render_text(const Diagnostics &diagnostics, const RunSummary &summary,
                        const RenderOptions &options);
std::string render_json(const Diagnostics &diagnostics, const RunSummary &summary,
                        const RenderOptions &options);
std::string render_sarif(const Diagnostics &diagnostics, const RunSummary &summary,
                         const RenderOptions &options);
std::string render_github(const Diagnostics &diagnostics, const RunSummary &summary,
                          const RenderOptions &options);

std::string render(OutputFormat format, const Diagnostics &diagnostics, const RunSummary &summary,
                   const RenderOptions &options);

/// "file:///a%20b/c" for the absolute path "/a b/c" (percent-encoded, '/' kept).
std::string file_uri(std::string_view absolute_path);

/// The one-line summary ("2 files: 1 error, 3 warnings, 0 notes; 1 suppressed").
std::string summary_line(const Diagnostics &diagnostics, const RunSummary &summary);

} // namespace npq
