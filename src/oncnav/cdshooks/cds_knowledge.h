#pragma once

#include <string>
#include <vector>

#include "oncnav/common/result.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// A drug not to be given below a creatinine clearance (Cockcroft-Gault, mL/min).
struct RenalLimit {
  Rule rule;
  std::string drug;  // INN from drugs.json
  double min_crcl_ml_min = 0;
};

// The order-check knowledge of knowledge/<pack>/cds.json (only what no other pack file holds).
struct CdsKnowledge {
  std::vector<RenalLimit> renal_limits;
};

// Reads `dir`/cds.json and checks it against the loaded pack (sources, drugs); every problem
// is reported as a kKnowledgeInvalid Error naming the file and path.
Result<CdsKnowledge> LoadCdsKnowledge(const std::string& dir, const KnowledgePack& pack);

}  // namespace oncnav
