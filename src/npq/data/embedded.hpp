// The reference data bundled into the binary (generated from data/ at build time by
// src/tools/embed_data.cpp): each file's bytes and its YAML tree, parsed when npq was built.
#pragma once

#include "npq/yaml/flat.hpp"

#include <span>
#include <string_view>

namespace npq::data {

struct EmbeddedFile {
  std::string_view name; ///< path relative to data/, e.g. "frameworks/npqsl-2020.yaml"
  std::string_view text;
  const yaml::FlatStream *tree; ///< what yaml::load makes of text
};

std::span<const EmbeddedFile> embedded_files();

} // namespace npq::data
