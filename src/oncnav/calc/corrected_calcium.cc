#include "oncnav/calc/corrected_calcium.h"

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::string FormulaIds(const CalciumCorrectionConfig& cfg) {
  std::string out;
  for (const auto& f : cfg.formulas) out += (out.empty() ? "" : ", ") + f.id;
  return out;
}

}  // namespace

Result<CorrectedCalciumResult> CorrectCalcium(const CorrectedCalciumInput& in,
                                              const KnowledgePack& pack) {
  const auto& cfg = pack.calculators.calcium;
  std::vector<Error> errors;
  CorrectedCalciumResult out;
  std::optional<double> ca_mg_dl, alb_g_dl;
  if (!in.calcium) {
    errors.push_back({ErrorCode::kMissingField, "calcium", "is required (mg/dL or mmol/L)"});
  } else {
    ca_mg_dl = CheckLabValue(pack, "calcium", *in.calcium, "calcium", "calcium-unit", errors);
  }
  if (!in.albumin) {
    errors.push_back({ErrorCode::kMissingField, "albumin", "is required (g/dL or g/L)"});
  } else {
    alb_g_dl = CheckLabValue(pack, "albumin", *in.albumin, "albumin", "albumin-unit", errors);
  }
  out.formula_requested = in.formula.empty() ? cfg.default_formula : NormaliseChoice(in.formula);
  const CalciumFormula* formula = cfg.Formula(out.formula_requested);
  if (!formula) {
    errors.push_back({ErrorCode::kInvalidValue, "formula",
                      Cat({"'", in.formula, "' is not one of ", FormulaIds(cfg)})});
  }
  if (!errors.empty()) return errors;

  const LabTest& calcium = *pack.labs.Find("calcium");
  const LabTest& albumin = *pack.labs.Find("albumin");
  out.calcium = *in.calcium;
  out.albumin = *in.albumin;
  out.unit = in.calcium->unit;
  out.albumin_g_dl = *alb_g_dl;
  // Apply the formula written for the calcium's unit when there is one.
  if (!SameUnit(calcium, formula->calcium_unit, in.calcium->unit) && !formula->equivalent.empty()) {
    const CalciumFormula* eq = cfg.Formula(formula->equivalent);
    if (eq && SameUnit(calcium, eq->calcium_unit, in.calcium->unit)) formula = eq;
  }
  out.formula = formula->id;
  out.converted = !SameUnit(calcium, formula->calcium_unit, in.calcium->unit);
  out.trace.Use(formula->rule);
  if (in.calcium->unit != calcium.canonical_unit || in.albumin->unit != albumin.canonical_unit)
    out.trace.Use("LAB-UNITS");

  double ca = ConvertLab(calcium, in.calcium->value, in.calcium->unit, formula->calcium_unit);
  double alb = ConvertLab(albumin, in.albumin->value, in.albumin->unit, formula->albumin_unit);
  double corrected = ca;
  bool high = *alb_g_dl >= cfg.high_albumin_g_dl;
  if (high && !in.correct_high_albumin.value_or(cfg.correct_high_albumin)) {
    out.applied = false;
    out.trace.Note("calc.note.ca-high-albumin", Severity::kInfo,
                   {{"threshold", FormatNumber(cfg.high_albumin_g_dl)}}, cfg.high_albumin_rule);
  } else {
    corrected = ca + formula->slope * (formula->albumin_reference - alb);
  }
  if (!(corrected > 0)) {
    return Error{ErrorCode::kInvalidValue, "albumin",
                 "the corrected calcium would not be positive; check calcium and albumin"};
  }
  out.corrected = ConvertLab(calcium, corrected, formula->calcium_unit, in.calcium->unit);
  out.corrected_mg_dl = ConvertLab(calcium, corrected, formula->calcium_unit, "mg/dL");
  out.corrected_mmol_l = ConvertLab(calcium, corrected, formula->calcium_unit, "mmol/L");
  if (out.converted) {
    out.trace.Note(
        "calc.note.ca-converted", Severity::kInfo,
        {{"formula", Cat({"@calc.value.formula.", formula->id})}, {"unit", formula->calcium_unit}},
        formula->rule);
  }
  out.trace.Note("calc.note.ca-limits", Severity::kInfo, {}, cfg.limits_rule);
  NoteUnverified(out.trace, pack);
  return out;
}

}  // namespace oncnav
