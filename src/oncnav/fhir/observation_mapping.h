#pragma once

#include <simdjson.h>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// Observation -> the record field its code maps to (codes.json table "observation", then the
// pack's laboratory catalogue by LOINC). Unmapped codes are reported once per code.
void MapObservation(const simdjson::dom::element& res, ImportContext& ctx);

}  // namespace oncnav::fhir
