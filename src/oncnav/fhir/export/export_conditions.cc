// Patient, body measurements, and the primary and secondary cancer conditions.
#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/fhir/export/export_sections.h"

namespace oncnav::fhir {
namespace {

namespace ec = exportcodes;

ExportJson StatusConcept(std::string_view system, std::string_view code) {
  ExportJson coding = ExportJson::object();
  coding["system"] = system;
  coding["code"] = code;
  ExportJson cc = ExportJson::object();
  cc["coding"] = ExportJson::array({coding});
  return cc;
}

ExportJson ConditionBody(const BundleBuilder& b) {
  ExportJson body = ExportJson::object();
  body["clinicalStatus"] = StatusConcept(ec::kConditionClinical, "active");
  body["verificationStatus"] = StatusConcept(ec::kConditionVerification, "confirmed");
  body["category"] =
      ExportJson::array({StatusConcept(ec::kConditionCategory, "problem-list-item")});
  body["subject"] = b.Subject();
  return body;
}

const ec::Code* LateralityCode(std::string_view laterality) {
  if (laterality == "left") return &ec::kLeft;
  if (laterality == "right") return &ec::kRight;
  if (laterality == "bilateral") return &ec::kBilateral;
  return nullptr;
}

void ExportPrimary(BundleBuilder& b) {
  const auto& primary = b.record().primary;
  if (!primary) return;
  ExportJson body = ConditionBody(b);
  const ec::Code& code = primary->laterality == "left" ? ec::kPrimaryLeft : ec::kPrimaryBreast;
  body["code"] = ConceptOf(ec::kSnomed, code);
  if (!primary->histology.empty()) {
    ExportJson concept_json = ExportJson::object();
    const auto& h = primary->histology;
    if (h.find("ductal") != std::string::npos || h.find("no special type") != std::string::npos) {
      concept_json["coding"] = ExportJson::array({CodingOf(ec::kSnomed, ec::kDuctalMorphology)});
    }
    concept_json["text"] = h;
    body["extension"] =
        ExportJson::array({ExtensionOf(Cat({ec::kMcode, "mcode-histology-morphology-behavior"}),
                                       "valueCodeableConcept", std::move(concept_json))});
  }
  if (const ec::Code* side = LateralityCode(primary->laterality)) {
    ExportJson site = ExportJson::object();
    site["extension"] =
        ExportJson::array({ExtensionOf(Cat({ec::kMcode, "mcode-laterality-qualifier"}),
                                       "valueCodeableConcept", ConceptOf(ec::kSnomed, *side))});
    site["text"] = Cat({primary->laterality, " breast"});
    body["bodySite"] = ExportJson::array({std::move(site)});
  }
  if (primary->diagnosis_date) body["onsetDateTime"] = primary->diagnosis_date->ToString();
  if (!primary->stage.empty()) {
    ExportJson stage = ExportJson::object();
    stage["summary"] = TextConcept(Cat({"AJCC stage ", primary->stage}));
    body["stage"] = ExportJson::array({std::move(stage)});
  }
  b.primary_ref = b.Add("Condition", "primary", std::move(body),
                        Cat({ec::kMcode, "mcode-primary-cancer-condition"}));
}

const ec::Code& SiteCode(std::string_view site) {
  for (const auto& s : ec::kMetastasisCodes) {
    if (s.site == site) return s.icd10cm;
  }
  return ec::kMetastasisCodes.back().icd10cm;  // other
}

void ExportMetastases(BundleBuilder& b) {
  for (const auto& m : b.record().metastases) {
    ExportJson body = ConditionBody(b);
    body["code"] = ConceptOf(ec::kIcd10Cm, SiteCode(m.site));
    if (!b.primary_ref.empty()) {
      body["extension"] = ExportJson::array(
          {ExtensionOf(ec::kConditionRelated, "valueReference", Reference(b.primary_ref))});
    }
    if (m.date) body["onsetDateTime"] = m.date->ToString();
    ExportJson evidence;
    switch (m.confirmed_by) {
      case Confirmation::kImaging:
        evidence = ConceptOf(ec::kSnomed, ec::kImagingEvidence);
        break;
      case Confirmation::kClinical:
        evidence = ConceptOf(ec::kSnomed, ec::kClinicalEvidence);
        break;
      case Confirmation::kBiopsy:
        evidence = TextConcept("Biopsy (histology)");
        break;
      case Confirmation::kUnknown:
        break;
    }
    if (!evidence.is_null()) {
      ExportJson item = ExportJson::object();
      item["code"] = ExportJson::array({std::move(evidence)});
      body["evidence"] = ExportJson::array({std::move(item)});
    }
    std::string ref = b.Add("Condition", "metastasis", std::move(body),
                            Cat({ec::kMcode, "mcode-secondary-cancer-condition"}));
    bool seen = std::any_of(b.metastasis_refs.begin(), b.metastasis_refs.end(),
                            [&](const auto& p) { return p.first == m.site; });
    if (!seen) b.metastasis_refs.emplace_back(m.site, std::move(ref));
  }
}

}  // namespace

void ExportPatient(BundleBuilder& b) {
  const auto& d = b.record().demographics;
  ExportJson body = ExportJson::object();
  switch (d.sex) {
    case Sex::kFemale:
      body["gender"] = "female";
      break;
    case Sex::kMale:
      body["gender"] = "male";
      break;
    case Sex::kOther:
      body["gender"] = "other";
      break;
    case Sex::kUnknown:
      break;
  }
  if (d.birth_date) body["birthDate"] = d.birth_date->ToString();
  b.AddWithId("Patient", b.patient_id(), std::move(body),
              Cat({ec::kMcode, "mcode-cancer-patient"}));
  auto date = LatestDateOf(b.record());
  if (!date) return;  // nothing dates a measurement (documented loss)
  if (d.weight_kg) {
    ExportJson fields = ExportJson::object();
    fields["valueQuantity"] = QuantityOf(*d.weight_kg, "kg");
    b.AddObservation("weight", ConceptOf(ec::kLoinc, ec::kBodyWeight), *date, std::move(fields),
                     ec::kBodyWeightProfile, "vital-signs");
  }
  if (d.height_cm) {
    ExportJson fields = ExportJson::object();
    fields["valueQuantity"] = QuantityOf(*d.height_cm, "cm");
    b.AddObservation("height", ConceptOf(ec::kLoinc, ec::kBodyHeight), *date, std::move(fields),
                     ec::kBodyHeightProfile, "vital-signs");
  }
}

void ExportConditions(BundleBuilder& b) {
  ExportPrimary(b);
  ExportMetastases(b);
}

}  // namespace oncnav::fhir
