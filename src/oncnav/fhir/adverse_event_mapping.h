#pragma once

#include <simdjson.h>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// AdverseEvent -> AdverseEvent: term from `event`, CTCAE grade from a grade extension, the
// suspected drug from suspectEntity. R4 `severity` (mild/moderate/severe) is not a CTCAE grade
// and is reported rather than converted.
void MapAdverseEvent(const simdjson::dom::element& res, ImportContext& ctx);

}  // namespace oncnav::fhir
