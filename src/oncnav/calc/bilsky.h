#pragma once

#include <string>

#include "oncnav/calc/calc_common.h"

namespace oncnav {

// A recorded Bilsky epidural spinal cord compression grade, validated, with its category.
struct BilskyResult {
  std::string grade;     // 0 | 1a | 1b | 1c | 2 | 3
  std::string category;  // low | debated | high
  CalcTrace trace;
};

// Validates the grade read on axial T2 MRI (case and spaces ignored: "1A", "1 a"). The
// error names the field grade and lists the grades.
Result<BilskyResult> BilskyGrade(const std::string& grade, const KnowledgePack& pack);

}  // namespace oncnav
