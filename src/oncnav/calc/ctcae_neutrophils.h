#pragma once

#include <optional>

#include "oncnav/calc/ctcae_grade.h"

namespace oncnav {

struct NeutrophilGradeInput {
  std::optional<Quantity> neutrophils;  // 10*9/L, /mm3, /uL, ...
  CtcaeReferences references;           // LLN in the neutrophils' unit
};

// CTCAE v5 neutrophil count decreased (errors name neutrophils, neutrophils-unit, lln).
Result<CtcaeGradeResult> GradeNeutrophilCountDecreased(const NeutrophilGradeInput& input,
                                                       const KnowledgePack& pack);

}  // namespace oncnav
