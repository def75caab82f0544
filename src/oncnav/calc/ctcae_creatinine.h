#pragma once

#include <optional>

#include "oncnav/calc/ctcae_grade.h"

namespace oncnav {

struct CreatinineGradeInput {
  std::optional<Quantity> creatinine;  // mg/dL or umol/L
  CtcaeReferences references;          // ULN and/or baseline, in the creatinine's unit
};

// CTCAE v5 creatinine increased. Needs the ULN or the baseline (errors name creatinine,
// creatinine-unit, uln, baseline); with only one of them the grade may be a range.
Result<CtcaeGradeResult> GradeCreatinineIncreased(const CreatinineGradeInput& input,
                                                  const KnowledgePack& pack);

}  // namespace oncnav
