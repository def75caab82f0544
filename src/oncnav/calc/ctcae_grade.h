#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/calc/calc_common.h"
#include "oncnav/calc/corrected_calcium.h"

namespace oncnav {

// The lab's own limits of normal and the patient's baseline, in the graded value's unit.
struct CtcaeReferences {
  std::optional<double> lln;
  std::optional<double> uln;
  std::optional<double> baseline;
};

// A CTCAE grade derived from one laboratory value. When a reference the grade depends on is
// missing (e.g. no LLN for a calcium of 8.5 mg/dL), the grade is the range still possible and
// `needs` names what would settle it; `grade` is set only when the range is one grade.
// Clinical qualifiers (symptoms, hospitalisation, death) are never applied: this is the
// lab-derived grade for a clinician to confirm.
struct CtcaeGradeResult {
  std::string term;     // hypocalcemia | hypercalcemia | creatinine_increased | ...
  std::string version;  // "5.0"
  std::string basis;    // corrected_calcium | ionized_calcium | creatinine | neutrophils
  double value = 0;     // the value graded, in `unit`
  std::string unit;
  std::optional<int> grade;
  int min_grade = 0;
  int max_grade = 0;
  std::vector<std::string> needs;                    // "lln" | "uln" | "baseline"
  CtcaeReferences references;                        // as used, in `unit`
  std::optional<CorrectedCalciumResult> correction;  // when calcium was corrected here
  CalcTrace trace;
};

// Grades `value` (of `lab`, in `unit`) on `term`'s scale for `basis`. Picks the scale written
// in the value's unit (or a relative one); otherwise converts the value and references to the
// first scale's unit. The caller has validated the value; references are checked here (errors
// name lln, uln or baseline). Records the term's rule and the lab-grade rule.
Result<CtcaeGradeResult> GradeLabValue(const KnowledgePack& pack, std::string_view term,
                                       std::string_view basis, const Quantity& value,
                                       const CtcaeReferences& references);

}  // namespace oncnav
