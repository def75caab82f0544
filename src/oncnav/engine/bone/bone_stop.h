#pragma once

#include <optional>
#include <vector>

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// Dates of skeletal-related events in the record on or before `as_of`: a pathological fracture
// or cord compression recorded as an adverse event, radiotherapy or surgery to a bone site
// (bone.json stop.sre_*).
std::vector<Date> SkeletalEventDates(const BoneContext& context);

// The continue and stop rules: continue after a skeletal event or on stable disease, stop only
// for an intolerable drug-related adverse event, cover after denosumab, never two agents at
// once. Adds alerts and rules to `plan` and returns the agents excluded for a drug-related
// adverse event (the other agent may be offered instead).
std::vector<BoneExclusion> AssessContinuation(const BoneContext& context, BonePlan& plan);

}  // namespace oncnav
