#pragma once

#include <optional>

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// The zoledronic acid dose for a creatinine clearance (bone.json za_renal.bands); nullopt below
// the lowest band, where the drug is not recommended.
std::optional<double> ZaDoseForClearance(const ZaRenalConfig& config, double crcl_ml_min);

// Zoledronic acid and the kidneys for this patient. On zoledronic acid (`za` ongoing), the
// clearance and dose come from the baseline creatinine (the last one on or before the start)
// and every later creatinine is checked against it: a rise past the threshold withholds the
// drug until a value is back within the resume fraction of baseline. Otherwise they come from
// the latest creatinine. Adds the rules applied, alerts and missing tests to `plan`.
ZaRenalStatus AssessZaRenal(const BoneContext& context, const BoneAgentUse* za, BonePlan& plan);

}  // namespace oncnav
