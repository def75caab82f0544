#pragma once

#include <simdjson.h>

#include <string_view>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// ER, PgR, HER2 (status, IHC, ISH presence, ratio, copies) and Ki-67 observations, added to
// the pathology group of their specimen (or date). `kind` is the observation table concept.
void MapPathologyMarker(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                        ImportContext& ctx);
// Turns the collected groups into PathologyReports (rule FHIR-PATHOLOGY-GROUP).
void FinishPathology(ImportContext& ctx);

// PD-L1 (22C3, SP142): a numeric score with a stated scale becomes a PdL1Result.
void MapPdL1(const simdjson::dom::element& res, std::string_view kind, const Date& date,
             ImportContext& ctx);
// CA 15-3, CA 27.29, CEA -> TumorMarker in U/mL or ng/mL.
void MapSerumMarker(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                    ImportContext& ctx);

}  // namespace oncnav::fhir
