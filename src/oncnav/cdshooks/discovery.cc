#include "oncnav/cdshooks/discovery.h"

#include "oncnav/common/text.h"

namespace oncnav {

const std::vector<PrefetchTemplate>& OncnavPrefetchTemplates() {
  static const std::vector<PrefetchTemplate> templates = {
      {"patient", "Patient/{{context.patientId}}", true},
      {"conditions", "Condition?patient={{context.patientId}}", true},
      {"observations", "Observation?patient={{context.patientId}}", true},
      {"medicationRequests", "MedicationRequest?patient={{context.patientId}}", true},
      {"adverseEvents", "AdverseEvent?subject={{context.patientId}}", true},
      {"procedures", "Procedure?patient={{context.patientId}}", false},
      {"specimens", "Specimen?patient={{context.patientId}}", false},
      {"bodyStructures", "BodyStructure?patient={{context.patientId}}", false},
      {"practitioner", "Practitioner/{{userPractitionerId}}", false},
  };
  return templates;
}

std::string_view HookOfService(std::string_view service_id) {
  if (service_id == kPatientViewService) return "patient-view";
  if (service_id == kOrderSignService) return "order-sign";
  if (service_id == kOrderSelectService) return "order-select";
  return {};
}

Json CdsDiscovery(const KnowledgePack& pack, std::string_view lang) {
  Json prefetch = Json::object();
  for (const auto& t : OncnavPrefetchTemplates()) prefetch[t.key] = t.query;
  Json services = Json::array();
  for (std::string_view id : {kPatientViewService, kOrderSignService, kOrderSelectService}) {
    const std::string hook(HookOfService(id));
    services.push_back({
        {"hook", hook},
        {"title", pack.texts.Render(lang, Cat({"cds.service.", hook, ".title"}))},
        {"description", pack.texts.Render(lang, Cat({"cds.service.", hook, ".description"}))},
        {"id", std::string(id)},
        {"prefetch", prefetch},
        {"usageRequirements", pack.texts.Render(lang, "cds.service.usage")},
    });
  }
  return {{"services", services}};
}

}  // namespace oncnav
