#pragma once

#include <string>

#include "oncnav/calc/score.h"

namespace oncnav {

struct SinsInput {
  std::string location;        // junctional | mobile | semi_rigid | rigid
  std::string level;           // or the vertebral level of the lesion: "T12", "C5", "S1", ...
  std::string pain;            // mechanical | occasional | none
  std::string lesion;          // lytic | mixed | blastic
  std::string alignment;       // subluxation | de_novo_deformity | normal
  std::string collapse;        // over_half | under_half | none_over_half_involved | none
  std::string posterolateral;  // bilateral | unilateral | none
};

// Spinal Instability Neoplastic Score (0-18) with its band (stable / potentially_unstable /
// unstable); 7 or more adds surgical-consultation advice. The location may be given as the
// vertebral level. Errors name location, level, pain, lesion, alignment, collapse,
// posterolateral.
Result<ScoreResult> SinsScore(const SinsInput& input, const KnowledgePack& pack);

}  // namespace oncnav
