// The reference data bundled into the binary (generated from data/ by cmake/embed.cmake).
#pragma once

#include <span>
#include <string_view>

namespace npq::data {

struct EmbeddedFile {
  std::string_view name; ///< path relative to data/, e.g. "frameworks/npqsl-2020.yaml"
  std::string_view text;
};

std::span<const EmbeddedFile> embedded_files();

} // namespace npq::data
