#pragma once

#include "oncnav/engine/bone/bone_plan.h"
#include "oncnav/report/json_output.h"

namespace oncnav {

// The `bone` section of `oncnav evaluate` (docs/output.md, "Bone"): indication, the
// bone-modifying agent plan (`bma`), kidney and calcium status, the pre-first-dose checklist
// and what is still pending, monitoring, patient guidance and the bone alerts. Words follow
// `lang`; codes, drugs (INN) and numbers do not.
Json BoneToJson(const BonePlan& plan, const KnowledgePack& pack, std::string_view lang,
                std::string_view region);

}  // namespace oncnav
