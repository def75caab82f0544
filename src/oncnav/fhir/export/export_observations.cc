// Tumour sizes (imaging), serum tumour markers, laboratory values and performance status.
#include <map>

#include "oncnav/common/text.h"
#include "oncnav/fhir/export/export_sections.h"

namespace oncnav::fhir {
namespace {

namespace ec = exportcodes;

// One Tumor BodyStructure per lesion id; its identifier keeps the record's lesion id, which the
// importer uses as the lesion id (FHIR-IMAGING-GROUP).
std::string Tumor(BundleBuilder& b, std::map<std::string, std::string>& tumors,
                  const Lesion& lesion) {
  auto it = tumors.find(lesion.id);
  if (it != tumors.end()) return it->second;
  ExportJson body = ExportJson::object();
  ExportJson identifier = ExportJson::object();
  identifier["value"] = lesion.id;
  body["identifier"] = ExportJson::array({std::move(identifier)});
  body["location"] = TextConcept(lesion.organ);
  body["patient"] = b.Subject();
  std::string ref =
      b.Add("BodyStructure", "lesion", std::move(body), Cat({ec::kMcode, "mcode-tumor"}));
  tumors.emplace(lesion.id, ref);
  return ref;
}

ExportJson Method(std::string_view modality) {
  for (const auto& [name, code] : ec::kImagingMethods) {
    if (name == modality) return ConceptOf(ec::kSnomed, code);
  }
  return TextConcept(modality);
}

const ec::Code* MarkerCode(std::string_view marker) {
  if (marker == "CA15-3") return &ec::kCa153;
  if (marker == "CA27-29") return &ec::kCa2729;
  if (marker == "CEA") return &ec::kCea;
  return nullptr;
}

}  // namespace

void ExportImaging(BundleBuilder& b) {
  std::map<std::string, std::string> tumors;
  for (const auto& scan : b.record().imaging) {
    for (const auto& lesion : scan.lesions) {
      // A TumorSize observation needs a longest dimension: a disappeared lesion measures 0,
      // a lesion without a measurement cannot be written (documented loss).
      std::optional<double> diameter = lesion.diameter_mm;
      if (!diameter && lesion.disappeared) diameter = 0;
      if (!diameter) continue;
      ExportJson component = ExportJson::object();
      component["code"] = ConceptOf(ec::kLoinc, ec::kLongestDimension);
      component["valueQuantity"] = QuantityOf(*diameter, "mm");
      ExportJson fields = ExportJson::object();
      fields["focus"] = ExportJson::array({Reference(Tumor(b, tumors, lesion))});
      fields["bodySite"] = TextConcept(lesion.organ);
      fields["component"] = ExportJson::array({std::move(component)});
      if (!scan.modality.empty()) fields["method"] = Method(scan.modality);
      b.AddObservation("tumorsize", ConceptOf(ec::kLoinc, ec::kTumorSize), scan.date,
                       std::move(fields), Cat({ec::kMcode, "mcode-tumor-size"}), "imaging");
    }
  }
}

void ExportObservations(BundleBuilder& b) {
  const auto& record = b.record();
  for (const auto& m : record.tumor_markers) {
    const ec::Code* code = MarkerCode(m.marker);
    if (!code) continue;
    std::string unit = !m.unit.empty() ? m.unit : m.marker == "CEA" ? "ng/mL" : "U/mL";
    ExportJson fields = ExportJson::object();
    fields["valueQuantity"] = QuantityOf(m.value, unit);
    if (!b.primary_ref.empty()) {
      fields["extension"] =
          ExportJson::array({ExtensionOf(Cat({ec::kMcode, "mcode-related-condition"}),
                                         "valueReference", Reference(b.primary_ref))});
    }
    b.AddObservation("marker", ConceptOf(ec::kLoinc, *code), m.date, std::move(fields),
                     Cat({ec::kMcode, "mcode-tumor-marker-test"}));
  }
  for (const auto& lab : record.labs) {
    const LabTest* test = b.pack().labs.Find(lab.test);
    if (!test || test->loinc.empty()) continue;
    // As recorded: the importer converts to the canonical unit and keeps the original.
    bool original = !lab.original_unit.empty();
    ExportJson code = ExportJson::object();
    ExportJson coding = ExportJson::object();
    coding["system"] = ec::kLoinc;
    coding["code"] = test->loinc.front();
    code["coding"] = ExportJson::array({std::move(coding)});
    std::string text = lab.test;
    for (char& c : text) c = c == '_' ? ' ' : c;
    code["text"] = text;
    ExportJson fields = ExportJson::object();
    fields["valueQuantity"] = QuantityOf(original ? lab.original_value : lab.value,
                                         original ? lab.original_unit : lab.unit);
    b.AddObservation("lab", std::move(code), lab.date, std::move(fields), ec::kUsCoreLabProfile);
  }
  for (const auto& ps : record.performance) {
    bool ecog = ps.scale == PerformanceScale::kEcog;
    ExportJson fields = ExportJson::object();
    fields["valueInteger"] = ps.value;
    b.AddObservation("performance", ConceptOf(ec::kLoinc, ecog ? ec::kEcog : ec::kKarnofsky),
                     ps.date, std::move(fields),
                     Cat({ec::kMcode, ecog ? "mcode-ecog-performance-status"
                                           : "mcode-karnofsky-performance-status"}),
                     "survey");
  }
}

}  // namespace oncnav::fhir
