#pragma once

#include <optional>
#include <string_view>

#include "oncnav/calc/calc_common.h"
#include "oncnav/model/demographics.h"

namespace oncnav {

// Which body weight the formula used. The labels do not fix the convention, so the caller
// chooses; actual body weight is the default (supportive-care.md §4.1).
enum class WeightBasis { kActual, kIdeal, kAdjusted };
std::string_view WeightBasisName(WeightBasis b);

struct CockcroftGaultInput {
  std::optional<double> age_years;
  Sex sex = Sex::kUnknown;
  // The weight the formula uses, of the kind `weight_basis` names. With kIdeal and no weight,
  // a woman's ideal body weight is computed from `height_cm` (the pack has no male formula).
  std::optional<double> weight_kg;
  std::optional<double> height_cm;
  WeightBasis weight_basis = WeightBasis::kActual;
  std::optional<Quantity> creatinine;    // mg/dL or umol/L
  std::optional<bool> round_creatinine;  // raise creatinine < 1.0 mg/dL to 1.0; pack default
};

struct CockcroftGaultResult {
  double crcl_ml_min = 0;  // not normalised to body surface area
  Sex sex = Sex::kUnknown;
  double age_years = 0;
  double weight_kg = 0;
  WeightBasis weight_basis = WeightBasis::kActual;
  bool weight_computed = false;  // ideal body weight computed from height
  std::optional<double> height_cm;
  Quantity creatinine;               // as given
  double creatinine_mg_dl = 0;       // as given, in mg/dL
  double creatinine_umol_l = 0;      // as given, in umol/L
  double creatinine_used_mg_dl = 0;  // after optional rounding up
  bool creatinine_rounded_up = false;
  CalcTrace trace;
};

// Creatinine clearance by Cockcroft-Gault. Every bad input is reported at once, each naming
// its field: age, sex, weight, height, creatinine, creatinine-unit, weight-basis.
Result<CockcroftGaultResult> CockcroftGault(const CockcroftGaultInput& input,
                                            const KnowledgePack& pack);

}  // namespace oncnav
