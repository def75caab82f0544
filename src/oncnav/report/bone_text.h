#pragma once

#include <string>
#include <string_view>

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// The bone section of the text report in `lang`: indication, options with dose, route,
// interval and reasons, what is not proposed, kidney function, the checklist with what is still
// pending, monitoring and the patient guidance for each agent. Empty when the record has no
// bone metastasis and no bone-modifying agent.
std::string BoneToText(const BonePlan& plan, const KnowledgePack& pack, std::string_view lang);

// One option on one line: agent, dose, route, interval and status ("denosumab 120 mg sc, every
// 4 weeks — recommended").
std::string BoneOptionLine(const BoneOption& option, const KnowledgePack& pack,
                           std::string_view lang);

}  // namespace oncnav
