// Genomic variants, medication requests, procedures and adverse events.
#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/fhir/export/bundle_export.h"
#include "oncnav/fhir/export/export_sections.h"

namespace oncnav::fhir {
namespace {

namespace ec = exportcodes;

// HGNC identifiers of the genes oncnav records (the importer reads the symbol from the display).
constexpr std::pair<std::string_view, std::string_view> kHgncIds[] = {
    {"BRCA1", "HGNC:1100"},  {"BRCA2", "HGNC:1101"}, {"PALB2", "HGNC:26144"},
    {"PIK3CA", "HGNC:8975"}, {"ESR1", "HGNC:3467"},  {"AKT1", "HGNC:391"},
    {"PTEN", "HGNC:9588"},   {"ERBB2", "HGNC:3430"}, {"TP53", "HGNC:11998"}};

ExportJson Component(const ec::Code& code, ExportJson value_concept) {
  ExportJson c = ExportJson::object();
  c["code"] = ConceptOf(ec::kLoinc, code);
  c["valueCodeableConcept"] = std::move(value_concept);
  return c;
}

struct VariantFacts {
  std::string_view gene;
  bool present = true;
  bool germline = false;
  std::string_view hgvs;
  std::string_view significance;  // germline only
  std::string method;
};

void Variant(BundleBuilder& b, const Date& date, const VariantFacts& v) {
  ExportJson gene = ExportJson::object();
  gene["system"] = ec::kHgnc;
  for (const auto& [symbol, id] : kHgncIds) {
    if (symbol == v.gene) gene["code"] = id;
  }
  gene["display"] = v.gene;
  ExportJson components = ExportJson::array();
  components.push_back(Component(ec::kGeneStudied, {{"coding", ExportJson::array({gene})}}));
  if (!v.hgvs.empty()) {
    ExportJson coding = ExportJson::object();
    coding["system"] = ec::kHgvs;
    coding["code"] = v.hgvs;
    components.push_back(Component(ec::kHgvsProtein, {{"coding", ExportJson::array({coding})}}));
  }
  components.push_back(Component(ec::kGenomicSource,
                                 ConceptOf(ec::kLoinc, v.germline ? ec::kGermline : ec::kSomatic)));
  if (!v.significance.empty()) {
    components.push_back(
        Component(ec::kSignificance, v.significance == "Uncertain significance"
                                         ? ConceptOf(ec::kLoinc, ec::kUncertain, v.significance)
                                         : TextConcept(v.significance)));
  }
  ExportJson fields = ExportJson::object();
  fields["valueCodeableConcept"] = ConceptOf(ec::kLoinc, v.present ? ec::kPresent : ec::kAbsent);
  fields["component"] = std::move(components);
  if (!v.method.empty()) fields["method"] = TextConcept(v.method);
  b.AddObservation("variant", ConceptOf(ec::kLoinc, ec::kVariant), date, std::move(fields),
                   Cat({ec::kMcode, "mcode-genomic-variant"}));
}

std::string_view Significance(GermlineResult r) {
  switch (r) {
    case GermlineResult::kPathogenic:
      return "Pathogenic";
    case GermlineResult::kLikelyPathogenic:
      return "Likely pathogenic";
    case GermlineResult::kVus:
      return "Uncertain significance";
    default:
      return {};
  }
}

ExportJson MedicationConcept(const std::string& inn) {
  for (const auto& c : ec::kRxNormIngredients) {
    if (c.display == inn) return ConceptOf(ec::kRxNorm, c, inn);
  }
  return TextConcept(inn);
}

bool Supportive(const BundleBuilder& b, const std::string& drug) {
  const Drug* d = b.pack().drugs.FindByName(drug);
  if (!d) return false;
  for (const auto& cls : b.pack().course.non_line_classes) {
    if (d->HasClass(cls)) return true;
  }
  return false;
}

}  // namespace

void ExportGenomics(BundleBuilder& b) {
  for (const auto& g : b.record().germline) {
    VariantFacts v;
    v.gene = g.gene;
    v.present = g.result != GermlineResult::kNegative;
    v.germline = true;
    v.significance = Significance(g.result);
    Variant(b, g.date, v);
  }
  for (const auto& s : b.record().variants) {
    VariantFacts v;
    v.gene = s.gene;
    v.present = s.detected;
    v.hgvs = s.hgvs;
    v.method = s.assay;
    if (!s.sample.empty())
      v.method = Cat({v.method, v.method.empty() ? "" : " ", "(", s.sample, ")"});
    Variant(b, s.date, v);
  }
}

void ExportMedications(BundleBuilder& b) {
  for (const auto& r : b.record().regimens) {
    std::string_view status = !r.stop                                   ? "active"
                              : r.stop_reason == StopReason::kCompleted ? "completed"
                                                                        : "stopped";
    const ec::Code* reason = r.stop_reason == StopReason::kProgression     ? &ec::kNoResponse
                             : r.stop_reason == StopReason::kToxicity      ? &ec::kNotTolerated
                             : r.stop_reason == StopReason::kPatientChoice ? &ec::kRefused
                                                                           : nullptr;
    for (const auto& drug : r.drugs) {
      const ec::Code& intent = Supportive(b, drug)                 ? ec::kSupportive
                               : r.setting == Setting::kMetastatic ? ec::kPalliative
                                                                   : ec::kCurative;
      ExportJson body = ExportJson::object();
      body["extension"] =
          ExportJson::array({ExtensionOf(Cat({ec::kMcode, "mcode-procedure-intent"}),
                                         "valueCodeableConcept", ConceptOf(ec::kSnomed, intent))});
      body["status"] = status;
      if (reason) body["statusReason"] = ConceptOf(ec::kSnomed, *reason);
      body["intent"] = "order";
      body["medicationCodeableConcept"] = MedicationConcept(drug);
      body["subject"] = b.Subject();
      if (r.start) {
        body["authoredOn"] = r.start->ToString();
        ExportJson bounds = ExportJson::object();
        bounds["start"] = r.start->ToString();
        if (r.stop) bounds["end"] = r.stop->ToString();
        ExportJson repeat = ExportJson::object();
        repeat["boundsPeriod"] = std::move(bounds);
        ExportJson timing = ExportJson::object();
        timing["repeat"] = std::move(repeat);
        ExportJson dosage = ExportJson::object();
        dosage["timing"] = std::move(timing);
        body["dosageInstruction"] = ExportJson::array({std::move(dosage)});
      }
      if (!b.primary_ref.empty()) {
        body["reasonReference"] = ExportJson::array({Reference(b.primary_ref)});
      }
      b.Add("MedicationRequest", "medreq", std::move(body),
            Cat({ec::kMcode, "mcode-cancer-related-medication-request"}));
    }
  }
}

void ExportProcedures(BundleBuilder& b) {
  for (const auto& p : b.record().procedures) {
    std::string text = ExportedProcedureText(p);
    ExportJson code = ExportJson::object();
    std::string profile_url;
    if (p.kind == ProcedureKind::kSurgery) {
      std::string lower = ToLower(text);
      bool partial = lower.find("lumpectomy") != std::string::npos ||
                     lower.find("partial") != std::string::npos;
      code["coding"] = ExportJson::array(
          {CodingOf(ec::kSnomed, partial ? ec::kLumpectomy : ec::kBreastExcision)});
      profile_url = Cat({ec::kMcode, "mcode-cancer-related-surgical-procedure"});
    } else if (p.kind == ProcedureKind::kRadiotherapy) {
      code["coding"] = ExportJson::array({CodingOf(ec::kSnomed, ec::kRadiotherapy)});
      profile_url = Cat({ec::kMcode, "mcode-radiotherapy-course-summary"});
    }
    code["text"] = text;
    ExportJson body = ExportJson::object();
    body["status"] = "completed";
    body["code"] = std::move(code);
    body["subject"] = b.Subject();
    if (p.date) body["performedDateTime"] = p.date->ToString();
    if (!p.site.empty()) body["bodySite"] = ExportJson::array({TextConcept(p.site)});
    b.Add("Procedure", "procedure", std::move(body), profile_url);
  }
}

void ExportAdverseEvents(BundleBuilder& b) {
  for (const auto& ae : b.record().adverse_events) {
    ExportJson body = ExportJson::object();
    if (ae.grade > 0) {
      body["extension"] = ExportJson::array({ExtensionOf(ec::kGradeUrl, "valueInteger", ae.grade)});
    }
    body["actuality"] = "actual";
    body["event"] = TextConcept(ae.term);
    body["subject"] = b.Subject();
    if (ae.date) body["date"] = ae.date->ToString();
    if (!ae.drug.empty()) {
      ExportJson instance = ExportJson::object();
      instance["display"] = ae.drug;
      ExportJson suspect = ExportJson::object();
      suspect["instance"] = std::move(instance);
      body["suspectEntity"] = ExportJson::array({std::move(suspect)});
    }
    b.Add("AdverseEvent", "adverse-event", std::move(body));
  }
}

}  // namespace oncnav::fhir

namespace oncnav {

std::string ExportedProcedureText(const Procedure& p) {
  std::string text = p.description;
  auto has = [&](std::string_view word) { return ToLower(text).find(word) != std::string::npos; };
  if (p.kind == ProcedureKind::kBiopsy) {
    if (text.empty()) return "biopsy";
    if (!has("biopsy")) return Cat({"biopsy: ", text});
  } else if (p.kind == ProcedureKind::kDentalExamination) {
    if (text.empty()) return "dental examination";
    if (!has("dental exam") && !has("dental check")) return Cat({"dental examination: ", text});
  } else if (text.empty()) {
    switch (p.kind) {
      case ProcedureKind::kSurgery:
        return "surgery";
      case ProcedureKind::kRadiotherapy:
        return "radiotherapy";
      default:
        return "procedure";
    }
  }
  return text;
}

}  // namespace oncnav
