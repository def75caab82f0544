#pragma once

#include <simdjson.h>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// Procedure -> Procedure (kind from codes.json table "procedure", by code then by words).
// Surgery dates are kept for the neoadjuvant/adjuvant decision.
void MapProcedure(const simdjson::dom::element& res, ImportContext& ctx);

}  // namespace oncnav::fhir
