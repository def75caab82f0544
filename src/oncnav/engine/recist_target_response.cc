#include "oncnav/engine/recist_target_response.h"

#include "oncnav/engine/recist_detail.h"

namespace oncnav::recist {

std::string_view TargetName(TargetCategory c) {
  switch (c) {
    case TargetCategory::kCR:
      return "CR";
    case TargetCategory::kPR:
      return "PR";
    case TargetCategory::kSD:
      return "SD";
    case TargetCategory::kPD:
      return "PD";
    case TargetCategory::kNE:
      return "NE";
    case TargetCategory::kNone:
      return "none";
  }
  return "NE";
}

TargetMeasurement MeasureTargets(const Baseline& baseline, const ImagingAssessment& follow_up,
                                 const RecistConfig& config) {
  TargetMeasurement m;
  for (const auto& target : baseline.targets) {
    const Lesion* lesion = FindLesion(follow_up, target.id);
    auto size = lesion ? Measure(*lesion) : std::nullopt;
    std::optional<double> mm;
    if (!lesion) {
      // Not in this assessment: not evaluated.
    } else if (size && *size >= 0) {
      mm = *size;  // a recorded number wins, even below 5 mm or for a small node (RM-01/03)
    } else if (lesion->disappeared) {
      mm = 0;  // RM-02
      m.used_gone = true;
    } else if (lesion->too_small_to_measure) {
      mm = config.too_small_mm;  // RM-01
      m.used_too_small = true;
    }
    if (!mm) {
      m.complete = false;
      m.missing.emplace_back(target.id);
      // An unseen lesion cannot count as gone.
      if (target.nodal)
        m.all_nodes_below_cr = false;
      else
        m.all_non_nodal_gone = false;
      continue;
    }
    m.sum_mm += *mm;
    if (target.nodal) {
      bool below = *mm + kEpsilon < config.cr_node_below_mm;
      m.all_nodes_below_cr = m.all_nodes_below_cr && below;
      m.node_below_normal = m.node_below_normal || below;
    } else if (*mm > 0) {
      m.all_non_nodal_gone = false;
    }
  }
  return m;
}

TargetCall ClassifyTargets(const TargetMeasurement& m, double baseline_mm, double nadir_mm,
                           bool held, const RecistConfig& config) {
  TargetCall call;
  double increase = m.sum_mm - nadir_mm;
  bool pd = increase + kEpsilon >= config.pd_increase_min_mm;
  if (nadir_mm > 0) {
    pd = pd && increase * 100 / nadir_mm + kEpsilon >= config.pd_increase_pct;
  } else if (m.sum_mm > 0) {
    // Every target had gone: the relative rise is undefined, so only the absolute rule
    // can decide. The wording of this edge case is unverified; the caller flags it.
    call.nadir_zero = true;
  }
  // Missing targets can only add to the sum, so PD on the measured ones stands (§1.2.7).
  if (pd) {
    call.category = TargetCategory::kPD;
    call.rule = "RECIST-PD";
  } else if (!m.complete) {
    call.category = TargetCategory::kNE;
    call.rule = "RECIST-NE";
  } else if (m.all_non_nodal_gone && m.all_nodes_below_cr) {
    call.category = TargetCategory::kCR;
    call.rule = "RECIST-CR";
  } else if (baseline_mm > 0 &&
             (m.sum_mm - baseline_mm) * 100 / baseline_mm <= -config.pr_decrease_pct + kEpsilon) {
    call.category = TargetCategory::kPR;
    call.rule = "RECIST-PR";
  } else if (held) {
    call.category = TargetCategory::kPR;
    call.rule = "RECIST-PR-HOLD";
  } else {
    call.category = TargetCategory::kSD;
    call.rule = "RECIST-SD";
  }
  return call;
}

}  // namespace oncnav::recist
