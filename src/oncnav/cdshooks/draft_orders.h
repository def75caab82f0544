#pragma once

#include <string>
#include <vector>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// A MedicationRequest of context.draftOrders whose drug the pack knows.
struct DraftMedication {
  std::string reference;  // "MedicationRequest/<id>", or "draftOrders.entry[i]" without an id
  const Drug* drug = nullptr;
  bool selected = true;  // order-select: named in context.selections
};

// The draft MedicationRequests in `draft_orders` (a Bundle), their drug found as the FHIR
// importer finds it (RxNorm code, then names in codings and text) in medicationCodeableConcept
// or in a contained Medication that medicationReference names. Other resources and drugs the
// pack does not know are skipped. With `selections` (order-select) only those are `selected`.
std::vector<DraftMedication> DraftMedications(const Json& draft_orders, const Json* selections,
                                              const KnowledgePack& pack);

}  // namespace oncnav
