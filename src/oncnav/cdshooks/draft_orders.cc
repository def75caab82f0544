#include "oncnav/cdshooks/draft_orders.h"

#include <simdjson.h>

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/fhir/medication_mapping.h"

namespace oncnav {
namespace {

const Drug* DrugOfConcept(const Json& cc, const KnowledgePack& pack) {
  if (!cc.is_object()) return nullptr;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(cc.dump()).get(root) != simdjson::SUCCESS) return nullptr;
  return fhir::FindDrug(root, pack.drugs);
}

const Drug* DrugOfRequest(const Json& res, const KnowledgePack& pack) {
  if (auto cc = res.find("medicationCodeableConcept"); cc != res.end()) {
    return DrugOfConcept(*cc, pack);
  }
  auto ref = res.find("medicationReference");
  if (ref == res.end() || !ref->is_object()) return nullptr;
  const std::string target = ref->value("reference", "");
  if (!target.starts_with("#") || !res.contains("contained") || !res["contained"].is_array()) {
    return nullptr;
  }
  for (const auto& c : res["contained"]) {
    if (c.is_object() && c.value("resourceType", "") == "Medication" &&
        Cat({"#", c.value("id", "")}) == target && c.contains("code")) {
      return DrugOfConcept(c["code"], pack);
    }
  }
  return nullptr;
}

}  // namespace

std::vector<DraftMedication> DraftMedications(const Json& draft_orders, const Json* selections,
                                              const KnowledgePack& pack) {
  std::vector<DraftMedication> out;
  auto entries = draft_orders.find("entry");
  if (entries == draft_orders.end() || !entries->is_array()) return out;
  for (size_t i = 0; i < entries->size(); ++i) {
    const auto& entry = (*entries)[i];
    if (!entry.is_object() || !entry.contains("resource")) continue;
    const auto& res = entry["resource"];
    if (!res.is_object() || res.value("resourceType", "") != "MedicationRequest") continue;
    const Drug* drug = DrugOfRequest(res, pack);
    if (!drug) continue;
    DraftMedication d;
    d.drug = drug;
    d.reference = res.contains("id") && res["id"].is_string()
                      ? Cat({"MedicationRequest/", res["id"].get<std::string>()})
                      : Cat({"draftOrders.entry[", std::to_string(i), "]"});
    if (selections && selections->is_array()) {
      d.selected =
          std::find(selections->begin(), selections->end(), Json(d.reference)) != selections->end();
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace oncnav
