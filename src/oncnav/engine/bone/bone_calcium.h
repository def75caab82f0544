#pragma once

#include "oncnav/engine/bone/bone_plan.h"

namespace oncnav {

// Calcium for bone care, from the record's calculations: the hypercalcaemia-of-malignancy band
// of the latest albumin-corrected calcium (with its management rules as alerts), and the CTCAE
// hypocalcaemia grade (flagged when denosumab is given or proposed). Fills
// `plan.hypercalcemia` and `plan.hypocalcemia_grade`.
void AssessCalcium(const BoneContext& context, BonePlan& plan);

}  // namespace oncnav
