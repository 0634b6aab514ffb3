// The front half of the pipeline for one file: bytes -> YAML documents -> structure -> model.
// Reference and domain checks (checks/) run on the models this produces.
#pragma once

#include "npq/diag/diagnostic.hpp"
#include "npq/format/spec.hpp"
#include "npq/model/model.hpp"
#include "npq/text/source.hpp"
#include "npq/yaml/load.hpp"

#include <memory>
#include <vector>

namespace npq {

struct ParsedDocument {
  int index = 0;
  const format::Kind *kind = nullptr;
  bool structure_ok = false; ///< no input, syntax or structure error: the model is complete
  model::Document model;     ///< built when structure_ok
};

struct ParsedFile {
  std::shared_ptr<const SourceFile> source; ///< shared so renderers can quote source lines
  std::vector<ParsedDocument> documents;
};

/// Loads every document of `source`, validates its structure and builds its model.
ParsedFile parse_file(SourceFile source, Diagnostics &out, const yaml::Limits &limits = {});

/// The same for a stream already loaded from `source` (the bundled data, parsed at build time).
ParsedFile parse_loaded(SourceFile source, const yaml::Stream &stream, Diagnostics &out);

} // namespace npq
