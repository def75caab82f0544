#pragma once

#include <string_view>

#include "oncnav/common/result.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav::server {

// A patient id usable in a URL and a FHIR id: 1 to 64 of [A-Za-z0-9._-].
bool IsValidPatientId(std::string_view id);

// Reads a submitted patient document, detecting a native record or a FHIR Bundle exactly as
// `oncnav evaluate` does (dates checked against today), and checks that it carries a valid
// patient id. Errors name the field; nothing is stored by this function.
Result<ImportedRecord> ReadPatientDocument(std::string_view body, const KnowledgePack& pack);

}  // namespace oncnav::server
