#pragma once

#include <string>
#include <vector>

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// The checklist before the first dose of a bone-modifying agent, item by item, for `agents`
// (the items of bone.json whose agents include one of them). `reference` is the first dose, or
// the evaluation date when none has been given: a laboratory value or dental examination counts
// when dated in the pack's window before it. Adds the rules applied to `plan`.
std::vector<ChecklistEntry> AssessChecklist(const BoneContext& context,
                                            const std::vector<std::string>& agents,
                                            const Date& reference, BonePlan& plan);

}  // namespace oncnav
