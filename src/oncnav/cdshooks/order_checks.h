#pragma once

#include <string>
#include <vector>

#include "oncnav/cdshooks/cds_knowledge.h"
#include "oncnav/cdshooks/draft_orders.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/engine/finding.h"

namespace oncnav {

// One problem with one draft order. `code` is the text key of the card summary; the card
// detail is `code` + "-detail" with the same params (texts/<lang>/cds.json).
struct OrderFinding {
  std::string code;
  Severity severity = Severity::kWarning;
  Texts::Params params;
  const Rule* rule = nullptr;  // the pack rule that decided it
  std::string order;           // DraftMedication::reference
};

// Checks each selected draft medication against the patient's record and evaluation:
//  - a second drug of an exclusive class (safety.json exclusive_classes, SAFE-EXCLUSIVE-CLASS),
//    ordered together or while one is active (e.g. zoledronic acid with denosumab);
//  - a renal limit of cds.json (zoledronic acid below 30 mL/min Cockcroft-Gault), or a
//    creatinine clearance that cannot be computed from the record;
//  - a hard stop or review flag of safety.json raised by a recorded adverse event (e.g.
//    trastuzumab deruxtecan after grade >= 2 interstitial lung disease);
//  - a drug the therapy engine excluded for the patient's biomarkers, assay or region and that
//    no proposed option contains.
// Severity is critical for a hard stop or renal limit whose evidence may drive a default, and
// warning otherwise (design-grade rules only caution). A safe order yields nothing.
std::vector<OrderFinding> CheckDraftOrders(const std::vector<DraftMedication>& drafts,
                                           const Evaluation& ev, const KnowledgePack& pack,
                                           const CdsKnowledge& cds);

}  // namespace oncnav
