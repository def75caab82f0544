#include "oncnav/fhir/medication_mapping.h"

#include <array>

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"

namespace oncnav::fhir {
namespace {

constexpr std::string_view kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

bool IsSeparator(char c) {
  return c == ' ' || c == '/' || c == ',' || c == '(' || c == ')' || c == ';' || c == '[' ||
         c == ']' || c == '\t';
}

// Tries every run of up to four words, longest first, so a product name such as
// "ado-trastuzumab emtansine 100 MG Injection" finds its ingredient.
const Drug* FindByWords(std::string_view name, const DrugCatalog& drugs) {
  if (name.empty()) return nullptr;
  if (const Drug* d = drugs.FindByName(name)) return d;
  std::array<std::string_view, 24> words;
  size_t count = 0;
  size_t i = 0;
  while (i < name.size() && count < words.size()) {
    while (i < name.size() && IsSeparator(name[i])) ++i;
    size_t start = i;
    while (i < name.size() && !IsSeparator(name[i])) ++i;
    if (i > start) words[count++] = name.substr(start, i - start);
  }
  for (size_t len = std::min<size_t>(4, count); len >= 1; --len) {
    for (size_t first = 0; first + len <= count; ++first) {
      const char* begin = words[first].data();
      const char* end = words[first + len - 1].data() + words[first + len - 1].size();
      std::string_view run(begin, static_cast<size_t>(end - begin));
      if (run == name) continue;  // already tried
      if (const Drug* d = drugs.FindByName(run)) return d;
    }
  }
  return nullptr;
}

// The first RxNorm code of a medication concept, or empty.
std::string_view RxNormOf(const simdjson::dom::element& cc) {
  std::string_view rxnorm;
  ForEachCoding(cc, [&](std::string_view system, std::string_view code, std::string_view) {
    if (system == kRxNorm && !code.empty()) rxnorm = code;
    return !rxnorm.empty();
  });
  return rxnorm;
}

// "'Tamoxifen 20 MG' (RxNorm 198240)" for messages about an unknown drug.
std::string DescribeMedication(std::string_view text, std::string_view rxnorm) {
  if (rxnorm.empty()) return Cat({"'", text, "'"});
  return Cat({"'", text, "' (RxNorm ", rxnorm, ")"});
}

StopReason StopReasonOf(const simdjson::dom::element& res, ImportContext& ctx) {
  std::string_view found;
  auto check = [&](const simdjson::dom::element& cc) {
    if (!found.empty()) return;
    found = LookupCode(ctx.codes, CodeTable::kStopReason, cc);
    if (found.empty()) {
      ctx.Mark(ImportRule::kUnmapped);
      ctx.Warn("statusReason", "fhir.status-reason-unmapped",
               {{"reason", std::string(ConceptText(cc))}});
      found = "other";
    }
  };
  if (auto reason = Member(res, "statusReason")) {
    simdjson::dom::array list;
    if (reason->get_array().get(list) == simdjson::SUCCESS) {
      for (auto item : list) check(item);
    } else {
      check(*reason);
    }
  }
  if (found == "progression") return StopReason::kProgression;
  if (found == "toxicity") return StopReason::kToxicity;
  if (found == "patient_choice") return StopReason::kPatientChoice;
  if (found == "completed") return StopReason::kCompleted;
  if (found == "other") return StopReason::kOther;
  return StopReason::kNone;
}

void ReadRequestDates(const simdjson::dom::element& res, DrugExposure& exposure,
                      ImportContext& ctx) {
  size_t index = 0;
  ForEach(res, "dosageInstruction", [&](const simdjson::dom::element& dosage) {
    size_t current = index++;
    // The field path of an error names the dosage; it is only built for an error.
    auto path = [current](std::string_view rest) {
      return [current, rest] {
        return Cat({"dosageInstruction[", std::to_string(current), "].timing", rest});
      };
    };
    auto timing = Member(dosage, "timing");
    if (!timing || exposure.start) return;
    if (auto repeat = Member(*timing, "repeat")) {
      if (auto bounds = Member(*repeat, "boundsPeriod")) {
        exposure.start = ctx.ReadDateAt(*bounds, "start", path(".repeat.boundsPeriod.start"));
        exposure.end = ctx.ReadDateAt(*bounds, "end", path(".repeat.boundsPeriod.end"));
      }
    }
    if (!exposure.start) {
      simdjson::dom::array events;
      if ((*timing)["event"].get_array().get(events) == simdjson::SUCCESS && events.size() > 0) {
        std::string_view first;
        if (events.at(0).get_string().get(first) == simdjson::SUCCESS) {
          exposure.start = ctx.CheckDate(first, path(".event[0]"));
        }
      }
    }
  });
  if (!exposure.start) {
    if (auto dispense = Member(res, "dispenseRequest")) {
      if (auto validity = Member(*dispense, "validityPeriod")) {
        exposure.start = ctx.ReadDate(*validity, "start", "dispenseRequest.validityPeriod");
        if (!exposure.end) {
          exposure.end = ctx.ReadDate(*validity, "end", "dispenseRequest.validityPeriod");
        }
      }
    }
  }
  if (!exposure.start) exposure.start = ctx.ReadDate(res, "authoredOn");
}

}  // namespace

const Drug* FindDrug(const simdjson::dom::element& cc, const DrugCatalog& drugs) {
  const Drug* drug = nullptr;
  ForEachCoding(cc, [&](std::string_view system, std::string_view code, std::string_view) {
    if (system == kRxNorm && !code.empty()) drug = drugs.FindByRxNorm(code);
    return drug != nullptr;
  });
  if (drug) return drug;
  ForEachCoding(cc, [&](std::string_view, std::string_view, std::string_view display) {
    drug = FindByWords(display, drugs);
    return drug != nullptr;
  });
  if (drug) return drug;
  return FindByWords(Str(cc, "text"), drugs);
}

void MapMedication(
    const simdjson::dom::element& res, std::string_view type,
    const std::vector<std::pair<std::string_view, simdjson::dom::element>>& medications,
    ImportContext& ctx) {
  auto status = Str(res, "status");
  if (status == "cancelled" || status == "entered-in-error" || status == "not-done" ||
      status == "not-taken" || status == "draft") {
    ctx.Warn("status", "fhir.medication-not-given", {{"status", std::string(status)}});
    return;
  }
  std::optional<simdjson::dom::element> coded = Member(res, "medicationCodeableConcept");
  std::string_view concept_element = "medicationCodeableConcept";
  if (!coded) {
    concept_element = "medicationReference";
    auto id = ReferenceIdOf(res, "medicationReference");
    for (const auto& [med_id, med] : medications) {
      if (med_id == id && !id.empty()) coded = Member(med, "code");
    }
    // A contained Medication ("#med1") lives inside this resource.
    ForEach(res, "contained", [&](const simdjson::dom::element& contained) {
      if (!coded && !id.empty() && Str(contained, "id") == id) coded = Member(contained, "code");
    });
  }
  if (!coded) {
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn(concept_element, "fhir.medication-unidentified");
    return;
  }
  const Drug* drug = FindDrug(*coded, ctx.pack.drugs);
  if (!drug) {
    auto text = ConceptText(*coded);
    auto rxnorm = RxNormOf(*coded);
    ctx.Unused({"Medication", text, rxnorm}, concept_element, "fhir.medication-unknown",
               "fhir.medication-unknown-many", [&] {
                 return Texts::Params{{"medication", DescribeMedication(text, rxnorm)}};
               });
    return;
  }
  DrugExposure exposure;
  exposure.drug = drug->inn;
  if (type == "MedicationRequest") {
    ReadRequestDates(res, exposure, ctx);
  } else {
    exposure.start = ctx.ReadTiming(res, "effective");
    exposure.end = ctx.ReadTimingEnd(res, "effective");
    if (!exposure.start && type == "MedicationStatement") {
      exposure.start = ctx.ReadDate(res, "dateAsserted");
    }
  }
  exposure.completed = status == "completed";
  exposure.ongoing = !exposure.end && (status == "active" || status == "in-progress" ||
                                       status == "on-hold" || status == "intended");
  exposure.stop_reason = StopReasonOf(res, ctx);
  if (exposure.stop_reason == StopReason::kNone && status == "stopped") {
    exposure.stop_reason = StopReason::kOther;
  }
  if (auto intent = FindExtension(res, "mcode-procedure-intent")) {
    if (auto value = Member(*intent, "valueCodeableConcept")) {
      exposure.intent = LookupCode(ctx.codes, CodeTable::kIntent, *value);
    }
  }
  // LOT-SUPPORTIVE: supportive care never joins an anticancer regimen (FHIR-REGIMEN-GROUP).
  exposure.supportive = exposure.intent == "supportive";
  for (const auto& cls : ctx.pack.course.non_line_classes) {
    exposure.supportive = exposure.supportive || drug->HasClass(cls);
  }
  ctx.exposures.push_back(std::move(exposure));
}

}  // namespace oncnav::fhir
