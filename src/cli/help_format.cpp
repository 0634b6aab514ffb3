#include "cli/help_format.hpp"

#include "npq/text/width.hpp"

#include <algorithm>
#include <sstream>

namespace npq::cli {

namespace {

constexpr std::size_t kNameColumn = 30; // CLI11's default: where descriptions start

class WrappingFormatter : public CLI::Formatter {
public:
  explicit WrappingFormatter(std::size_t width) : m_width(std::min<std::size_t>(width, 100)) {
    column_width(kNameColumn);
  }

  std::string make_option_desc(const CLI::Option *opt) const override {
    return indented(CLI::Formatter::make_option_desc(opt));
  }

  std::string make_subcommand(const CLI::App *sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), indented(sub->get_description()),
                             kNameColumn);
    return out.str();
  }

  std::string make_description(const CLI::App *app) const override {
    return lines(CLI::Formatter::make_description(app));
  }

  std::string make_footer(const CLI::App *app) const override {
    std::string footer = CLI::Formatter::make_footer(app);
    return footer.empty() ? footer : lines(footer);
  }

private:
  // Wrapped to the room right of the name column; CLI11 indents each line after the first.
  std::string indented(const std::string &text) const {
    std::size_t room = m_width > kNameColumn + 20 ? m_width - kNameColumn : 20;
    std::string out;
    for (const auto &line : text::wrap(text, room)) {
      out += (out.empty() ? "" : "\n") + line;
    }
    return out;
  }

  // Each line wrapped on its own, keeping its indentation; continuation lines indented further.
  std::string lines(const std::string &text) const {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      std::size_t indent = line.find_first_not_of(' ');
      if (indent == std::string::npos) {
        out += "\n";
        continue;
      }
      // Prose wraps flush; an indented line (an example command) continues further in.
      std::string lead(indent, ' ');
      out += text::wrap_paragraph(line.substr(indent), m_width, lead,
                                  indent == 0 ? lead : lead + "    ");
    }
    if (!text.empty() && text.back() != '\n' && !out.empty()) {
      out.pop_back();
    }
    return out;
  }

  std::size_t m_width;
};

} // namespace

std::shared_ptr<CLI::Formatter> wrapping_formatter(std::size_t width) {
  return std::make_shared<WrappingFormatter>(width);
}

} // namespace npq::cli
