#pragma once

#include <simdjson.h>

#include "oncnav/common/date.h"
#include "oncnav/common/result.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// Imports a FHIR R4 Bundle (any Bundle.type) for one patient into a PatientRecord
// (docs/fhir-mapping.md). Fails only for input that cannot be a patient bundle (top-level
// resourceType not "Bundle", an entry without a resource or resourceType) and for dates that
// are malformed, after `as_of` or before birth; the Error names the JSON path. Everything else
// that is not understood or implausible becomes an ImportWarning and the value is not used.
Result<ImportedRecord> ImportFhirBundle(const simdjson::dom::element& root,
                                        const KnowledgePack& pack, const Date& as_of);

}  // namespace oncnav
