#pragma once

#include <optional>
#include <string>

#include "oncnav/calc/score.h"

namespace oncnav {

struct TokuhashiInput {
  std::optional<double> karnofsky;              // general condition as Karnofsky 10-100 ...
  std::string condition;                        // ... or as poor | moderate | good
  std::optional<double> extraspinal_bone_mets;  // number of foci
  std::optional<double> vertebral_mets;         // number of vertebral body metastases (>= 1)
  std::string organ_mets;                       // none | removable | unremovable
  std::string primary = "breast";               // the primary site; breast scores 5
  std::string palsy;                            // none | incomplete | complete ...
  std::string frankel;                          // ... or the Frankel grade A-E
};

// Revised Tokuhashi score (0-15) and its predicted-survival band (under_6_months,
// 6_months_or_more, 1_year_or_more). The treatment mapping often attached to the bands is
// unverified and not given. Errors name kps, condition, extraspinal-bone-mets, vertebral-mets,
// organ-mets, primary, palsy, frankel.
Result<ScoreResult> TokuhashiScore(const TokuhashiInput& input, const KnowledgePack& pack);

}  // namespace oncnav
