// CLI11's help, wrapped to the terminal: option and command descriptions, the description and the
// footer are wrapped to the width (at most 100 columns), continuation lines indented.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>

namespace npq::cli {

std::shared_ptr<CLI::Formatter> wrapping_formatter(std::size_t width);

} // namespace npq::cli
