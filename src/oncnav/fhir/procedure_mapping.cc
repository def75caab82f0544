#include "oncnav/fhir/procedure_mapping.h"

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"

namespace oncnav::fhir {

void MapProcedure(const simdjson::dom::element& res, ImportContext& ctx) {
  auto status = Str(res, "status");
  if (status == "not-done" || status == "entered-in-error" || status == "preparation") {
    ctx.Warn("status", "fhir.procedure-not-performed", {{"status", std::string(status)}});
    return;
  }
  auto code = Member(res, "code");
  if (!code) {
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn("code", "fhir.procedure-without-code");
    return;
  }
  Procedure procedure;
  ctx.Mark(ImportRule::kProcedureKind);  // every kept procedure is classed, 'other' included
  auto kind = LookupConcept(ctx.codes, CodeTable::kProcedure, *code);
  if (kind == "surgery") {
    procedure.kind = ProcedureKind::kSurgery;
  } else if (kind == "biopsy") {
    procedure.kind = ProcedureKind::kBiopsy;
  } else if (kind == "radiotherapy") {
    procedure.kind = ProcedureKind::kRadiotherapy;
  } else if (kind == "dental_examination") {
    procedure.kind = ProcedureKind::kDentalExamination;
  }
  procedure.description = std::string(ConceptText(*code));
  ForEach(res, "bodySite", [&](const simdjson::dom::element& site) {
    if (procedure.site.empty()) procedure.site = std::string(ConceptText(site));
  });
  procedure.date = ctx.ReadTiming(res, "performed");
  if (procedure.kind == ProcedureKind::kSurgery && procedure.date) {
    ctx.surgery_dates.push_back(*procedure.date);
  }
  ctx.out.record.procedures.push_back(std::move(procedure));
}

}  // namespace oncnav::fhir
