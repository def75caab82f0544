#include "oncnav/fhir/observation_mapping.h"

#include "oncnav/fhir/biomarker_mapping.h"
#include "oncnav/fhir/condition_mapping.h"
#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/genomic_mapping.h"
#include "oncnav/fhir/text.h"
#include "oncnav/fhir/vital_mapping.h"

namespace oncnav::fhir {
namespace {

constexpr std::string_view kLoinc = "http://loinc.org";

const LabTest* FindLab(const simdjson::dom::element& code, const LabCatalog& labs) {
  const LabTest* test = nullptr;
  ForEachCoding(code, [&](std::string_view system, std::string_view value, std::string_view) {
    if (system == kLoinc) test = labs.FindByLoinc(value);
    return test != nullptr;
  });
  return test;
}

struct FirstCoding {
  std::string_view system, code;
  bool present = false;
};

// The first coding of a concept.
FirstCoding FirstCodingOf(const simdjson::dom::element& code) {
  FirstCoding first;
  ForEachCoding(code, [&](std::string_view system, std::string_view value, std::string_view) {
    first = {system, value, true};
    return true;
  });
  return first;
}

// "LOINC 72166-2 'Tobacco smoking status'" for messages about an unmapped code ("@fhir.no-code",
// the translated "(no code)", when there is neither).
std::string CodeLabel(std::string_view system, std::string_view value, std::string_view text,
                      bool has_coding) {
  std::string label;
  if (has_coding) label = Cat({system == kLoinc ? std::string_view("LOINC") : system, " ", value});
  if (!text.empty()) label += Cat({label.empty() ? "'" : " '", text, "'"});
  return label.empty() ? std::string("@fhir.no-code") : label;
}

bool IsPathologyMarker(std::string_view kind) {
  return kind == "er_presence" || kind == "er_percent" || kind == "pgr_presence" ||
         kind == "pgr_percent" || kind == "ki67" || kind.starts_with("her2");
}

}  // namespace

void MapObservation(const simdjson::dom::element& res, ImportContext& ctx) {
  auto status = Str(res, "status");
  if (status == "entered-in-error" || status == "cancelled") {
    ctx.Warn("status", "fhir.observation-status", {{"status", std::string(status)}});
    return;
  }
  auto code = Member(res, "code");
  if (!code) {
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn("code", "fhir.observation-without-code");
    return;
  }
  auto kind = LookupCode(ctx.codes, CodeTable::kObservation, *code);
  const LabTest* lab = kind.empty() ? FindLab(*code, ctx.pack.labs) : nullptr;
  if (kind.empty() && !lab) {
    // Grouped by first coding and text, like the label the message shows.
    auto first = FirstCodingOf(*code);
    auto text = ConceptText(*code);
    ctx.Unused(
        {"Observation", first.system, first.code, text}, "code", "fhir.observation-unmapped",
        "fhir.observation-unmapped-many", [&] {
          return Texts::Params{{"code", CodeLabel(first.system, first.code, text, first.present)}};
        });
    return;
  }
  if (kind == "disease_status") {
    // The record has no field for a clinician's disease-status call: oncnav derives response
    // from measurements (RECIST). Reported so the user knows it was seen.
    ctx.Warn("valueCodeableConcept", "fhir.disease-status-unused");
    return;
  }
  if (kind == "hormone_receptor_combined") {
    ctx.Warn("code", "fhir.receptor-combined");
    return;
  }
  size_t errors_before = ctx.errors.size();
  auto date = ctx.ReadTiming(res, "effective");
  if (!date) {
    if (ctx.errors.size() == errors_before)
      ctx.Warn("effective[x]", "fhir.observation-without-date");
    return;
  }
  if (lab) {
    MapLab(res, *lab, *date, ctx);
  } else if (IsPathologyMarker(kind)) {
    ctx.Mark(ImportRule::kMarkerCodes);
    MapPathologyMarker(res, kind, *date, ctx);
  } else if (kind == "pdl1_22c3" || kind == "pdl1_sp142") {
    ctx.Mark(ImportRule::kMarkerCodes);
    MapPdL1(res, kind, *date, ctx);
  } else if (kind == "ca15_3" || kind == "ca27_29" || kind == "cea") {
    ctx.Mark(ImportRule::kMarkerCodes);
    MapSerumMarker(res, kind, *date, ctx);
  } else if (kind == "genomic_variant") {
    MapGenomicVariant(res, *date, ctx);
  } else if (kind == "tumor_size") {
    MapTumorSize(res, *date, ctx);
  } else if (kind == "body_weight" || kind == "body_height") {
    MapBodyMeasure(res, kind, *date, ctx);
  } else if (kind == "ecog" || kind == "karnofsky") {
    MapPerformance(res, kind, *date, ctx);
  } else if (kind == "stage_group") {
    auto value = Member(res, "valueCodeableConcept");
    if (!value) {
      ctx.Mark(ImportRule::kUnmapped);
      ctx.Warn("value[x]", "fhir.stage-without-value");
    } else if (ctx.stage_from_observation.empty()) {
      ctx.stage_from_observation = ExtractStage(ConceptText(*value));
    }
  }
}

}  // namespace oncnav::fhir
