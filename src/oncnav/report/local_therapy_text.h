#pragma once

#include <string>
#include <string_view>

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// The text report of skeletal events, local-therapy prompts, symptom checklists, marker
// trends and the analgesic ladder in `lang`; empty when the record has none of them.
std::string LocalTherapyToText(const BonePlan& plan, const KnowledgePack& pack,
                               std::string_view lang);

}  // namespace oncnav
