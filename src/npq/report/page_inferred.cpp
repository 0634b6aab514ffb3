// What the encoder concluded rather than read ('inferred: {key: reason}' beside a key) is never
// shown as published: a page marks it "(inferred)" where it shows the value and says why.
#include "npq/report/glossary.hpp"
#include "npq/report/page_parts.hpp"

#include <algorithm>

namespace npq::report::parts {

namespace {

// `inner` is `outer` or lies inside it (a JSON Pointer prefix ending at a segment boundary).
bool within(std::string_view inner, std::string_view outer) {
  return inner.substr(0, outer.size()) == outer &&
         (inner.size() == outer.size() || inner[outer.size()] == '/');
}

} // namespace

std::string inferred(const model::DocumentInfo &doc, std::string_view pointer) {
  if (pointer.empty()) {
    return {}; // the whole document: no single value on the page stands for it
  }
  for (const auto &[at, reason] : doc.inferences) {
    if (within(pointer, at) || within(at, pointer)) {
      return reason;
    }
  }
  return {};
}

std::string marked(const model::DocumentInfo &doc, std::string text, std::string_view pointer) {
  std::string reason = text.empty() ? std::string() : inferred(doc, pointer);
  if (!reason.empty()) {
    text += " (inferred, not published: " + reason + ")";
  }
  return text;
}

namespace {

enum class Reading { published, value_inferred, periods_inferred };

Reading reading(const analysis::Figure &f, const model::Programme &p) {
  if (!inferred(p.doc, f.loc.pointer).empty()) {
    return Reading::value_inferred;
  }
  // The figures engine also marks a figure whose periods the summary's inferred 'periods' gives.
  return f.inferred.empty() ? Reading::published : Reading::periods_inferred;
}

std::string period_noun(const model::Programme &p) {
  return glossary::noun(p.route_map.period_kind.empty() ? "period" : p.route_map.period_kind);
}

} // namespace

bool figure_inferred(const analysis::Figure &f, const model::Programme &p) {
  return reading(f, p) == Reading::value_inferred;
}

std::string figure_marker(const analysis::Figure &f, const model::Programme &p) {
  switch (reading(f, p)) {
  case Reading::value_inferred:
    return "inferred";
  case Reading::periods_inferred:
    return "published; inferred for this " + period_noun(p);
  case Reading::published:
    break;
  }
  return "published";
}

std::string figure_words(const analysis::Figure &f, const model::Programme &p) {
  switch (reading(f, p)) {
  case Reading::value_inferred:
    return "inferred, not published";
  case Reading::periods_inferred:
    return "as published, inferred for this " + period_noun(p);
  case Reading::published:
    break;
  }
  return "as published";
}

bool hours_inferred(const model::Activity &a, const model::DocumentInfo &doc) {
  return !a.loc.pointer.empty() && (!inferred(doc, a.loc.pointer + "/hours").empty() ||
                                    !inferred(doc, a.loc.pointer + "/count").empty());
}

std::string inferred_part(const std::vector<const model::Activity *> &activities,
                          const model::DocumentInfo &doc) {
  auto n = std::count_if(activities.begin(), activities.end(),
                         [&](const model::Activity *a) { return hours_inferred(*a, doc); });
  if (n == 0) {
    return {};
  }
  return static_cast<std::size_t>(n) == activities.size() ? " (inferred)" : " (partly inferred)";
}

std::string inferred_part(const analysis::Total &total, const model::DocumentInfo &doc) {
  std::vector<const model::Activity *> activities;
  activities.reserve(total.parts.size());
  for (const auto &part : total.parts) {
    activities.push_back(part.activity);
  }
  return inferred_part(activities, doc);
}

std::string Inferences::mark(std::string text, const std::string &pointer,
                             const std::string &where) {
  if (doc == nullptr || text.empty()) {
    return text;
  }
  std::string reason = inferred(*doc, pointer);
  if (reason.empty()) {
    return text;
  }
  std::string note = where + ": inferred, not published: " + reason;
  if (std::find(notes.begin(), notes.end(), note) == notes.end()) {
    notes.push_back(std::move(note));
  }
  return text + " (inferred)";
}

void Inferences::add_notes(std::vector<PageBlock> &blocks) const {
  if (notes.empty()) {
    return;
  }
  PageList list;
  for (const auto &n : notes) {
    list.items.push_back({PageText(n)});
  }
  blocks.emplace_back(std::move(list));
}

} // namespace npq::report::parts
