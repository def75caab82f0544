#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "oncnav/common/result.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// Reads a patient from JSON text, detecting the format: a native record has
// "format": "oncnav-patient"; a FHIR document has "resourceType" (which must be "Bundle").
// `parser` is reused across calls so repeated evaluations do not reallocate.
Result<ImportedRecord> LoadRecord(std::string_view json, const KnowledgePack& pack,
                                  const Date& as_of, simdjson::dom::parser& parser);

// The same for a file; a missing or unreadable file is kFileNotFound naming the path.
Result<ImportedRecord> LoadRecordFile(const std::string& path, const KnowledgePack& pack,
                                      const Date& as_of);

}  // namespace oncnav
