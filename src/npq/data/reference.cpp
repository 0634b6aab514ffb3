#include "npq/data/reference.hpp"

#include "npq/data/embedded.hpp"
#include "npq/document.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace npq {

namespace {

Location where(const model::DocumentInfo &doc, const model::Loc &loc) {
  return Location{doc.file, loc.line, loc.column, loc.pointer, doc.document};
}

template <typename T> bool vocabulary_has(const std::vector<T> &words, std::string_view id) {
  for (const auto &w : words) {
    if (w.id == id) {
      return true;
    }
    for (const auto &a : w.aliases) {
      if (a == id) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

ReferenceData ReferenceData::bundled(Diagnostics &out) {
  ReferenceData data;
  for (const auto &file : data::embedded_files()) {
    auto parsed = parse_loaded(
        SourceFile(std::string(kBundledPrefix) + std::string(file.name), std::string(file.text)),
        yaml::inflate(*file.tree), out);
    for (const auto &doc : parsed.documents) {
      data.add(doc.model, out);
    }
  }
  return data;
}

void ReferenceData::add(const model::Document &document, Diagnostics &out) {
  if (const auto *f = std::get_if<model::Framework>(&document)) {
    // The id and every former id must be new: each names one framework only.
    std::vector<model::Ref> names{model::Ref{f->id, f->loc}};
    names.insert(names.end(), f->aliases.begin(), f->aliases.end());
    for (const auto &name : names) {
      if (const auto *existing = framework(name.value)) {
        auto &d = out.add(Code::conflicting_reference_data, where(f->doc, name.loc),
                          existing->id == name.value
                              ? fmt::format("framework '{}' is already defined", name.value)
                              : fmt::format("framework '{}' is already a former id of '{}'",
                                            name.value, existing->id),
                          "give the framework a new id");
        d.notes.push_back({where(existing->doc, existing->loc), "the first definition"});
        return;
      }
    }
    m_frameworks.push_back(*f);
    return;
  }
  if (const auto *c = std::get_if<model::Catalogue>(&document)) {
    for (const auto &q : c->qualifications) {
      if (qualification(q.code) != nullptr) {
        out.add(Code::conflicting_reference_data, where(c->doc, q.loc),
                fmt::format("qualification '{}' is already in the catalogue", q.code),
                "give the qualification a new code");
        continue;
      }
      m_qualifications.push_back(q);
    }
    for (const auto &r : c->roles) {
      if (!has_role(r.id)) {
        m_roles.push_back(r);
      }
    }
    for (const auto &s : c->settings) {
      if (!has_setting(s.id)) {
        m_settings.push_back(s);
      }
    }
    m_catalogues.push_back(*c);
  }
}

const model::Qualification *ReferenceData::qualification(std::string_view code) const {
  for (const auto &q : m_qualifications) {
    if (q.code == code) {
      return &q;
    }
  }
  for (const auto &q : m_qualifications) {
    for (const auto &alias : q.aliases) {
      if (alias == code) {
        return &q;
      }
    }
  }
  return nullptr;
}

const model::Framework *ReferenceData::framework(std::string_view id) const {
  for (const auto &f : m_frameworks) {
    if (f.id == id) {
      return &f;
    }
  }
  for (const auto &f : m_frameworks) {
    for (const auto &alias : f.aliases) {
      if (alias.value == id) {
        return &f;
      }
    }
  }
  return nullptr;
}

bool ReferenceData::has_role(std::string_view id) const {
  return vocabulary_has(m_roles, id);
}
bool ReferenceData::has_setting(std::string_view id) const {
  return vocabulary_has(m_settings, id);
}

const model::VocabularyEntry *ReferenceData::setting(std::string_view id) const {
  for (const auto &s : m_settings) {
    if (s.id == id || std::find(s.aliases.begin(), s.aliases.end(), id) != s.aliases.end()) {
      return &s;
    }
  }
  return nullptr;
}

std::vector<std::string> ReferenceData::settings_containing(std::string_view id) const {
  const auto *first = setting(id);
  std::vector<std::string> out{first != nullptr ? first->id : std::string(id)};
  for (std::size_t i = 0; i < out.size(); ++i) { // breadth first; each setting once
    const auto *s = setting(out[i]);
    if (s == nullptr) {
      continue;
    }
    for (const auto &outer : s->within) {
      const auto *o = setting(outer);
      std::string name = o != nullptr ? o->id : outer;
      if (std::find(out.begin(), out.end(), name) == out.end()) {
        out.push_back(name);
      }
    }
  }
  return out;
}

std::vector<std::string_view> ReferenceData::qualification_codes() const {
  std::vector<std::string_view> out;
  for (const auto &q : m_qualifications) {
    out.push_back(q.code);
  }
  return out;
}

std::vector<std::string_view> ReferenceData::framework_ids() const {
  std::vector<std::string_view> out;
  for (const auto &f : m_frameworks) {
    out.push_back(f.id);
  }
  return out;
}

std::vector<std::string_view> ReferenceData::role_ids() const {
  std::vector<std::string_view> out;
  for (const auto &r : m_roles) {
    out.push_back(r.id);
  }
  return out;
}

std::vector<std::string_view> ReferenceData::setting_ids() const {
  std::vector<std::string_view> out;
  for (const auto &s : m_settings) {
    out.push_back(s.id);
  }
  return out;
}

} // namespace npq
