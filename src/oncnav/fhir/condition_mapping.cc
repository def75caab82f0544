#include "oncnav/fhir/condition_mapping.h"

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"

namespace oncnav::fhir {
namespace {

std::string StripTag(std::string_view text) {
  if (!text.empty() && text.back() == ')') {
    auto open = text.rfind(" (");
    if (open != std::string_view::npos) text = text.substr(0, open);
  }
  return std::string(text);
}

// Diagnosis / onset: onset[x], else recordedDate.
std::optional<Date> ConditionDate(const simdjson::dom::element& res, ImportContext& ctx) {
  if (auto d = ctx.ReadTiming(res, "onset")) return d;
  return ctx.ReadDate(res, "recordedDate");
}

// A refuted or mistaken condition is not a finding about the patient.
bool IsRefuted(const simdjson::dom::element& res) {
  auto status = Member(res, "verificationStatus");
  if (!status) return false;
  return ForEachCoding(*status, [](std::string_view, std::string_view code, std::string_view) {
    return code == "refuted" || code == "entered-in-error";
  });
}

std::string_view LateralityOf(const simdjson::dom::element& res, const simdjson::dom::element* code,
                              const CodeMap& codes) {
  std::string_view found;
  ForEach(res, "bodySite", [&](const simdjson::dom::element& site) {
    if (!found.empty()) return;
    ForEach(site, "extension", [&](const simdjson::dom::element& ext) {
      if (!found.empty()) return;
      if (auto coded = Member(ext, "valueCodeableConcept")) {
        found = LookupConcept(codes, CodeTable::kLaterality, *coded);
      }
    });
    if (found.empty()) found = LookupConcept(codes, CodeTable::kLaterality, site);
  });
  if (found.empty() && code) found = LookupCode(codes, CodeTable::kLaterality, *code);
  return found;
}

bool HasBreastBodySite(const simdjson::dom::element& res, const CodeMap& codes) {
  bool breast = false;
  ForEach(res, "bodySite", [&](const simdjson::dom::element& site) {
    if (!LookupConcept(codes, CodeTable::kBodySite, site).empty()) breast = true;
  });
  return breast;
}

Confirmation ConfirmationOf(const simdjson::dom::element& res, const CodeMap& codes) {
  std::string_view found;
  ForEach(res, "evidence", [&](const simdjson::dom::element& evidence) {
    ForEach(evidence, "code", [&](const simdjson::dom::element& cc) {
      if (found.empty()) found = LookupConcept(codes, CodeTable::kConfirmation, cc);
    });
  });
  if (found == "biopsy") return Confirmation::kBiopsy;
  if (found == "imaging") return Confirmation::kImaging;
  if (found == "clinical") return Confirmation::kClinical;
  return Confirmation::kUnknown;
}

// `site` is the concept of the condition's code in the site table, or empty.
void MapSecondary(const simdjson::dom::element& res, const simdjson::dom::element& code,
                  std::string_view site, ImportContext& ctx) {
  if (site.empty()) {
    // The code is not listed (MapCondition looked it up): words of the display or text.
    site = MatchConceptText(ctx.codes, CodeTable::kMetastaticSite, code);
    ctx.Mark(site.empty() ? ImportRule::kSiteCodes : ImportRule::kSiteText);
  } else {
    ctx.Mark(ImportRule::kSiteCodes);
  }
  if (site == "ambiguous_lymph_node") {
    ctx.Warn("code", "fhir.lymph-node-ambiguous", {{"condition", std::string(ConceptText(code))}});
    return;
  }
  MetastaticSite met;
  if (site.empty()) {
    ctx.Warn("code", "fhir.metastatic-site-unknown",
             {{"condition", std::string(ConceptText(code))}});
    site = "other";
  }
  met.site = std::string(site);
  // A tumour-marker test may name this condition (mcode-related-condition, FHIR-SPECIMEN-KIND).
  ctx.cancer_conditions.push_back({ctx.ResourceId(), false, site});
  met.date = ConditionDate(res, ctx);
  met.confirmed_by = ConfirmationOf(res, ctx.codes);
  ctx.out.record.metastases.push_back(std::move(met));
}

void MapPrimary(const simdjson::dom::element& res, const simdjson::dom::element* code,
                ImportContext& ctx) {
  auto& record = ctx.out.record;
  bool first = !record.primary.has_value();
  if (!first) {
    ctx.Warn("code", "fhir.second-primary");
  } else {
    record.primary.emplace();
  }
  auto& primary = *record.primary;
  ctx.cancer_conditions.push_back({ctx.ResourceId(), true, {}});
  auto date = ConditionDate(res, ctx);
  if (date && (!primary.diagnosis_date || *date < *primary.diagnosis_date)) {
    primary.diagnosis_date = date;
  }
  if (primary.histology.empty()) {
    if (auto ext = FindExtension(res, "mcode-histology-morphology-behavior")) {
      if (auto coded = Member(*ext, "valueCodeableConcept")) {
        primary.histology = StripTag(ConceptText(*coded));
      }
    }
  }
  if (primary.stage.empty()) {
    ForEach(res, "stage", [&](const simdjson::dom::element& stage) {
      if (!primary.stage.empty()) return;
      if (auto summary = Member(stage, "summary")) {
        primary.stage = ExtractStage(ConceptText(*summary));
      }
    });
  }
  if (primary.laterality.empty()) {
    primary.laterality = std::string(LateralityOf(res, code, ctx.codes));
  }
}

}  // namespace

std::string ExtractStage(std::string_view display) {
  std::string text = StripTag(display);
  std::string_view view = text;
  // Find the last "stage " (any case) and keep the token after it.
  size_t pos = std::string_view::npos;
  for (size_t i = 0; i + 6 <= view.size(); ++i) {
    if (ContainsNoCase(view.substr(i, 6), "stage ")) pos = i + 6;
  }
  if (pos == std::string_view::npos) return text;
  auto rest = view.substr(pos);
  auto end = rest.find(' ');
  return std::string(rest.substr(0, end));
}

void MapCondition(const simdjson::dom::element& res, ImportContext& ctx) {
  auto code = Member(res, "code");
  if (IsRefuted(res)) {
    ctx.Warn("verificationStatus", "fhir.condition-refuted");
    return;
  }
  bool secondary_profile = HasProfile(res, "mcode-secondary-cancer-condition");
  bool primary_profile = HasProfile(res, "mcode-primary-cancer-condition");
  if (!code) {
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn("code", "fhir.condition-without-code");
    return;
  }
  auto site = LookupCode(ctx.codes, CodeTable::kMetastaticSite, *code);
  auto text = ConceptText(*code);
  bool secondary = secondary_profile || !site.empty() ||
                   ContainsNoCase(text, "secondary malignant") || ContainsNoCase(text, "metasta");
  if (secondary && !primary_profile) {
    MapSecondary(res, *code, site, ctx);
    return;
  }
  bool breast = !LookupConcept(ctx.codes, CodeTable::kPrimaryCancer, *code).empty() ||
                (primary_profile && HasBreastBodySite(res, ctx.codes));
  if (breast) {
    MapPrimary(res, &*code, ctx);
    return;
  }
  if (primary_profile) {
    ctx.Warn("code", "fhir.primary-not-breast", {{"condition", std::string(text)}});
    return;
  }
  ctx.Unused({"Condition", text}, "code", "fhir.condition-unused", "fhir.condition-unused-many",
             [&] {
               return Texts::Params{{"condition", std::string(text)}};
             });
}

}  // namespace oncnav::fhir
