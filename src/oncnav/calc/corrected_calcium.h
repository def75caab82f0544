#pragma once

#include <optional>
#include <string>

#include "oncnav/calc/calc_common.h"

namespace oncnav {

struct CorrectedCalciumInput {
  std::optional<Quantity> calcium;  // total serum calcium, mg/dL or mmol/L
  std::optional<Quantity> albumin;  // g/dL or g/L
  std::string formula;              // payne_0_8 | payne_original | si_0_02; empty = pack default
  // Correct even when albumin is at or above the pack's threshold (4.0 g/dL); pack default.
  std::optional<bool> correct_high_albumin;
};

struct CorrectedCalciumResult {
  double corrected = 0;  // in the calcium's own unit
  std::string unit;      // the calcium's unit as given
  double corrected_mg_dl = 0;
  double corrected_mmol_l = 0;
  Quantity calcium;  // as given
  Quantity albumin;  // as given
  double albumin_g_dl = 0;
  std::string formula_requested;  // what was asked for (or the pack default)
  std::string formula;            // what was applied (the same slope written for this unit)
  bool applied = true;            // false: albumin at or above the threshold, value unchanged
  bool converted = false;         // computed in the formula's units and converted back
  CalcTrace trace;
};

// Albumin-corrected calcium in the variant asked for. The result states the formula applied:
// with calcium in mmol/L the 0.8 formula is applied in its SI form (0.02 per g/L), and vice
// versa; Payne's original, written in mg/dL, is applied in mg/dL and converted back. Errors
// name calcium, calcium-unit, albumin, albumin-unit or formula.
Result<CorrectedCalciumResult> CorrectCalcium(const CorrectedCalciumInput& input,
                                              const KnowledgePack& pack);

}  // namespace oncnav
