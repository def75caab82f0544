#include "oncnav/calc/ctcae_calcium.h"

namespace oncnav {
namespace {

Result<CtcaeGradeResult> GradeCalcium(std::string_view term, const CalciumGradeInput& in,
                                      const KnowledgePack& pack) {
  const std::string& basis_rule = pack.calculators.ctcae.calcium_basis_rule;
  int given = (in.calcium ? 1 : 0) + (in.corrected_calcium ? 1 : 0) + (in.ionized_calcium ? 1 : 0);
  if (given != 1) {
    return Error{given == 0 ? ErrorCode::kMissingField : ErrorCode::kInvalidValue, "calcium",
                 "give exactly one of calcium (with albumin), corrected-calcium or "
                 "ionized-calcium"};
  }
  std::vector<Error> errors;
  std::optional<CorrectedCalciumResult> correction;
  Quantity value;
  std::string basis = "corrected_calcium";
  if (in.calcium) {
    if (!in.albumin) {
      return Error{ErrorCode::kMissingField, "albumin",
                   "is needed: calcium is graded on albumin-corrected or ionised calcium, never "
                   "on total calcium"};
    }
    auto corrected =
        CorrectCalcium({in.calcium, in.albumin, in.formula, in.correct_high_albumin}, pack);
    if (!corrected) return corrected.errors();
    correction = std::move(corrected).value();
    value = {correction->corrected, correction->unit};
  } else if (in.corrected_calcium) {
    if (!CheckLabValue(pack, "calcium", *in.corrected_calcium, "corrected-calcium", "calcium-unit",
                       errors)) {
      return errors;
    }
    value = *in.corrected_calcium;
  } else {
    if (!CheckLabValue(pack, "ionized_calcium", *in.ionized_calcium, "ionized-calcium",
                       "calcium-unit", errors)) {
      return errors;
    }
    value = *in.ionized_calcium;
    basis = "ionized_calcium";
  }
  auto graded = GradeLabValue(pack, term, basis, value, in.references);
  if (!graded) return graded.errors();
  CtcaeGradeResult out = std::move(graded).value();
  out.trace.Use(basis_rule);
  if (correction) {
    // The correction's own provenance and caveats belong to this grade too.
    for (const auto& r : correction->trace.rules) out.trace.Use(r);
    for (const auto& n : correction->trace.notes) AddUnique(out.trace.notes, n);
    out.correction = std::move(correction);
  }
  return out;
}

}  // namespace

Result<CtcaeGradeResult> GradeHypocalcemia(const CalciumGradeInput& input,
                                           const KnowledgePack& pack) {
  return GradeCalcium("hypocalcemia", input, pack);
}

Result<CtcaeGradeResult> GradeHypercalcemia(const CalciumGradeInput& input,
                                            const KnowledgePack& pack) {
  return GradeCalcium("hypercalcemia", input, pack);
}

}  // namespace oncnav
