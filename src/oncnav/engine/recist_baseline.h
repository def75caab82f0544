#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/engine/recist.h"

namespace oncnav::recist {

struct BaselineTarget {
  std::string_view id;  // views into the baseline assessment, which outlives the evaluation
  bool nodal = false;
  double mm = 0;
};

struct BaselineNonTarget {
  std::string_view id;
  bool nodal = false;
};

struct Baseline {
  std::vector<BaselineTarget> targets;         // usable targets, input order
  std::vector<BaselineNonTarget> non_targets;  // declared plus demoted targets
  double sum_mm = 0;                           // RC-02
  bool all_bone = true;                        // every non-target is a bone lesion
};

// Validates the chosen targets (measurability, RC-01 caps, RC-04) and moves any that fail
// to the non-target list, with a warning saying so. Normal nodes are dropped.
Baseline BuildBaseline(const ImagingAssessment& assessment, const RecistConfig& config,
                       std::vector<RecistFinding>& findings, std::vector<std::string>& rules);

}  // namespace oncnav::recist
