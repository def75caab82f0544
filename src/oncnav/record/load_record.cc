#include "oncnav/record/load_record.h"

#include "oncnav/fhir/bundle_import.h"
#include "oncnav/record/native_reader.h"

namespace oncnav {

Result<ImportedRecord> LoadRecord(std::string_view json, const KnowledgePack& pack,
                                  const Date& as_of, simdjson::dom::parser& parser) {
  simdjson::dom::element root;
  if (auto err = parser.parse(json.data(), json.size()).get(root); err != simdjson::SUCCESS) {
    return Error{ErrorCode::kInvalidJson, "$",
                 std::string("not well-formed JSON: ") + simdjson::error_message(err)};
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    return Error{ErrorCode::kUnknownFormat, "$",
                 "expected a JSON object (an oncnav patient record or a FHIR Bundle)"};
  }
  if (obj["format"].error() == simdjson::SUCCESS) return ReadNativeRecord(root, pack, as_of);
  if (obj["resourceType"].error() == simdjson::SUCCESS) return ImportFhirBundle(root, pack, as_of);
  if (obj["patient"].error() == simdjson::SUCCESS) {
    // Looks like a native record that lost its header: say exactly what to add.
    return Error{ErrorCode::kMissingField, "format",
                 "is required: a native record starts with \"format\": \"oncnav-patient\""};
  }
  return Error{ErrorCode::kUnknownFormat, "$",
               "has neither \"format\" (oncnav patient record) nor \"resourceType\" (FHIR)"};
}

Result<ImportedRecord> LoadRecordFile(const std::string& path, const KnowledgePack& pack,
                                      const Date& as_of) {
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path).get(text) != simdjson::SUCCESS) {
    return Error{ErrorCode::kFileNotFound, path, "cannot be read"};
  }
  simdjson::dom::parser parser;
  return LoadRecord(std::string_view(text.data(), text.size()), pack, as_of, parser);
}

}  // namespace oncnav
