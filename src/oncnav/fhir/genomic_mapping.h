#pragma once

#include <simdjson.h>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// Genomics Reporting variant (LOINC 69548-6): germline results become GermlineTests, somatic
// (or unstated) results SomaticVariants, one per gene studied.
void MapGenomicVariant(const simdjson::dom::element& res, const Date& date, ImportContext& ctx);

}  // namespace oncnav::fhir
