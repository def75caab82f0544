#include "oncnav/record/load_record.h"

#include "oncnav/fhir/bundle_import.h"
#include "oncnav/record/native_reader.h"

namespace oncnav {

Result<ImportedRecord> LoadRecord(std::string_view json, const KnowledgePack& pack,
                                  const Date& as_of, simdjson::dom::parser& parser) {
  simdjson::dom::element root;
  if (auto err = parser.parse(json.data(), json.size()).get(root); err != simdjson::SUCCESS) {
    return TranslatableError(pack.texts, ErrorCode::kInvalidJson, "$", "input.invalid-json",
                             {{"detail", simdjson::error_message(err)}});
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    return TranslatableError(pack.texts, ErrorCode::kUnknownFormat, "$", "input.not-an-object");
  }
  if (obj["format"].error() == simdjson::SUCCESS) return ReadNativeRecord(root, pack, as_of);
  if (obj["resourceType"].error() == simdjson::SUCCESS) return ImportFhirBundle(root, pack, as_of);
  if (obj["patient"].error() == simdjson::SUCCESS) {
    // Looks like a native record that lost its header: say exactly what to add.
    return TranslatableError(pack.texts, ErrorCode::kMissingField, "format",
                             "input.missing-format");
  }
  return TranslatableError(pack.texts, ErrorCode::kUnknownFormat, "$", "input.unknown-format");
}

Result<ImportedRecord> LoadRecordFile(const std::string& path, const KnowledgePack& pack,
                                      const Date& as_of) {
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path).get(text) != simdjson::SUCCESS) {
    return TranslatableError(pack.texts, ErrorCode::kFileNotFound, path, "input.file-unreadable");
  }
  simdjson::dom::parser parser;
  return LoadRecord(std::string_view(text.data(), text.size()), pack, as_of, parser);
}

}  // namespace oncnav
