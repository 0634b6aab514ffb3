// Content checks: leadership behaviours complete and not copied over one another; a named
// provider; a traceable source, and every quote found in it.
#include "npq/checks/check.hpp"
#include "npq/text/search.hpp"

#include <fmt/format.h>
#include <map>

namespace npq::checks {

namespace {

// Loose comparison for quotes: white space collapsed, typographic quotes, apostrophes and
// dashes folded to their ASCII forms. One pass, no allocation per character: a source document
// may be megabytes long.
std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::string_view rest = text.substr(i);
    auto starts = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
    std::string_view replacement = rest.substr(0, 1);
    if (starts("\xE2\x80\x98") || starts("\xE2\x80\x99")) {
      replacement = "'";
      i += 3;
    } else if (starts("\xE2\x80\x9C") || starts("\xE2\x80\x9D")) {
      replacement = "\"";
      i += 3;
    } else if (starts("\xE2\x80\x93") || starts("\xE2\x80\x94")) {
      replacement = "-";
      i += 3;
    } else if (starts("\xC2\xA0")) {
      replacement = " ";
      i += 2;
    } else {
      i += 1;
    }
    char c = replacement[0];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += replacement;
  }
  return out;
}

} // namespace

void check_behaviours(const model::Programme &p, const Context &ctx) {
  std::map<std::string, const model::Behaviour *> seen;
  for (const auto &b : p.behaviours) {
    if (b.description.empty()) {
      continue;
    }
    auto [it, inserted] = seen.emplace(normalise(b.description), &b);
    if (!inserted) {
      auto &d = ctx.out.add(Code::duplicate_description, at(p.doc, b.loc),
                            fmt::format("'{}' has word for word the same descriptor as '{}'",
                                        b.title, it->second->title),
                            "one of the two descriptors was probably copied by mistake");
      d.notes.push_back({at(p.doc, it->second->loc), fmt::format("'{}'", it->second->title)});
    }
  }
  if (p.behaviours.empty() || !p.framework) {
    return;
  }
  const auto *framework = ctx.data.framework(p.framework->value);
  if (framework == nullptr || framework->behaviours.empty()) {
    return;
  }
  std::string missing;
  for (const auto &fb : framework->behaviours) {
    bool listed = false;
    for (const auto &b : p.behaviours) {
      listed = listed || b.id.value == fb.id;
    }
    if (!listed) {
      missing += (missing.empty() ? "" : ", ") + fb.title;
    }
  }
  if (!missing.empty()) {
    ctx.out.add(Code::behaviours_incomplete, at(p.doc, p.behaviours.front().loc),
                fmt::format("the programme lists {} of the framework's {} behaviours; missing: {}",
                            p.behaviours.size(), framework->behaviours.size(), missing));
  }
}

void check_provenance(const model::DocumentInfo &doc, const model::Source &source,
                      const Context &ctx) {
  if (source.url.empty() && source.document.empty()) {
    ctx.out.add(Code::source_untraceable, at(doc, source.loc),
                "the source gives neither a url nor a document",
                "add 'url' or 'document' so the figures can be checked");
  }
  if (source.document.empty() || !ctx.read_related) {
    return;
  }
  Related related = ctx.read_related(doc.file, source.document);
  switch (related.status) {
  case Related::Status::outside_project:
    report_outside_project(doc, source.document_loc, "source document", source.document, ctx);
    return;
  case Related::Status::unreadable:
    ctx.out.add(Code::source_unreadable, at(doc, source.document_loc),
                fmt::format("the source document '{}' cannot be read", source.document),
                "the path is relative to this file");
    return;
  case Related::Status::read:
    break;
  }
  QuoteCheck check{&doc, source.document, std::move(related)};
  if (ctx.pending_quotes != nullptr) {
    ctx.pending_quotes->push_back(std::move(check));
  } else {
    check_quotes({check}, ctx);
  }
}

void report_outside_project(const model::DocumentInfo &doc, const model::Loc &loc,
                            std::string_view what, const std::string &path, const Context &ctx) {
  // The same words whatever the file holds and whether it exists: the finding must not tell a
  // programme anything about files outside its project.
  ctx.out.add(Code::outside_project, at(doc, loc),
              fmt::format("the {} '{}' is outside this file's project, so npq does not read it",
                          what, path),
              "keep it in the project (the nearest folder upwards holding .npq.yaml or .git), or "
              "name the folder to read from with --source-root");
}

void check_quotes(const std::vector<QuoteCheck> &checks, const Context &ctx) {
  std::map<std::string, std::vector<const QuoteCheck *>> by_source;
  for (const auto &c : checks) {
    by_source[c.source.key].push_back(&c);
  }
  for (const auto &[key, group] : by_source) {
    std::string haystack = normalise(*group.front()->source.text);
    std::vector<std::string> quotes;
    for (const auto *c : group) {
      for (const auto &q : c->doc->quotes) {
        quotes.push_back(normalise(q.value));
      }
    }
    std::vector<std::string_view> needles(quotes.begin(), quotes.end());
    std::vector<bool> found = occurs_in(haystack, needles);
    std::size_t i = 0;
    for (const auto *c : group) {
      for (const auto &q : c->doc->quotes) {
        if (!found[i++]) {
          ctx.out.add(Code::quote_not_in_source, at(*c->doc, q.loc),
                      fmt::format("this quote is not in '{}'", c->named),
                      "copy the words exactly as published");
        }
      }
    }
  }
}

void check_provider(const model::Programme &p, const Context &ctx) {
  if (p.provider.empty()) {
    ctx.out.add(Code::provider_not_named, at(p.doc, p.loc),
                "the programme names no provider: its source does not say who runs it");
  }
}

} // namespace npq::checks
