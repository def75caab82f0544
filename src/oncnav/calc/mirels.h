#pragma once

#include <optional>
#include <string>

#include "oncnav/calc/score.h"

namespace oncnav {

struct MirelsInput {
  std::string site;    // upper_limb | lower_limb | peritrochanteric
  std::string pain;    // mild | moderate | functional
  std::string lesion;  // blastic | mixed | lytic
  std::string size;    // under_one_third | one_to_two_thirds | over_two_thirds of the diameter
  // Optional radiographic measurements flagged whatever the total (femoral series).
  std::optional<double> axial_cortical_mm;
  std::optional<double> circumferential_percent;
};

// Mirels score (4-12) with its band (low / borderline / high) and the action the source
// attaches to it, as advice. Errors name site, pain, lesion, size, axial-cortical-mm or
// circumferential-percent.
Result<ScoreResult> MirelsScore(const MirelsInput& input, const KnowledgePack& pack);

}  // namespace oncnav
