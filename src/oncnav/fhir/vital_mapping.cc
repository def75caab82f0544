#include "oncnav/fhir/vital_mapping.h"

#include <cmath>

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"
#include "oncnav/fhir/value_parsing.h"

namespace oncnav::fhir {

namespace {

// The Tumor BodyStructure a TumorSize observation's focus names, when it is in the Bundle.
std::optional<simdjson::dom::element> FocusBodyStructure(std::string_view id,
                                                         const ImportContext& ctx) {
  if (id.empty()) return std::nullopt;
  for (const auto& [structure_id, structure] : ctx.body_structures) {
    if (structure_id == id) return structure;
  }
  return std::nullopt;
}

std::string_view FirstIdentifier(const simdjson::dom::element& obj) {
  std::string_view value;
  ForEach(obj, "identifier", [&](const simdjson::dom::element& identifier) {
    if (value.empty()) value = Str(identifier, "value");
  });
  return value;
}

// The lesion's id, stable across assessments: the focus Reference's identifier, else the
// identifier of the Tumor BodyStructure it references, else that reference's id; without a focus,
// the body site (with an ordinal when the scan already holds a lesion of that site).
std::string LesionId(const simdjson::dom::element& res, std::string_view organ,
                     const ImagingAssessment& scan, const ImportContext& ctx) {
  std::string_view id;
  ForEach(res, "focus", [&](const simdjson::dom::element& focus) {
    if (!id.empty()) return;
    if (auto identifier = Member(focus, "identifier")) id = Str(*identifier, "value");
    if (!id.empty()) return;
    auto reference = ReferenceId(Str(focus, "reference"));
    if (auto structure = FocusBodyStructure(reference, ctx)) id = FirstIdentifier(*structure);
    if (id.empty()) id = reference;
  });
  if (!id.empty()) return std::string(id);
  std::string base = Cat({"site:", organ.empty() ? std::string_view("unspecified") : organ});
  int same_site = 0;
  for (const auto& lesion : scan.lesions) {
    std::string_view other = lesion.id;
    if (other.starts_with(base) && (other.size() == base.size() || other[base.size()] == '#')) {
      ++same_site;
    }
  }
  if (same_site == 0) return base;
  return Cat({base, "#", std::to_string(same_site + 1)});
}

// The organ of a lesion without an observation bodySite: its BodyStructure's location.
std::string_view LocationOf(const simdjson::dom::element& res, const ImportContext& ctx) {
  std::string_view organ;
  ForEach(res, "focus", [&](const simdjson::dom::element& focus) {
    if (!organ.empty()) return;
    if (auto structure = FocusBodyStructure(ReferenceId(Str(focus, "reference")), ctx)) {
      if (auto location = Member(*structure, "location")) organ = ConceptText(*location);
    }
  });
  return organ;
}

}  // namespace

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
    WarnValueForm(value, ctx, ecog ? "fhir.what.ecog" : "fhir.what.karnofsky");
    return;
  }
  double max = ecog ? 5 : 100;
  bool whole = std::floor(*number) == *number;
  bool on_scale = ecog || std::fmod(*number, 10) == 0;
  if (*number < 0 || *number > max || !whole || !on_scale) {
    ctx.Mark(ImportRule::kImplausible);
    ctx.Warn(value.element_name, "fhir.performance-off-scale",
             {{"score", FormatNumber(*number)},
              {"scale", ecog ? "@fhir.scale.ecog" : "@fhir.scale.karnofsky"}});
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
    WarnValueForm(value, ctx, "fhir.what.lab-quantity", {{"test", test.id}});
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
    ctx.Warn("valueQuantity", "fhir.lab-unit-not-accepted",
             {{"unit", std::string(value.unit)}, {"test", test.id}});
    return;
  }
  // As in the native reader: the plausibility check is applied to every lab value read.
  ctx.Mark(ImportRule::kLabPlausible);
  if (*canonical < test.plausible_min || *canonical > test.plausible_max) {
    ctx.Mark(ImportRule::kImplausible);
    ctx.Warn("valueQuantity", "fhir.lab-implausible",
             {{"test", test.id},
              {"value", FormatNumber(value.number)},
              {"unit", std::string(unit)},
              {"converted", FormatNumber(*canonical)},
              {"canonical", test.canonical_unit},
              {"min", FormatNumber(test.plausible_min)},
              {"max", FormatNumber(test.plausible_max)}});
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
    ctx.Warn("specimen", "fhir.tumour-size-on-specimen");
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
    ctx.Warn("component", "fhir.tumour-size-without-longest");
    return;
  }
  if (!longest) return;
  std::string_view modality;
  std::string_view method_text;
  if (auto method = Member(res, "method")) {
    modality = LookupCode(ctx.codes, CodeTable::kImagingMethod, *method);
    if (modality.empty()) method_text = ConceptText(*method);
  }
  if (modality.empty()) modality = method_text;
  std::string_view organ;
  if (auto site = Member(res, "bodySite")) organ = ConceptText(*site);

  // Rule FHIR-IMAGING-GROUP: the tumour sizes of one scan (same date, same method when both
  // name one) form one assessment.
  ctx.Mark(ImportRule::kImagingGroup);
  auto& imaging = ctx.out.record.imaging;
  ImagingAssessment* scan = nullptr;
  for (auto it = imaging.rbegin(); it != imaging.rend() && !scan; ++it) {
    if (it->date == date &&
        (it->modality.empty() || modality.empty() || it->modality == modality)) {
      scan = &*it;
    }
  }
  if (!scan) {
    imaging.emplace_back();
    scan = &imaging.back();
    scan->date = date;
  }
  if (scan->modality.empty() && !modality.empty()) scan->modality = std::string(modality);

  Lesion lesion;
  lesion.id = LesionId(res, organ, *scan, ctx);
  for (const auto& other : scan->lesions) {
    if (other.id != lesion.id) continue;
    ctx.Warn("focus", "fhir.lesion-measured-twice",
             {{"lesion", lesion.id}, {"date", date.ToString()}});
    return;
  }
  if (organ.empty()) organ = LocationOf(res, ctx);
  lesion.organ = std::string(organ);
  lesion.diameter_mm = longest;
  scan->lesions.push_back(std::move(lesion));
}

}  // namespace oncnav::fhir
