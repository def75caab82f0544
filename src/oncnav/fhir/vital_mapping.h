#pragma once

#include <simdjson.h>

#include <string_view>

#include "oncnav/fhir/import_context.h"
#include "oncnav/knowledge/lab_catalog.h"

namespace oncnav::fhir {

// Body weight (kg) and height (cm); the most recent plausible value is kept.
void MapBodyMeasure(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                    ImportContext& ctx);
// ECOG 0-5 / Karnofsky 0-100 -> PerformanceStatus.
void MapPerformance(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                    ImportContext& ctx);
// A laboratory test of the pack's catalogue, converted to its canonical unit.
void MapLab(const simdjson::dom::element& res, const LabTest& test, const Date& date,
            ImportContext& ctx);
// Tumour size (21889-1) measured on imaging -> ImagingAssessment with one lesion.
void MapTumorSize(const simdjson::dom::element& res, const Date& date, ImportContext& ctx);

}  // namespace oncnav::fhir
