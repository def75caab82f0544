#include "oncnav/engine/recist_non_target.h"

#include "oncnav/engine/recist_detail.h"

namespace oncnav::recist {

std::string_view NonTargetName(NonTargetCategory c) {
  switch (c) {
    case NonTargetCategory::kCR:
      return "CR";
    case NonTargetCategory::kNonCrNonPd:
      return "non-CR/non-PD";
    case NonTargetCategory::kPD:
      return "PD";
    case NonTargetCategory::kNE:
      return "NE";
    case NonTargetCategory::kNone:
      return "none";
  }
  return "NE";
}

NonTargetCategory ClassifyNonTargets(const Baseline& baseline, const ImagingAssessment& follow_up,
                                     const RecistConfig& config,
                                     std::vector<std::string>& missing) {
  if (baseline.non_targets.empty()) return NonTargetCategory::kNone;
  bool progression = false, not_evaluated = false, persists = false;
  for (const auto& nt : baseline.non_targets) {
    const Lesion* lesion = FindLesion(follow_up, nt.id);
    if (!lesion || lesion->status == NonTargetStatus::kNotEvaluated) {
      not_evaluated = true;
      missing.emplace_back(nt.id);
    } else if (lesion->status == NonTargetStatus::kUnequivocalProgression) {
      progression = true;
    } else if (lesion->status == NonTargetStatus::kAbsent || lesion->disappeared) {
      // gone
    } else if (nt.nodal) {
      // A node counts as normalised once its short axis is below the CR threshold.
      auto size = Measure(*lesion);
      if (!size || *size + kEpsilon >= config.cr_node_below_mm) persists = true;
    } else {
      persists = true;
    }
  }
  if (progression) return NonTargetCategory::kPD;
  if (not_evaluated) return NonTargetCategory::kNE;
  return persists ? NonTargetCategory::kNonCrNonPd : NonTargetCategory::kCR;
}

}  // namespace oncnav::recist
