#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/engine/recist_baseline.h"

namespace oncnav::recist {

enum class TargetCategory { kCR, kPR, kSD, kPD, kNE, kNone };
std::string_view TargetName(TargetCategory c);

// The baseline targets as found in one follow-up assessment (RM-01..RM-03).
struct TargetMeasurement {
  double sum_mm = 0;     // over the evaluated targets only
  bool complete = true;  // every baseline target was evaluated
  bool all_non_nodal_gone = true;
  bool all_nodes_below_cr = true;
  bool used_too_small = false;     // RM-01 default entered
  bool used_gone = false;          // RM-02 zero entered
  bool node_below_normal = false;  // RM-03 small node kept in the sum
  std::vector<std::string> missing;
};

TargetMeasurement MeasureTargets(const Baseline& baseline, const ImagingAssessment& follow_up,
                                 const RecistConfig& config);

struct TargetCall {
  TargetCategory category = TargetCategory::kNE;
  std::string_view rule;
  bool nadir_zero = false;  // lesions came back after every target had gone (unverified)
};

// §1.2.4: PD against the nadir first, then CR, then PR against baseline, else SD. `held` is
// true once PR or CR was reached and PD has not followed: PR then stands until PD.
TargetCall ClassifyTargets(const TargetMeasurement& m, double baseline_mm, double nadir_mm,
                           bool held, const RecistConfig& config);

}  // namespace oncnav::recist
