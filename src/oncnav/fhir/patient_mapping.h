#pragma once

#include <simdjson.h>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// Patient -> Demographics (id, sex, birth date). Menopausal status has no code in the shared
// mCODE/Synthea material, so it stays unknown (docs/fhir-mapping.md).
void MapPatient(const simdjson::dom::element& res, ImportContext& ctx);

}  // namespace oncnav::fhir
