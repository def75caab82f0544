#pragma once

#include <string>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/common/result.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// Reads a FHIR Bulk Data export directory (per-type *.ndjson files, one resource per line),
// groups resources by patient (the Patient/<id> reference in subject or patient) and imports
// each patient as ImportFhirBundle does, in Patient-file order. Errors name "<file>:<line>"
// and the element, e.g. "Condition.000.ndjson:12: onsetDateTime".
Result<std::vector<ImportedRecord>> ImportNdjsonDirectory(const std::string& dir,
                                                          const KnowledgePack& pack,
                                                          const Date& as_of);

}  // namespace oncnav
