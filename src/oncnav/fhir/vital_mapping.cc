#include "oncnav/fhir/vital_mapping.h"

#include <cmath>

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"
#include "oncnav/fhir/value_parsing.h"

namespace oncnav::fhir {

void MapBodyMeasure(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                    ImportContext& ctx) {
  bool weight = kind == "body_weight";
  auto value = ReadQuantity(ReadValue(res), weight ? "weight" : "height", ctx, false);
  if (!value) return;
  auto& demo = ctx.out.record.demographics;
  auto& kept_date = weight ? ctx.weight_date : ctx.height_date;
  if (kept_date && date < *kept_date) return;  // an older measurement
  kept_date = date;
  (weight ? demo.weight_kg : demo.height_cm) = *value;
}

void MapPerformance(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                    ImportContext& ctx) {
  bool ecog = kind == "ecog";
  FhirValue value = ReadValue(res);
  std::optional<double> number;
  if ((value.kind == ValueKind::kInteger || value.kind == ValueKind::kQuantity) &&
      value.has_number) {
    number = value.number;
  } else if (value.kind == ValueKind::kString) {
    number = ParseNumber(value.text);
  }
  if (!number) {
    WarnValueForm(value, ctx, ecog ? "an ECOG grade (0-5)" : "a Karnofsky score (0-100)");
    return;
  }
  double max = ecog ? 5 : 100;
  bool whole = std::floor(*number) == *number;
  bool on_scale = ecog || std::fmod(*number, 10) == 0;
  if (*number < 0 || *number > max || !whole || !on_scale) {
    ctx.Mark(ImportRule::kImplausible);
    ctx.Warn(value.element_name,
             Cat({FormatNumber(*number), " is not on the ",
                  ecog ? "ECOG scale (0-5)" : "Karnofsky scale (0-100 by 10)", "; not used"}));
    return;
  }
  PerformanceStatus ps;
  ps.date = date;
  ps.scale = ecog ? PerformanceScale::kEcog : PerformanceScale::kKarnofsky;
  ps.value = static_cast<int>(*number);
  ctx.out.record.performance.push_back(ps);
}

void MapLab(const simdjson::dom::element& res, const LabTest& test, const Date& date,
            ImportContext& ctx) {
  FhirValue value = ReadValue(res);
  if (value.kind != ValueKind::kQuantity || !value.has_number) {
    WarnValueForm(value, ctx, Cat({"a ", test.id, " quantity"}));
    return;
  }
  std::string_view unit = value.unit;
  auto canonical = ctx.pack.labs.ToCanonical(test, value.number, unit);
  if (!canonical && !value.unit_text.empty()) {
    unit = value.unit_text;
    canonical = ctx.pack.labs.ToCanonical(test, value.number, unit);
  }
  if (!canonical) {
    ctx.Mark(ImportRule::kImplausible);
    ctx.Warn("valueQuantity",
             Cat({"unit '", value.unit, "' is not accepted for ", test.id, "; not used"}));
    return;
  }
  // As in the native reader: the plausibility check is applied to every lab value read.
  ctx.Mark(ImportRule::kLabPlausible);
  if (*canonical < test.plausible_min || *canonical > test.plausible_max) {
    ctx.Mark(ImportRule::kImplausible);
    ctx.Warn("valueQuantity",
             Cat({test.id, " ", FormatNumber(value.number), " ", unit, " (",
                  FormatNumber(*canonical), " ", test.canonical_unit,
                  ") is outside the plausible range ", FormatNumber(test.plausible_min), "-",
                  FormatNumber(test.plausible_max), " ", test.canonical_unit, "; not used"}));
    return;
  }
  if (unit != test.canonical_unit) ctx.Mark(ImportRule::kLabUnits);
  LabResult lab;
  lab.date = date;
  lab.test = test.id;
  lab.value = *canonical;
  lab.unit = test.canonical_unit;
  lab.original_value = value.number;
  lab.original_unit = std::string(unit);
  ctx.out.record.labs.push_back(std::move(lab));
}

void MapTumorSize(const simdjson::dom::element& res, const Date& date, ImportContext& ctx) {
  if (Member(res, "specimen")) {
    // Measured on a specimen (gross pathology): not an imaging measurement for RECIST.
    ctx.Warn("specimen",
             "tumour size measured on a specimen (pathology), not on imaging; "
             "not used as an imaging assessment");
    return;
  }
  std::optional<double> longest;
  bool seen = false;
  ForEach(res, "component", [&](const simdjson::dom::element& component) {
    auto code = Member(component, "code");
    if (seen || !code ||
        LookupCode(ctx.codes, CodeTable::kComponent, *code) != "longest_dimension") {
      return;
    }
    seen = true;
    longest = ReadQuantity(ReadValue(component), "length", ctx, false);
  });
  if (!seen) {
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn("component", "tumour size without a longest dimension (LOINC 33728-7); not used");
    return;
  }
  if (!longest) return;
  ImagingAssessment assessment;
  assessment.date = date;
  if (auto method = Member(res, "method")) {
    assessment.modality = std::string(LookupCode(ctx.codes, CodeTable::kImagingMethod, *method));
    if (assessment.modality.empty()) assessment.modality = std::string(ConceptText(*method));
  }
  Lesion lesion;
  // The Tumor BodyStructure in `focus` identifies the lesion across assessments.
  lesion.id = std::string(ReferenceIdOf(res, "focus"));
  ForEach(res, "focus", [&](const simdjson::dom::element& focus) {
    if (lesion.id.empty()) lesion.id = std::string(ReferenceId(Str(focus, "reference")));
  });
  if (lesion.id.empty()) lesion.id = std::string(Str(res, "id"));
  if (auto site = Member(res, "bodySite")) lesion.organ = std::string(ConceptText(*site));
  lesion.diameter_mm = longest;
  assessment.lesions.push_back(std::move(lesion));
  ctx.out.record.imaging.push_back(std::move(assessment));
}

}  // namespace oncnav::fhir
