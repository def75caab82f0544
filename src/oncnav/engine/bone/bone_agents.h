#pragma once

#include <vector>

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// Every regimen that gives a bone-modifying agent (drugs.json class bone_modifying_agent), one
// entry per agent, ordered by start; `ongoing` when it has started and not stopped by `as_of`.
std::vector<BoneAgentUse> FindBoneAgentUses(const PatientRecord& record, const KnowledgePack& pack,
                                            const Date& as_of);

// The distinct agents ongoing at `as_of`, in the order found.
std::vector<std::string> CurrentBoneAgents(const std::vector<BoneAgentUse>& uses);

}  // namespace oncnav
