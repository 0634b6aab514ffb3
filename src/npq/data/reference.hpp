// Reference data: the NPQ catalogue, vocabularies and DfE frameworks that programmes are checked
// against. The bundled files are embedded in the binary; --data folders add more of the same kind.
#pragma once

#include "npq/diag/diagnostic.hpp"
#include "npq/model/model.hpp"

#include <deque>
#include <string_view>
#include <vector>

namespace npq {

class ReferenceData {
public:
  /// The data embedded in the binary. A finding here would be a bug in npq's own data files.
  static ReferenceData bundled(Diagnostics &out);

  /// Adds the frameworks and catalogue entries of a parsed document; an id that is already
  /// known is reported (NPQ208) and not added.
  void add(const model::Document &document, Diagnostics &out);

  const model::Qualification *qualification(std::string_view code) const;
  /// The framework with this id or former id (alias), or null.
  const model::Framework *framework(std::string_view id) const;
  bool has_role(std::string_view id) const;
  bool has_setting(std::string_view id) const;
  /// The setting with this id or alias, or null.
  const model::VocabularyEntry *setting(std::string_view id) const;
  /// The setting's id followed by every setting it is within, directly or through others
  /// (a school-based nursery: state-funded-school, independent-school, early-years-setting).
  std::vector<std::string> settings_containing(std::string_view id) const;

  const std::deque<model::Framework> &frameworks() const { return m_frameworks; }
  const std::vector<model::Qualification> &qualifications() const { return m_qualifications; }
  const std::vector<model::VocabularyEntry> &roles() const { return m_roles; }
  const std::vector<model::VocabularyEntry> &settings() const { return m_settings; }
  const std::vector<model::Catalogue> &catalogues() const { return m_catalogues; }

  std::vector<std::string_view> qualification_codes() const;
  std::vector<std::string_view> framework_ids() const;
  std::vector<std::string_view> role_ids() const;
  std::vector<std::string_view> setting_ids() const;

private:
  std::deque<model::Framework> m_frameworks; // deque: pointers handed out stay valid
  std::vector<model::Qualification> m_qualifications;
  std::vector<model::VocabularyEntry> m_roles;
  std::vector<model::VocabularyEntry> m_settings;
  std::vector<model::Catalogue> m_catalogues;
};

} // namespace npq
