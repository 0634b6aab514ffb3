// The route map page as a model, built once from a programme or a suite and then written by one
// renderer per format (page_render.hpp): Markdown, HTML, SVG, JSON-LD and the Mermaid block. The
// model holds words, not markup: every renderer escapes by its own rules, and all of them say the
// same thing because the words come from here (and from glossary.hpp), never from a renderer.
#pragma once

#include "npq/analysis/figures.hpp"
#include "npq/data/reference.hpp"
#include "npq/model/model.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace npq::report {

/// A piece of text, with a link only where npq makes one (a suite's links to its members'
/// pages); user text never becomes a link.
struct PageText {
  std::string text;
  std::string href;
  PageText() = default;
  PageText(std::string t) : text(std::move(t)) {} // NOLINT: plain text converts implicitly
  PageText(const char *t) : text(t) {}            // NOLINT
  PageText(std::string t, std::string h) : text(std::move(t)), href(std::move(h)) {}
};

/// A table cell: one or more pieces (a suite's member row holds several links).
struct PageCell {
  std::vector<PageText> pieces;
  PageCell() = default;
  PageCell(std::string t) : pieces{PageText(std::move(t))} {} // NOLINT
  PageCell(const char *t) : pieces{PageText(t)} {}            // NOLINT
  PageCell(PageText t) : pieces{std::move(t)} {}              // NOLINT
  PageCell(std::vector<PageText> p) : pieces(std::move(p)) {} // NOLINT
  /// The cell's words, pieces joined.
  std::string text() const;
};

struct PageParagraph {
  std::string text;
};

struct PageList {
  std::vector<std::vector<PageText>> items; ///< each item: pieces written one after another
};

/// Labelled values ("Provider: UCL Institute of Education").
struct PageFacts {
  std::vector<std::pair<std::string, std::string>> items;
};

/// A table whose first column heads each row. No column is empty and no header is blank.
struct PageTable {
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<PageCell>> rows;
  std::vector<bool> numeric; ///< right-aligned columns
  bool last_row_total = false;
};

/// Where the picture of the route map goes (Mermaid in Markdown, the SVG in HTML).
struct PagePicture {};

using PageBlock = std::variant<PageParagraph, PageList, PageFacts, PageTable, PagePicture>;

struct PageSection {
  int level = 2;
  std::string title;
  std::vector<PageBlock> blocks;
};

/// The picture: one band per period and one for each slot outside them (before, throughout,
/// after), activities grouped by family with their hours.
struct MapGroup {
  int family = 0;    ///< glossary::Family, for colour and pattern
  std::string label; ///< "Live sessions"
  std::string hours; ///< "7 hours", "hours not published"
  /// Each activity: its name and its hours in words ("Two-hour clinics", "6 × 2 hours").
  std::vector<std::pair<std::string, std::string>> items;
};

struct MapBand {
  std::string title; ///< "Term one"
  std::string hours; ///< "18 hours"
  std::string note;  ///< "Alongside every term", for the strands that run throughout
  std::vector<MapGroup> groups;
  int choice = -1; ///< index into RouteMapPicture::choices for an elective
};

struct MapChoice {
  std::string label; ///< "Choose 2 of 7 further study modules"
};

struct RouteMapPicture {
  bool present = false;
  std::string title;       ///< the programme's title
  std::string description; ///< one sentence for <desc> and accessible names
  std::vector<MapBand> bands;
  std::vector<MapChoice> choices;
  std::optional<MapBand> throughout;
  std::optional<MapBand> before; ///< before the programme starts (an audit "before start")
  std::optional<MapBand> after;  ///< after the taught programme (an assessment clinic)
  std::string total;             ///< "Total: 75 hours as published"
};

/// What schema.org's Course needs, in the page's words.
struct CourseOffer {
  std::string category; ///< "Free", "Paid"
  std::optional<double> price;
  std::string currency;
  std::string description; ///< who it applies to
};

struct CourseData {
  std::string name;
  std::string description;
  std::string provider;
  std::string credential;
  std::vector<CourseOffer> offers;
  std::vector<std::string> modes; ///< "Online", "Onsite", "Blended"; empty when not stated
  std::string workload;           ///< "PT75H" when exact, else the total in words
  std::string duration;           ///< "P18M", empty when not a plain length
};

struct Page {
  bool suite = false;
  std::string title;
  std::string description;
  std::vector<PageSection> sections;
  RouteMapPicture picture;
  CourseData course;
  std::string source_file; ///< the YAML file, for the footer and the front matter
};

struct PageOptions {
  /// Show each contradiction (the page is only written with them when the provider asks).
  bool allow_contradictions = false;
  analysis::FigureOptions figures;
  /// The extension of sibling pages a suite links to: "md" or "html".
  std::string link_extension = "md";
};

Page build_page(const model::Programme &programme, const ReferenceData &data,
                const PageOptions &options);
Page build_page(const model::Suite &suite, const ReferenceData &data, const PageOptions &options);

} // namespace npq::report
