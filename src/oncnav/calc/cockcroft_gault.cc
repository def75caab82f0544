#include "oncnav/calc/cockcroft_gault.h"

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

constexpr double kCmPerInch = 2.54;  // exact by definition

// The weight the formula will use, or nullopt with errors recorded.
std::optional<double> ChooseWeight(const CockcroftGaultInput& in, const KnowledgePack& pack,
                                   CockcroftGaultResult& out, std::vector<Error>& errors) {
  const auto& cfg = pack.calculators.cockcroft_gault;
  const auto& limits = pack.calculators.limits;
  if (in.height_cm) {
    if (!CheckLimits(*in.height_cm, limits.height_cm, "height", "cm", errors)) return std::nullopt;
    out.height_cm = in.height_cm;
  }
  if (in.weight_kg) {
    if (in.weight_basis == WeightBasis::kIdeal && in.height_cm && in.sex == Sex::kFemale) {
      errors.push_back({ErrorCode::kInvalidValue, "weight",
                        "give either the ideal weight itself (weight) or the height to compute "
                        "it (height), not both"});
      return std::nullopt;
    }
    if (!CheckLimits(*in.weight_kg, limits.weight_kg, "weight", "kg", errors)) return std::nullopt;
    return in.weight_kg;
  }
  switch (in.weight_basis) {
    case WeightBasis::kActual:
      errors.push_back({ErrorCode::kMissingField, "weight", "is required (kg)"});
      return std::nullopt;
    case WeightBasis::kAdjusted:
      errors.push_back({ErrorCode::kMissingField, "weight",
                        "give the adjusted body weight in kg: the knowledge pack has no formula "
                        "for it"});
      return std::nullopt;
    case WeightBasis::kIdeal:
      break;
  }
  if (in.sex != Sex::kFemale || !cfg.ibw_female_base_kg) {
    if (in.sex == Sex::kFemale || in.sex == Sex::kMale) {
      errors.push_back({ErrorCode::kMissingField, "weight",
                        "give the ideal body weight in kg: the knowledge pack has an ideal-weight "
                        "formula for women only"});
    }
    return std::nullopt;  // an unusable sex is reported on its own field
  }
  if (!in.height_cm) {
    errors.push_back({ErrorCode::kMissingField, "height",
                      "is required to compute the ideal body weight (or give the weight)"});
    return std::nullopt;
  }
  double inches = *in.height_cm / kCmPerInch;
  double ibw = *cfg.ibw_female_base_kg + cfg.ibw_kg_per_inch * (inches - cfg.ibw_reference_inches);
  if (!(ibw >= limits.weight_kg.min)) {
    errors.push_back({ErrorCode::kInvalidValue, "height",
                      Cat({FormatNumber(*in.height_cm),
                           " cm is too short for the ideal body "
                           "weight formula"})});
    return std::nullopt;
  }
  out.weight_computed = true;
  return ibw;
}

}  // namespace

std::string_view WeightBasisName(WeightBasis b) {
  switch (b) {
    case WeightBasis::kActual:
      return "actual";
    case WeightBasis::kIdeal:
      return "ideal";
    case WeightBasis::kAdjusted:
      return "adjusted";
  }
  return "actual";
}

Result<CockcroftGaultResult> CockcroftGault(const CockcroftGaultInput& in,
                                            const KnowledgePack& pack) {
  const auto& cfg = pack.calculators.cockcroft_gault;
  const auto& limits = pack.calculators.limits;
  std::vector<Error> errors;
  CockcroftGaultResult out;
  out.trace.Use(limits.rule);

  if (!in.age_years) {
    errors.push_back({ErrorCode::kMissingField, "age", "is required (years)"});
  } else {
    CheckLimits(*in.age_years, limits.age_years, "age", "years", errors);
  }
  if (in.sex != Sex::kFemale && in.sex != Sex::kMale) {
    errors.push_back({ErrorCode::kInvalidValue, "sex",
                      "must be female or male: the formula has a factor for women only"});
  }
  auto weight = ChooseWeight(in, pack, out, errors);
  std::optional<double> scr;
  if (!in.creatinine) {
    errors.push_back({ErrorCode::kMissingField, "creatinine", "is required (mg/dL or umol/L)"});
  } else {
    scr =
        CheckLabValue(pack, "creatinine", *in.creatinine, "creatinine", "creatinine-unit", errors);
  }
  if (!errors.empty()) return errors;

  out.sex = in.sex;
  out.age_years = *in.age_years;
  out.weight_kg = *weight;
  out.weight_basis = in.weight_basis;
  out.creatinine = *in.creatinine;
  out.creatinine_mg_dl = *scr;
  out.creatinine_umol_l = ConvertLab(*pack.labs.Find("creatinine"), *scr, "mg/dL", "umol/L");
  out.creatinine_used_mg_dl = *scr;
  out.trace.Use(cfg.rule);
  if (in.creatinine->unit != "mg/dL") out.trace.Use("LAB-UNITS");
  if (out.weight_computed) {
    out.trace.Note(
        "calc.note.cg-ideal-weight", Severity::kInfo,
        {{"weight", FormatNumber(out.weight_kg)}, {"height", FormatNumber(*in.height_cm)}},
        cfg.ibw_rule);
  }
  if (in.round_creatinine.value_or(cfg.round_up_default) && *scr < cfg.round_up_below_mg_dl) {
    out.creatinine_used_mg_dl = cfg.round_up_below_mg_dl;
    out.creatinine_rounded_up = true;
    out.trace.Note(
        "calc.note.cg-rounded", Severity::kInfo,
        {{"given", FormatNumber(*scr, 2)}, {"used", FormatNumber(cfg.round_up_below_mg_dl, 2)}},
        cfg.round_rule);
  }
  double crcl = (cfg.age_constant - out.age_years) * out.weight_kg /
                (cfg.creatinine_multiplier * out.creatinine_used_mg_dl);
  if (out.sex == Sex::kFemale) crcl *= cfg.female_factor;
  out.crcl_ml_min = crcl;
  out.trace.Note("calc.note.cg-not-normalised", Severity::kInfo, {}, cfg.rule);
  if (out.weight_basis != WeightBasis::kActual) {
    out.trace.Note("calc.note.cg-weight-basis", Severity::kInfo,
                   {{"basis", Cat({"@calc.value.weight.", WeightBasisName(out.weight_basis)})}},
                   cfg.rule);
  }
  return out;
}

}  // namespace oncnav
