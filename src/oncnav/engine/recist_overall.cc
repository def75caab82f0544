#include "oncnav/engine/recist_overall.h"

namespace oncnav::recist {

OverallCall CombineWithTargets(TargetCategory target, NonTargetCategory non_target,
                               bool new_lesions) {
  // Progression in any component decides, whatever the others show.
  if (target == TargetCategory::kPD) return {"PD", "RECIST-PD"};
  if (non_target == NonTargetCategory::kPD) return {"PD", "RECIST-NT-PD"};
  if (new_lesions) return {"PD", "RECIST-NEW"};
  switch (target) {
    case TargetCategory::kNE:
      return {"NE", "RECIST-NE", true};
    case TargetCategory::kCR:
      if (non_target == NonTargetCategory::kCR || non_target == NonTargetCategory::kNone) {
        return {"CR", "RECIST-CR"};
      }
      if (non_target == NonTargetCategory::kNE) return {"PR", "RECIST-CR-NT-NE", true};
      return {"PR", "RECIST-OVERALL"};
    case TargetCategory::kPR:
      return {"PR", "RECIST-OVERALL"};
    case TargetCategory::kSD:
      return {"SD", "RECIST-OVERALL"};
    default:
      return {"NE", "RECIST-NE", true};
  }
}

OverallCall CombineNonTargetOnly(NonTargetCategory non_target, bool new_lesions) {
  if (non_target == NonTargetCategory::kPD) return {"PD", "RECIST-NT-PD"};
  if (new_lesions) return {"PD", "RECIST-NEW"};
  switch (non_target) {
    case NonTargetCategory::kCR:
      return {"CR", "RECIST-NONTARGET-ONLY"};
    case NonTargetCategory::kNonCrNonPd:
      return {"non-CR/non-PD", "RECIST-NONTARGET-ONLY"};
    case NonTargetCategory::kNE:
      return {"NE", "RECIST-NE", true};
    default:
      return {"NE", "RECIST-BASELINE"};  // no disease recorded at baseline
  }
}

}  // namespace oncnav::recist
