#include "oncnav/fhir/adverse_event_mapping.h"

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/medication_mapping.h"
#include "oncnav/fhir/text.h"
#include "oncnav/fhir/value_parsing.h"

namespace oncnav::fhir {
namespace {

// A grade 1-5 from an extension whose url mentions "grade" (valueInteger, or a coded value
// whose code or text is "Grade 3" / "3").
std::optional<int> GradeOf(const simdjson::dom::element& res) {
  std::optional<int> grade;
  ForEach(res, "extension", [&](const simdjson::dom::element& ext) {
    if (grade || !ContainsNoCase(Str(ext, "url"), "grade")) return;
    FhirValue value = ReadValue(ext);
    std::optional<double> number;
    if (value.kind == ValueKind::kInteger) {
      number = value.number;
    } else if (value.kind == ValueKind::kCodeable || value.kind == ValueKind::kString) {
      std::string_view text = value.kind == ValueKind::kString ? value.text : std::string_view();
      if (value.kind == ValueKind::kCodeable) {
        ForEachCoding(value.coded, [&](std::string_view, std::string_view code, std::string_view) {
          text = code;
          return true;
        });
        if (text.empty()) text = ConceptText(value.coded);
      }
      auto space = text.rfind(' ');
      if (space != std::string_view::npos) text = text.substr(space + 1);
      number = ParseNumber(text);
    }
    if (number && *number >= 1 && *number <= 5 && static_cast<int>(*number) == *number) {
      grade = static_cast<int>(*number);
    }
  });
  return grade;
}

}  // namespace

void MapAdverseEvent(const simdjson::dom::element& res, ImportContext& ctx) {
  if (Str(res, "actuality") == "potential") {
    ctx.Warn("actuality", "fhir.adverse-event-potential");
    return;
  }
  auto event = Member(res, "event");
  if (!event) {
    ctx.Warn("event", "fhir.adverse-event-without-event");
    return;
  }
  AdverseEvent ae;
  ae.term = std::string(ConceptText(*event));
  ae.date = ctx.ReadDate(res, "date");
  if (!ae.date) ae.date = ctx.ReadDate(res, "detected");
  if (auto grade = GradeOf(res)) {
    ae.grade = *grade;
  } else if (auto severity = Member(res, "severity")) {
    ctx.Warn("severity", "fhir.severity-not-grade",
             {{"severity", std::string(ConceptText(*severity))}});
  }
  ForEach(res, "suspectEntity", [&](const simdjson::dom::element& suspect) {
    if (!ae.drug.empty()) return;
    auto instance = Member(suspect, "instance");
    if (!instance) return;
    auto display = Str(*instance, "display");
    if (const Drug* drug = ctx.pack.drugs.FindByName(display)) ae.drug = drug->inn;
  });
  ctx.out.record.adverse_events.push_back(std::move(ae));
}

}  // namespace oncnav::fhir
