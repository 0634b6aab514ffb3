#include "npq/markup/text_table.hpp"

#include "npq/text/width.hpp"

#include <algorithm>
#include <numeric>

namespace npq::markup {

namespace {

constexpr std::size_t kGap = 2;       // spaces between columns
constexpr std::size_t kNarrowest = 6; // a wrapped column is never narrower than this...
constexpr std::size_t kLongWord = 24; // ...nor kept wider than this to spare one long word

std::size_t widest_line(const std::string &cell) {
  std::size_t w = 0;
  for (const auto &line : text::wrap(cell, 0)) {
    w = std::max(w, text::display_width(line));
  }
  return w;
}

std::size_t widest_word(const std::string &cell) {
  std::size_t w = 0;
  for (const auto &line : text::wrap(cell, 0)) {
    for (std::size_t i = 0; i <= line.size();) {
      std::size_t space = std::min(line.find(' ', i), line.size());
      w = std::max(w, text::display_width(std::string_view(line).substr(i, space - i)));
      i = space + 1;
    }
  }
  return w;
}

struct Column {
  std::size_t index;
  std::size_t natural; // widest cell, unwrapped
  std::size_t least;   // narrowest it can be wrapped to
};

std::string pad(const std::string &text, std::size_t width, bool right) {
  std::size_t w = text::display_width(text);
  std::string spaces(width > w ? width - w : 0, ' ');
  return right ? spaces + text : text + spaces;
}

} // namespace

std::string TerminalTable::str() const {
  const std::size_t n = header.size();
  auto right = [&](std::size_t i) { return i < right_aligned.size() && right_aligned[i]; };
  auto keep_whole = [&](std::size_t i) { return i < whole.size() && whole[i]; };
  auto cell = [&](const std::vector<std::string> &row, std::size_t i) {
    return i < row.size() ? row[i] : std::string();
  };
  std::vector<Column> columns;
  for (std::size_t i = 0; i < n; ++i) {
    Column c{i, widest_line(header[i]), 0};
    std::size_t cells = 0;
    std::size_t word = widest_word(header[i]);
    for (const auto &row : rows) {
      cells = std::max(cells, widest_line(cell(row, i)));
      word = std::max(word, widest_word(cell(row, i)));
    }
    c.natural = std::max(c.natural, cells);
    // Figures (right-aligned) and whole columns never wrap, though their heading may; text
    // wraps at spaces.
    c.least = right(i) || keep_whole(i)
                  ? std::max(cells, std::min(word, kLongWord))
                  : std::min(c.natural, std::max(kNarrowest, std::min(word, kLongWord)));
    columns.push_back(c);
  }
  auto span = [](const std::vector<Column> &cs, auto width_of) {
    std::size_t total = 0;
    for (const auto &c : cs) {
      total += width_of(c);
    }
    return total + (cs.empty() ? 0 : kGap * (cs.size() - 1));
  };

  // Parts: every column at once if it fits wrapped, else the repeated columns with as many of
  // the others as fit beside them, part after part.
  std::vector<std::vector<Column>> parts;
  std::size_t keep = std::min(repeated, n);
  if (width == 0 || span(columns, [](const Column &c) { return c.least; }) <= width) {
    parts.push_back(columns);
  } else {
    std::vector<Column> part(columns.begin(), columns.begin() + static_cast<long>(keep));
    for (std::size_t i = keep; i < n; ++i) {
      part.push_back(columns[i]);
      if (part.size() > keep + 1 && span(part, [](const Column &c) { return c.least; }) > width) {
        part.pop_back();
        parts.push_back(part);
        part.assign(columns.begin(), columns.begin() + static_cast<long>(keep));
        part.push_back(columns[i]);
      }
    }
    parts.push_back(part);
  }

  std::string out;
  for (auto &part : parts) {
    // Widths: the natural ones if they fit; else start from the least and give the room left,
    // a column at a time, to the column that is furthest from its natural width.
    std::vector<std::size_t> widths;
    widths.reserve(part.size());
    for (const auto &c : part) {
      widths.push_back(c.natural);
    }
    if (width != 0 && span(part, [](const Column &c) { return c.natural; }) > width) {
      std::size_t used = span(part, [](const Column &c) { return c.least; });
      for (std::size_t k = 0; k < part.size(); ++k) {
        widths[k] = part[k].least;
      }
      for (; used < width; ++used) {
        std::size_t best = part.size();
        for (std::size_t k = 0; k < part.size(); ++k) {
          if (widths[k] < part[k].natural &&
              (best == part.size() ||
               part[k].natural - widths[k] > part[best].natural - widths[best])) {
            best = k;
          }
        }
        if (best == part.size()) {
          break;
        }
        ++widths[best];
      }
    }
    auto emit = [&](const std::vector<std::string> &cells) {
      std::vector<std::vector<std::string>> lines;
      std::size_t height = 1;
      for (std::size_t k = 0; k < part.size(); ++k) {
        lines.push_back(text::wrap(cell(cells, part[k].index), widths[k]));
        height = std::max(height, lines.back().size());
      }
      for (std::size_t h = 0; h < height; ++h) {
        std::string line;
        for (std::size_t k = 0; k < part.size(); ++k) {
          std::string piece = h < lines[k].size() ? lines[k][h] : std::string();
          line +=
              (k == 0 ? "" : std::string(kGap, ' ')) + pad(piece, widths[k], right(part[k].index));
        }
        while (!line.empty() && line.back() == ' ') {
          line.pop_back();
        }
        out += line + "\n";
      }
    };
    if (!out.empty()) {
      out += "\n";
    }
    emit(header);
    std::vector<std::string> rule(n);
    for (std::size_t k = 0; k < part.size(); ++k) {
      for (std::size_t j = 0; j < widths[k]; ++j) {
        rule[part[k].index] += "─";
      }
    }
    emit(rule);
    for (const auto &row : rows) {
      emit(row);
    }
  }
  return out;
}

} // namespace npq::markup
