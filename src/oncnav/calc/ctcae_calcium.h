#pragma once

#include <optional>
#include <string>

#include "oncnav/calc/ctcae_grade.h"

namespace oncnav {

// Calcium to grade: exactly one of a total calcium with its albumin (corrected here), an
// already corrected calcium, or an ionised calcium. Calcium is never graded uncorrected.
struct CalciumGradeInput {
  std::optional<Quantity> calcium;  // total; needs albumin
  std::optional<Quantity> albumin;
  std::string formula;  // correction formula; empty = pack default
  std::optional<bool> correct_high_albumin;
  std::optional<Quantity> corrected_calcium;
  std::optional<Quantity> ionized_calcium;
  CtcaeReferences references;  // LLN / ULN in the unit of the calcium given
};

// CTCAE v5 hypocalcaemia / hypercalcaemia from the laboratory value. Errors name calcium,
// albumin, corrected-calcium, ionized-calcium, calcium-unit, albumin-unit, formula, lln, uln.
Result<CtcaeGradeResult> GradeHypocalcemia(const CalciumGradeInput& input,
                                           const KnowledgePack& pack);
Result<CtcaeGradeResult> GradeHypercalcemia(const CalciumGradeInput& input,
                                            const KnowledgePack& pack);

}  // namespace oncnav
