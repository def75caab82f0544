#include "oncnav/server/patient_document.h"

#include "oncnav/record/load_record.h"

namespace oncnav::server {

bool IsValidPatientId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<ImportedRecord> ReadPatientDocument(std::string_view body, const KnowledgePack& pack) {
  thread_local simdjson::dom::parser parser;  // reused: no allocation per request
  auto record = LoadRecord(body, pack, Date::Today(), parser);
  if (!record) return record;
  const std::string& id = record->record.demographics.id;
  if (!IsValidPatientId(id)) {
    return Error{ErrorCode::kInvalidValue, record->format == "fhir" ? "Patient.id" : "patient.id",
                 "a stored patient needs an id of 1 to 64 letters, digits, '.', '_' or '-'"};
  }
  return record;
}

}  // namespace oncnav::server
