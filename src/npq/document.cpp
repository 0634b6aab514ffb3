#include "npq/document.hpp"

#include "npq/format/validate.hpp"
#include "npq/model/build.hpp"

#include <algorithm>

namespace npq {

namespace {

std::size_t blocking_errors(const Diagnostics &out, std::size_t from, int document) {
  std::size_t n = 0;
  for (std::size_t i = from; i < out.items().size(); ++i) {
    const auto &d = out.items()[i];
    auto category = info(d.code).category;
    bool blocking = category == Category::input || category == Category::syntax ||
                    category == Category::structure;
    if (d.severity == Severity::error && blocking && d.where.document == document) {
      ++n;
    }
  }
  return n;
}

// Structure and model for each document of a loaded stream; `first` is where this file's findings
// start in `out`.
ParsedFile build_documents(std::shared_ptr<const SourceFile> source_file,
                           const yaml::Stream &stream, std::size_t first, Diagnostics &out) {
  ParsedFile result;
  result.source = std::move(source_file);
  const SourceFile &source = *result.source;
  for (std::size_t i = 0; i < stream.documents.size(); ++i) {
    const auto &doc = stream.documents[i];
    int index = static_cast<int>(i);
    if (doc.root->is_null()) {
      continue; // reported by the loader
    }
    ParsedDocument parsed;
    parsed.index = index;
    parsed.kind = format::validate_structure(*doc.root, source, index, out);
    parsed.structure_ok = parsed.kind != nullptr && blocking_errors(out, first, index) == 0;
    if (parsed.structure_ok) {
      parsed.model = model::build(*doc.root, parsed.kind->name, source, index);
    }
    result.documents.push_back(std::move(parsed));
  }
  return result;
}

} // namespace

ParsedFile parse_file(SourceFile source_file, Diagnostics &out, const yaml::Limits &limits) {
  auto source = std::make_shared<const SourceFile>(std::move(source_file));
  std::size_t first = out.items().size();
  yaml::Stream stream = yaml::load(*source, out, limits);
  return build_documents(std::move(source), stream, first, out);
}

ParsedFile parse_loaded(SourceFile source_file, const yaml::Stream &stream, Diagnostics &out) {
  std::size_t first = out.items().size();
  return build_documents(std::make_shared<const SourceFile>(std::move(source_file)), stream, first,
                         out);
}

} // namespace npq
