// The programme format, defined once as data. The structural validator (validate.hpp), the JSON
// Schemas in schemas/ (json_schema.hpp) and docs/format.md (reference_doc.hpp) are all derived
// from these definitions, so the three cannot disagree.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace npq::format {

enum class Shape { string, integer, number, boolean, enumeration, object, array, one_of };

struct Type;

struct Field {
  std::string_view key;
  const Type *type = nullptr;
  bool required = false;
  std::string_view meaning;
  std::string_view example; ///< a YAML snippet showing the key in use
};

struct EnumValue {
  std::string_view word;
  std::string_view meaning;
};

/// A regex compiled on first use: compiling all of the format's patterns costs about a
/// millisecond, a tenth of a typical run, and most commands never match one. Thread-safe.
class LazyRegex {
public:
  explicit LazyRegex(std::string_view pattern) : m_pattern(pattern) {}
  const std::regex &get() const {
    std::call_once(m_once, [this] {
      m_regex.emplace(std::string(m_pattern), std::regex::ECMAScript | std::regex::optimize);
    });
    return *m_regex;
  }

private:
  std::string_view m_pattern;
  mutable std::once_flag m_once;
  mutable std::optional<std::regex> m_regex;
};

struct Type {
  Shape shape = Shape::string;
  std::string_view name;    ///< named types become $defs in the schema and sections in the docs
  std::string_view summary; ///< one sentence for docs and schema descriptions
  // string
  std::string_view pattern;      ///< anchored ECMAScript regex (also valid in Python's re)
  std::string_view pattern_help; ///< what the pattern means, for messages
  /// Longest allowed value, in code points; set for every pattern, and checked before it:
  /// libstdc++'s regex_match recurses once per character, so an unbounded value could overflow
  /// the stack (a worker thread's first). Also the schema's maxLength.
  std::size_t max_length = 0;
  std::shared_ptr<LazyRegex> compiled; ///< set when pattern is; compiled on first use
  bool non_empty = false;              ///< minLength 1 for strings, minItems 1 for arrays
  // numbers: always finite (JSON has no .inf or .nan)
  std::optional<double> minimum;
  std::optional<double> maximum;
  // enumeration
  std::vector<EnumValue> values;
  // object
  std::vector<Field> fields;
  /// Two number keys whose values may not decrease (from, to); none when empty.
  std::pair<std::string_view, std::string_view> ordered;
  // array
  const Type *items = nullptr;
  /// Most items a list may hold. Far above any published programme, these bound the work of
  /// checks that compare one list with another (categories with activities, choices with
  /// periods), which would otherwise grow with the square of a hostile file's size.
  std::size_t max_items = 0;
  // one_of: alternatives must be mutually exclusive by shape or by required keys
  std::vector<const Type *> alternatives;

  const Field *field(std::string_view key) const;
  bool allows(std::string_view word) const;
};

/// A document kind: its discriminator value and root type.
struct Kind {
  std::string_view name; ///< "programme", "suite", "framework", "catalogue", "config"
  std::string_view title;
  std::string_view summary;
  const Type *root;
};

/// All document kinds, in a fixed order.
std::span<const Kind> kinds();
const Kind *find_kind(std::string_view name);

/// Frequently used named types, for code that needs their vocabularies (e.g. activity kinds).
const Type &activity_kind_type();
const Type &hours_type();

/// The largest figure any number in the format may take: far beyond any real programme, and
/// small enough that sums and products of figures stay exact and counts fit an int.
constexpr double kMaxFigure = 1e9;
/// The most items any list may hold (some lists allow fewer; see Type::max_items).
constexpr std::size_t kMaxItems = 1000;

/// The format version this build reads and writes.
constexpr int kFormatVersion = 1;

} // namespace npq::format
