#pragma once

#include <optional>
#include <string_view>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// The patient-view card of the bone-modifying agent plan (docs/bone-care.md): the options with
// dose, route, interval and status, the agents excluded and why, and the checks still pending
// before the first dose, with the sources of the agents' rules. nullopt when the record has no
// bone metastasis and no bone-modifying agent. The plan's alerts have cards of their own.
std::optional<Json> BonePlanCard(const BonePlan& plan, const KnowledgePack& pack,
                                 std::string_view lang);

}  // namespace oncnav
