#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// One prefetch template of oncnav's services. `required` keys must be prefetched or fetched
// before the engine can run; optional ones only add detail (language, specimens).
struct PrefetchTemplate {
  std::string key;
  std::string query;  // FHIR query with {{context.*}} / {{userPractitionerId}} tokens
  bool required = false;
};

// The templates every oncnav service asks for: the resources the FHIR importer reads.
const std::vector<PrefetchTemplate>& OncnavPrefetchTemplates();

// The hook a service id answers, or empty for an unknown id.
std::string_view HookOfService(std::string_view service_id);

// The discovery document (`GET {baseUrl}/cds-services`): the patient-view, order-sign and
// order-select services with titles and descriptions in `lang` and the prefetch templates.
Json CdsDiscovery(const KnowledgePack& pack, std::string_view lang = "en");

}  // namespace oncnav
