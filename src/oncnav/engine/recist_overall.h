#pragma once

#include <string_view>

#include "oncnav/engine/recist_non_target.h"
#include "oncnav/engine/recist_target_response.h"

namespace oncnav::recist {

struct OverallCall {
  std::string_view overall;
  std::string_view rule;        // the table row's rule id
  bool unverified_row = false;  // a row the spec tags U: the caller adds a caution
};

// §1.2.7, patients with target disease at baseline.
OverallCall CombineWithTargets(TargetCategory target, NonTargetCategory non_target,
                               bool new_lesions);

// §1.2.7, patients with non-target disease only.
OverallCall CombineNonTargetOnly(NonTargetCategory non_target, bool new_lesions);

}  // namespace oncnav::recist
