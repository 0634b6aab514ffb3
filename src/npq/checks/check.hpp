// Checks that run on the model: references against reference data, and the domain rules.
// Each check appends findings; none prints, throws on bad data, or depends on check order.
#pragma once

#include "npq/data/reference.hpp"
#include "npq/diag/diagnostic.hpp"
#include "npq/model/model.hpp"
#include "npq/yaml/load.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace npq::checks {

/// A file that a document names (its source document, a suite member's programme file), as the
/// session found it.
struct Related {
  enum class Status { read, outside_project, unreadable };
  Status status = Status::unreadable;
  std::shared_ptr<const std::string> text; ///< when read
  std::string key; ///< the resolved path: the same for every document that names the same file
};

/// One document's quotes, waiting to be searched for in its source document (check_quotes).
struct QuoteCheck {
  const model::DocumentInfo *doc;
  std::string named; ///< the source document as the document names it
  Related source;
};

/// Shared by every check: where reference data comes from and where findings go.
struct Context {
  const ReferenceData &data;
  Diagnostics &out;
  /// Reads a file named relative to the checked file, if it lies inside the checked file's
  /// project. Left unset in contexts without file access (the fuzzer, unit tests).
  std::function<Related(const std::string &from_file, const std::string &path)> read_related;
  /// The session's loader limits, for files a check parses itself (a suite's member programmes).
  yaml::Limits limits;
  /// What "about" means: a published "about 20" holds within 20 ± this fraction.
  double about_tolerance = 0.10;
  /// Hours in a day from the configuration, for figures in days the programme does not convert.
  std::optional<double> hours_per_day;
  /// When set, check_provenance leaves its quotes here, and the session calls check_quotes once
  /// for the whole file: its documents that cite one source are then checked in one pass over
  /// it. When null, each document's quotes are checked at once.
  std::vector<QuoteCheck> *pending_quotes = nullptr;
};

inline Location at(const model::DocumentInfo &doc, const model::Loc &loc) {
  return Location{doc.file, loc.line, loc.column, loc.pointer, doc.document};
}

void check_references(const model::Programme &programme, const Context &ctx);
void check_references(const model::Suite &suite, const Context &ctx);
void check_references(const model::Framework &framework, const Context &ctx);
void check_references(const model::Catalogue &catalogue, const Context &ctx);

// Domain checks, one family per file.
void check_hours(const model::Programme &programme, const Context &ctx);
void check_choices(const model::Programme &programme, const Context &ctx);
void check_coverage(const model::Programme &programme, const Context &ctx);
void check_calendar(const model::Programme &programme, const Context &ctx);
void check_calendar(const model::Suite &suite, const Context &ctx);
void check_assessment(const model::Programme &programme, const Context &ctx);
void check_assessment(const model::Suite &suite, const Context &ctx);
void check_funding(const model::Programme &programme, const Context &ctx);
void check_funding(const model::Suite &suite, const Context &ctx);
void check_funding(const model::DocumentInfo &doc, const std::vector<model::Funding> &funding,
                   const Context &ctx);
void check_audience_funding(const model::DocumentInfo &doc, const model::Audience &audience,
                            const std::vector<model::Funding> &funding, const std::string &who,
                            const Context &ctx);
void check_behaviours(const model::Programme &programme, const Context &ctx);
void check_provenance(const model::DocumentInfo &doc, const model::Source &source,
                      const Context &ctx);
/// Reports that a document names a file outside its project (which is not read).
void report_outside_project(const model::DocumentInfo &doc, const model::Loc &loc,
                            std::string_view what, const std::string &path, const Context &ctx);
/// Reports the quotes that are not in their source documents: one pass over each source, for
/// all the quotes that cite it.
void check_quotes(const std::vector<QuoteCheck> &checks, const Context &ctx);
void check_provider(const model::Programme &programme, const Context &ctx);
void check_suite(const model::Suite &suite, const Context &ctx);

/// The first and the last day a published date can mean ('2022' is all of 2022, 'autumn 2021'
/// starts on 1 September 2021), as numbers that compare in calendar order; empty if the text is
/// not a date.
struct DateSpan {
  long first = 0;
  long last = 0;
};
std::optional<DateSpan> date_span(const std::string &text);

/// Marks findings matched by the document's own 'suppress' entries (and `extra`, from a config
/// file) as suppressed, and reports suppressions that match nothing (NPQ390).
void apply_suppressions(const model::DocumentInfo &doc,
                        const std::vector<model::Suppression> &extra, Diagnostics &out);

/// Runs every check that applies to a document.
void check_document(const model::Document &document, const Context &ctx);

} // namespace npq::checks
