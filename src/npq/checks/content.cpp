// Content checks: leadership behaviours complete and not copied over one another; a named
// provider; a traceable source, and every quote found in it.
#include "npq/checks/check.hpp"

#include <fmt/format.h>
#include <map>

namespace npq::checks {

namespace {

// Loose comparison for quotes: white space collapsed, typographic quotes, apostrophes and
// dashes folded to their ASCII forms.
std::string normalise(std::string_view text) {
  std::string out;
  bool space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::string_view rest = text.substr(i);
    auto starts = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
    std::string replacement;
    std::size_t width = 1;
    if (starts("\xE2\x80\x98") || starts("\xE2\x80\x99")) {
      replacement = "'", width = 3;
    } else if (starts("\xE2\x80\x9C") || starts("\xE2\x80\x9D")) {
      replacement = "\"", width = 3;
    } else if (starts("\xE2\x80\x93") || starts("\xE2\x80\x94")) {
      replacement = "-", width = 3;
    } else if (starts("\xC2\xA0")) {
      replacement = " ", width = 2;
    } else {
      replacement = std::string(1, static_cast<char>(c));
    }
    i += width;
    if (replacement == " " || replacement == "\n" || replacement == "\r" || replacement == "\t") {
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
  if (source.document.empty() || !ctx.read_relative) {
    return;
  }
  auto text = ctx.read_relative(doc.file, source.document);
  if (!text) {
    ctx.out.add(Code::source_unreadable, at(doc, source.document_loc),
                fmt::format("the source document '{}' cannot be read", source.document),
                "the path is relative to this file");
    return;
  }
  std::string haystack = normalise(*text);
  for (const auto &q : doc.quotes) {
    if (haystack.find(normalise(q.value)) == std::string::npos) {
      ctx.out.add(Code::quote_not_in_source, at(doc, q.loc),
                  fmt::format("this quote is not in '{}'", source.document),
                  "copy the words exactly as published");
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
