// Specimens with their tumour marker tests (ER, PgR, HER2, Ki-67) and PD-L1 results.
#include "oncnav/common/text.h"
#include "oncnav/fhir/export/export_sections.h"

namespace oncnav::fhir {
namespace {

namespace ec = exportcodes;

std::string Words(std::string_view site) {
  std::string out(site);
  for (char& c : out) c = c == '_' ? ' ' : c;
  return out;
}

// The cancer condition the specimen's tissue comes from: the primary, or the secondary cancer
// condition of the metastatic site (matched on the site, or on its first word as in "bone
// (iliac crest)"); empty for plasma, blood and unknown specimens.
std::string SpecimenCondition(const BundleBuilder& b, const Specimen& s) {
  if (s.kind == SpecimenKind::kPrimary) return b.primary_ref;
  if (s.kind != SpecimenKind::kMetastasis) return {};
  std::string_view site = s.site;
  std::string_view first = site.substr(0, site.find(' '));
  for (const auto& [known, ref] : b.metastasis_refs) {
    if (known == site) return ref;
  }
  for (const auto& [known, ref] : b.metastasis_refs) {
    if (known == first) return ref;
  }
  return {};
}

struct SpecimenRef {
  std::string reference;
  std::string condition;
};

SpecimenRef AddSpecimen(BundleBuilder& b, const Date& date, const Specimen& s) {
  std::string site;
  std::string_view type = "TISS";
  switch (s.kind) {
    case SpecimenKind::kPrimary:
      site = "breast (primary tumour)";
      break;
    case SpecimenKind::kMetastasis:
      site = Cat({Words(s.site.empty() ? "unspecified site" : s.site), " (metastasis)"});
      break;
    case SpecimenKind::kPlasma:
      site = "plasma";
      type = "PLAS";
      break;
    case SpecimenKind::kBlood:
      site = "blood";
      type = "BLD";
      break;
    case SpecimenKind::kUnknown:
      site = s.site.empty() ? "unknown" : Words(s.site);
      break;
  }
  ExportJson coding = ExportJson::object();
  coding["system"] = ec::kSpecimenType;
  coding["code"] = type;
  ExportJson body = ExportJson::object();
  body["status"] = "available";
  body["type"] = {{"coding", ExportJson::array({coding})}};
  body["subject"] = b.Subject();
  body["collection"] = {{"collectedDateTime", date.ToString()}, {"bodySite", TextConcept(site)}};
  SpecimenRef out;
  out.reference =
      b.Add("Specimen", "specimen", std::move(body), Cat({ec::kMcode, "mcode-human-specimen"}));
  out.condition = SpecimenCondition(b, s);
  return out;
}

// A TumorMarkerTest on a specimen. mcode-related-condition names the condition the tested
// tissue comes from: the importer reads the specimen kind from it (FHIR-SPECIMEN-KIND).
void MarkerTest(BundleBuilder& b, const ec::Code& code, const Date& date, ExportJson value,
                const SpecimenRef& specimen) {
  ExportJson fields = std::move(value);
  if (!specimen.condition.empty()) {
    fields["extension"] =
        ExportJson::array({ExtensionOf(Cat({ec::kMcode, "mcode-related-condition"}),
                                       "valueReference", Reference(specimen.condition))});
  }
  fields["specimen"] = Reference(specimen.reference);
  b.AddObservation("marker", ConceptOf(ec::kLoinc, code), date, std::move(fields),
                   Cat({ec::kMcode, "mcode-tumor-marker-test"}));
}

ExportJson Percent(double value) {
  ExportJson v = ExportJson::object();
  v["valueQuantity"] = QuantityOf(value, "%");
  return v;
}

void Presence(BundleBuilder& b, const ec::Code& code, const Date& date, Presence p,
              const SpecimenRef& specimen) {
  ExportJson value = ExportJson::object();
  if (p == Presence::kPositive) {
    value["valueCodeableConcept"] = ConceptOf(ec::kLoinc, ec::kPositive);
  } else if (p == Presence::kNegative) {
    value["valueCodeableConcept"] = ConceptOf(ec::kLoinc, ec::kNegative);
  } else if (p == Presence::kEquivocal) {
    value["valueCodeableConcept"] = TextConcept("Equivocal");
  } else {
    return;  // nothing was reported
  }
  MarkerTest(b, code, date, std::move(value), specimen);
}

void Report(BundleBuilder& b, const PathologyReport& r, const SpecimenRef& specimen) {
  if (r.er_percent) MarkerTest(b, ec::kErPercent, r.date, Percent(*r.er_percent), specimen);
  if (r.pgr_percent) MarkerTest(b, ec::kPgrPercent, r.date, Percent(*r.pgr_percent), specimen);
  if (r.ki67_percent) MarkerTest(b, ec::kKi67, r.date, Percent(*r.ki67_percent), specimen);
  Presence(b, ec::kErPresence, r.date, r.er_status, specimen);
  Presence(b, ec::kPgrPresence, r.date, r.pgr_status, specimen);
  Presence(b, ec::kHer2Status, r.date, r.her2_status, specimen);
  if (r.her2_ihc) {
    ExportJson value = ExportJson::object();
    value["valueCodeableConcept"] =
        ConceptOf(ec::kLoinc, ec::kIhcAnswers[static_cast<size_t>(*r.her2_ihc)]);
    MarkerTest(b, ec::kHer2Ihc, r.date, std::move(value), specimen);
  }
  if (r.her2_ish_ratio) {
    ExportJson value = ExportJson::object();
    value["valueQuantity"] = QuantityOf(*r.her2_ish_ratio, "{ratio}");
    MarkerTest(b, ec::kIshRatio, r.date, std::move(value), specimen);
  }
  if (r.her2_ish_copies) {
    ExportJson value = ExportJson::object();
    value["valueQuantity"] = QuantityOf(*r.her2_ish_copies, "{copies}/{nucleus}");
    MarkerTest(b, ec::kIshCopies, r.date, std::move(value), specimen);
  }
}

bool SameSpecimen(const Specimen& a, const Specimen& b) {
  return a.kind == b.kind && a.site == b.site;
}

}  // namespace

void ExportPathology(BundleBuilder& b) {
  const auto& record = b.record();
  std::vector<SpecimenRef> specimens;
  for (const auto& r : record.pathology) {
    specimens.push_back(AddSpecimen(b, r.date, r.specimen));
    Report(b, r, specimens.back());
  }
  for (const auto& p : record.pdl1) {
    // The codes of codes.json name the 22C3 and SP142 assays only (documented loss).
    const ec::Code* code = p.assay == "22C3"    ? &ec::kPdl122c3
                           : p.assay == "SP142" ? &ec::kPdl1Sp142
                                                : nullptr;
    if (!code) continue;
    SpecimenRef specimen;
    for (size_t i = 0; i < record.pathology.size(); ++i) {
      if (record.pathology[i].date == p.date &&
          SameSpecimen(record.pathology[i].specimen, p.specimen)) {
        specimen = specimens[i];
      }
    }
    if (specimen.reference.empty()) specimen = AddSpecimen(b, p.date, p.specimen);
    // The scale (CPS, IC, TPS, TC) is the unit: scores of different scales are never mixed.
    ExportJson value = ExportJson::object();
    ExportJson quantity = ExportJson::object();
    quantity["value"] = Number(p.score);
    quantity["unit"] = p.score_type;
    quantity["system"] = ec::kUcum;
    quantity["code"] = Cat({"{", p.score_type, "}"});
    value["valueQuantity"] = std::move(quantity);
    value["method"] = TextConcept(Cat({"PD-L1 IHC ", p.assay, " (", p.score_type, ")"}));
    MarkerTest(b, *code, p.date, std::move(value), specimen);
  }
}

}  // namespace oncnav::fhir
