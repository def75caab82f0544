#pragma once

#include <string_view>

#include "oncnav/engine/bone/bone_plan.h"
#include "oncnav/report/json_object.h"

namespace oncnav {

// Adds the issue-4 items 4-5 members to the `bone` object (docs/output.md): `scores.lesions`,
// `skeletal_events`, `sre_counts`, `local_therapy`, `symptom_checklists`, `markers` and
// `analgesia`. Never renames an existing member.
void AddLocalTherapyJson(const BonePlan& plan, const KnowledgePack& pack, std::string_view lang,
                         Json& bone);

}  // namespace oncnav
