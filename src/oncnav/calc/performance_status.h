#pragma once

#include <optional>
#include <vector>

#include "oncnav/calc/calc_common.h"

namespace oncnav {

struct PerformanceStatusInput {
  std::optional<double> ecog;       // 0-5
  std::optional<double> karnofsky;  // 0-100 in tens
};

// ECOG <-> Karnofsky by the conventional pairing. Both are kept when both are given; a pair
// that does not match the convention is noted, never overwritten.
struct PerformanceStatusResult {
  std::optional<int> ecog_given;
  std::optional<int> karnofsky_given;
  int ecog = 0;                // given, or paired with the Karnofsky given
  std::vector<int> karnofsky;  // given (one value), or those paired with the ECOG given
  bool consistent = true;      // false when both were given and do not pair
  CalcTrace trace;
};

// Errors name ecog or kps (whole numbers; Karnofsky in tens).
Result<PerformanceStatusResult> ConvertPerformanceStatus(const PerformanceStatusInput& input,
                                                         const KnowledgePack& pack);

}  // namespace oncnav
