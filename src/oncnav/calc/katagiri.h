#pragma once

#include <optional>
#include <string>

#include "oncnav/calc/score.h"

namespace oncnav {

struct KatagiriInput {
  // slow | moderate | rapid, or breast_hormone_dependent (slow) /
  // breast_hormone_independent (moderate)
  std::string primary;
  std::string visceral;  // none | nodular | disseminated (pleural, peritoneal, leptomeningeal)
  std::string lab;       // normal | abnormal | critical
  std::optional<double> ecog;  // 0-4
  std::optional<bool> previous_chemotherapy;
  std::optional<bool> multiple_bone_mets;
};

// New Katagiri score (0-10) and group (low 0-3, intermediate 4-6, high 7-10). The group
// cut-offs and survival figures are verified; the per-factor points are not, so every result
// carries an unverified caveat. Errors name primary, visceral, lab, ecog,
// previous-chemotherapy, multiple-bone-mets.
Result<ScoreResult> KatagiriScore(const KatagiriInput& input, const KnowledgePack& pack);

}  // namespace oncnav
