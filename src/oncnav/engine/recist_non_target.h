#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/engine/recist_baseline.h"

namespace oncnav::recist {

enum class NonTargetCategory { kCR, kNonCrNonPd, kPD, kNE, kNone };
std::string_view NonTargetName(NonTargetCategory c);

// §1.2.5. PD only on the reader's call of unequivocal progression, which must reflect the
// whole tumour burden; the engine cannot judge that from sizes, so it takes the call as given.
// Ids of non-target lesions not evaluated are appended to `missing`.
NonTargetCategory ClassifyNonTargets(const Baseline& baseline, const ImagingAssessment& follow_up,
                                     const RecistConfig& config, std::vector<std::string>& missing);

}  // namespace oncnav::recist
