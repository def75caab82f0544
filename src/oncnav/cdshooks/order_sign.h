#pragma once

#include "oncnav/cdshooks/cds_knowledge.h"
#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// The order-sign and order-select services (`POST {baseUrl}/cds-services/oncnav-order-sign`,
// `.../oncnav-order-select`; `hook` must be the service's hook): checks the request, imports
// the prefetched record, evaluates it, runs CheckDraftOrders over the draft MedicationRequests
// (for order-select only those in context.selections) and answers with one warning or critical
// card per problem, each with a suggestion to delete the draft order; {"cards": []} for safe
// orders. Errors and kFetchNeeded as for HandlePatientView.
CdsResult HandleOrderSign(const Json& request, const KnowledgePack& pack, const CdsKnowledge& cds,
                          const CdsDefaults& defaults);
CdsResult HandleOrderSelect(const Json& request, const KnowledgePack& pack, const CdsKnowledge& cds,
                            const CdsDefaults& defaults);

}  // namespace oncnav
