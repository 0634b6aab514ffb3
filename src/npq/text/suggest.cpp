#include "npq/text/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace npq {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

} // namespace

std::string nearest(std::string_view word, const std::vector<std::string_view> &candidates) {
  // A hint is a courtesy: none for a word or a list too long for one to help, so that a hostile
  // file of long unknown words costs at most candidates × 64² steps per word.
  constexpr std::size_t kMaxWord = 64;
  constexpr std::size_t kMaxCandidates = 500;
  if (word.size() > kMaxWord || candidates.size() > kMaxCandidates) {
    return {};
  }
  std::string w = lower(word);
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (auto candidate : candidates) {
    if (candidate.size() > kMaxWord) {
      continue;
    }
    std::string c = lower(candidate);
    std::size_t d = edit_distance(w, c);
    // A word that contains the candidate (or the reverse) is a strong hint: "hour" -> "hours".
    if (d > 0 && (c.find(w) != std::string::npos || w.find(c) != std::string::npos) &&
        std::min(w.size(), c.size()) >= 3) {
      d = std::min<std::size_t>(d, 1);
    }
    // Ties go to the candidate sharing the longest prefix ("NPQSLL" -> "NPQSL", not "NPQLL").
    auto prefix = [&](const std::string &x) {
      std::size_t n = 0;
      while (n < x.size() && n < w.size() && x[n] == w[n]) {
        ++n;
      }
      return n;
    };
    if (d < best_distance || (d == best_distance && prefix(c) > prefix(lower(best)))) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  std::size_t allowed = std::max<std::size_t>(2, w.size() / 3);
  if (best.empty() || best_distance > allowed) {
    return {};
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view> &candidates) {
  auto n = nearest(word, candidates);
  return n.empty() ? std::string() : fmt::format("did you mean '{}'?", n);
}

} // namespace npq
