#pragma once

#include <vector>

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// The agents that could be given now, each with dose, status and reasons: the current agent
// alone while one is given, else every agent of bone.json not in `excluded` and not ruled out
// by the zoledronic acid renal rules (those are added to `plan.excluded`). Expects
// `plan.current`, `plan.za_renal`, `plan.hypercalcemia` and `plan.hypocalcemia_grade` set.
std::vector<BoneOption> BuildBoneOptions(const BoneContext& context, BonePlan& plan);

// "approved" when the pack lists a label source for the region, else "unknown".
std::string_view ApprovalStatus(const BoneAgentDef& agent, std::string_view region);

}  // namespace oncnav
