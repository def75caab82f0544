#pragma once

#include <simdjson.h>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// Condition -> PrimaryCancer (breast primary) or MetastaticSite (secondary cancer).
// Other conditions are reported once per code and not used.
void MapCondition(const simdjson::dom::element& res, ImportContext& ctx);

// "American Joint Committee on Cancer stage IIIC (qualifier value)" -> "IIIC";
// "Stage 3A (qualifier value)" -> "3A". Returns the text without its "(...)" tag otherwise.
std::string ExtractStage(std::string_view display);

}  // namespace oncnav::fhir
