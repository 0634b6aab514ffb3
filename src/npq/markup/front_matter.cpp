#include "npq/markup/front_matter.hpp"

#include <yaml-cpp/yaml.h>

namespace npq::markup {

namespace {

// Two YAML values are equal when their scalars, sequences and mappings are (order of keys aside).
bool same(const YAML::Node &a, const YAML::Node &b) {
  if (a.Type() != b.Type()) {
    return false;
  }
  switch (a.Type()) {
  case YAML::NodeType::Scalar:
    return a.Scalar() == b.Scalar();
  case YAML::NodeType::Sequence:
    if (a.size() != b.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same(a[i], b[i])) {
        return false;
      }
    }
    return true;
  case YAML::NodeType::Map:
    if (a.size() != b.size()) {
      return false;
    }
    for (const auto &kv : a) {
      const YAML::Node other = b[kv.first.Scalar()];
      if (!other || !same(kv.second, other)) {
        return false;
      }
    }
    return true;
  default:
    return true;
  }
}

} // namespace

FrontMatter split_front_matter(std::string_view page) {
  FrontMatter fm;
  if (page.substr(0, 4) != "---\n") {
    fm.body = std::string(page);
    return fm;
  }
  std::size_t end = page.find("\n---\n", 3);
  if (end == std::string_view::npos) {
    fm.body = std::string(page);
    return fm;
  }
  fm.present = true;
  fm.yaml = std::string(page.substr(4, end + 1 - 4));
  fm.body = std::string(page.substr(end + 5));
  return fm;
}

PageComparison compare_pages(std::string_view committed, std::string_view generated) {
  PageComparison r;
  FrontMatter c = split_front_matter(committed);
  FrontMatter g = split_front_matter(generated);
  bool body_same = c.body == g.body;
  if (g.present) {
    YAML::Node ours = YAML::Load(g.yaml);
    YAML::Node theirs;
    try {
      theirs = c.present ? YAML::Load(c.yaml) : YAML::Node();
    } catch (const YAML::Exception &e) {
      r.problems.push_back(std::string("the front matter is not valid YAML: ") + e.what());
    }
    for (const auto &kv : ours) {
      std::string key = kv.first.Scalar();
      YAML::Node value = theirs.IsMap() ? theirs[key] : YAML::Node();
      if (!value) {
        r.problems.push_back("front matter: '" + key + "' is missing");
      } else if (!same(kv.second, value)) {
        r.problems.push_back("front matter: '" + key + "' is not what npq writes");
      }
    }
  }
  r.same = body_same && r.problems.empty();
  return r;
}

} // namespace npq::markup
