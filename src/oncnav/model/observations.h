#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"

namespace oncnav {

// A laboratory value, already converted to the canonical unit of its test (see the pack's
// labs.json). `original_*` keep what was recorded so nothing is silently changed.
struct LabResult {
  Date date;
  std::string test;  // pack vocabulary: "creatinine", "calcium", "albumin", "neutrophils", ...
  double value = 0;
  std::string unit;  // canonical unit after conversion
  double original_value = 0;
  std::string original_unit;
};

struct TumorMarker {
  Date date;
  std::string marker;  // "CA15-3", "CEA", "CA27-29"
  double value = 0;
  std::string unit;
};

enum class PerformanceScale { kEcog, kKarnofsky };

struct PerformanceStatus {
  Date date;
  PerformanceScale scale = PerformanceScale::kEcog;
  int value = 0;
};

struct Goals {
  std::string statement;                // the patient's own words
  std::vector<std::string> priorities;  // e.g. "quality_of_life", "longest_survival"
};

}  // namespace oncnav
