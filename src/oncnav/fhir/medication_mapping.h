#pragma once

#include <simdjson.h>

#include <string_view>

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// MedicationRequest / MedicationAdministration / MedicationStatement -> a DrugExposure for
// regimen grouping. Drugs are found by RxNorm code, then by name (coding display, text, and
// each run of words in them, so "Paclitaxel 100 MG Injection" finds paclitaxel).
// `medications` resolves medicationReference to a Medication resource of the bundle.
void MapMedication(
    const simdjson::dom::element& res, std::string_view type,
    const std::vector<std::pair<std::string_view, simdjson::dom::element>>& medications,
    ImportContext& ctx);

// The catalogue drug named by a medication CodeableConcept, or nullptr.
const Drug* FindDrug(const simdjson::dom::element& cc, const DrugCatalog& drugs);

}  // namespace oncnav::fhir
