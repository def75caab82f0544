#include "oncnav/cdshooks/prefetch_bundle.h"

#include "oncnav/cdshooks/discovery.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

void AddResource(const Json& res, const std::string& field, std::string_view patient_id,
                 Json& entries, std::vector<Error>& errors) {
  if (!res.is_object() || !res.contains("resourceType") || !res["resourceType"].is_string()) {
    errors.emplace_back(ErrorCode::kCdsBadRequest, field, "must be a FHIR resource");
    return;
  }
  const auto& type = res["resourceType"].get_ref<const std::string&>();
  if (type == "OperationOutcome") return;
  // The practitioner is read for the card language only; the importer needs the patient's data.
  if (type == "Practitioner" || type == "PractitionerRole") return;
  if (type == "Patient" && res.value("id", "") != patient_id) {
    errors.emplace_back(
        ErrorCode::kCdsBadRequest, Cat({field, ".id"}),
        Cat({"the prefetched Patient is not context.patientId (", patient_id, ")"}));
    return;
  }
  entries.push_back({{"resource", res}});
}

}  // namespace

Result<Json> BundleFromPrefetch(const Json& prefetch, std::string_view patient_id) {
  std::vector<Error> errors;
  Json entries = Json::array();
  for (const auto& t : OncnavPrefetchTemplates()) {
    auto it = prefetch.find(t.key);
    if (it == prefetch.end() || it->is_null()) continue;
    const std::string field = Cat({"prefetch.", t.key});
    if (it->is_object() && it->value("resourceType", "") == "Bundle") {
      if (!it->contains("entry")) continue;
      const auto& list = (*it)["entry"];
      if (!list.is_array()) {
        errors.emplace_back(ErrorCode::kCdsBadRequest, Cat({field, ".entry"}), "must be an array");
        continue;
      }
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string entry_field = Cat({field, ".entry[", std::to_string(i), "]"});
        if (!list[i].is_object() || !list[i].contains("resource")) {
          errors.emplace_back(ErrorCode::kCdsBadRequest, entry_field, "has no resource");
          continue;
        }
        AddResource(list[i]["resource"], Cat({entry_field, ".resource"}), patient_id, entries,
                    errors);
      }
    } else {
      AddResource(*it, field, patient_id, entries, errors);
    }
  }
  if (!errors.empty()) return errors;
  return Json{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}};
}

}  // namespace oncnav
