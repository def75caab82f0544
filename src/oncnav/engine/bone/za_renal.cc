#include "oncnav/engine/bone/za_renal.h"

#include <algorithm>

#include "oncnav/calc/calc_common.h"
#include "oncnav/calc/cockcroft_gault.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::vector<const LabResult*> Creatinines(const PatientRecord& record, const Date& as_of) {
  std::vector<const LabResult*> out;
  for (const auto& lab : record.labs) {
    if (lab.test == "creatinine" && lab.date <= as_of) out.push_back(&lab);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LabResult* a, const LabResult* b) { return a->date < b->date; });
  return out;
}

// Cockcroft-Gault for one creatinine, with the age at that date; nullopt when the record lacks
// weight, sex or birth date (the calculations section says which).
std::optional<double> ClearanceFor(const BoneContext& ctx, const LabResult& scr) {
  const auto& d = ctx.record.demographics;
  if (!d.weight_kg || !d.birth_date || (d.sex != Sex::kFemale && d.sex != Sex::kMale)) {
    return std::nullopt;
  }
  CockcroftGaultInput in;
  in.age_years = MonthsBetween(*d.birth_date, scr.date) / 12;
  in.sex = d.sex;
  in.weight_kg = d.weight_kg;
  in.creatinine = Quantity{scr.value, scr.unit};
  auto result = CockcroftGault(in, ctx.pack);
  if (!result) return std::nullopt;
  return result->crcl_ml_min;
}

std::string Fmt(double v, int decimals = 1) { return FormatNumber(v, decimals); }

void SetDose(const ZaRenalConfig& cfg, ZaRenalStatus& s, BonePlan& plan) {
  if (!s.crcl_ml_min) return;
  s.dose_mg = ZaDoseForClearance(cfg, *s.crcl_ml_min);
  s.below_30 = !s.dose_mg;
  plan.Use(s.below_30 ? cfg.not_recommended_rule : cfg.dose_rule);
}

}  // namespace

std::optional<double> ZaDoseForClearance(const ZaRenalConfig& config, double crcl_ml_min) {
  for (const auto& band : config.bands) {
    if (crcl_ml_min > band.min_crcl || (band.inclusive && crcl_ml_min == band.min_crcl)) {
      return band.dose_mg;
    }
  }
  return std::nullopt;
}

ZaRenalStatus AssessZaRenal(const BoneContext& ctx, const BoneAgentUse* za, BonePlan& plan) {
  const ZaRenalConfig& cfg = ctx.pack.bone.za_renal;
  ZaRenalStatus s;
  s.state = "none";
  auto series = Creatinines(ctx.record, ctx.as_of);
  if (!series.empty()) {
    s.latest_creatinine_mg_dl = series.back()->value;
    s.latest_date = series.back()->date;
  }
  if (!za || !za->ongoing) {
    // Before a first dose: the latest creatinine sets the dose.
    for (const auto& r : ctx.calcs.results) {
      if (const auto* cg = std::get_if<CockcroftGaultResult>(&r.output.report)) {
        s.crcl_ml_min = cg->crcl_ml_min;
        if (!r.inputs.empty()) s.crcl_date = r.inputs.front().date;
        s.crcl_basis = "latest";
      }
    }
    SetDose(cfg, s, plan);
    return s;
  }
  const Date start = *za->regimen->start;
  const LabResult* baseline = nullptr;
  for (const auto* lab : series) {
    if (lab->date <= start) baseline = lab;
  }
  plan.Use(cfg.monitor_rule);
  if (!baseline) {
    AddUnique(plan.tests_needed, {"test.bone-za-baseline-creatinine",
                                  Severity::kWarning,
                                  {{"start", start.ToString()}},
                                  cfg.monitor_rule});
    return s;
  }
  s.baseline_creatinine_mg_dl = baseline->value;
  s.baseline_date = baseline->date;
  s.crcl_ml_min = ClearanceFor(ctx, *baseline);
  s.crcl_date = baseline->date;
  s.crcl_basis = "baseline";
  SetDose(cfg, s, plan);

  const double base = baseline->value;
  const double rise = base < cfg.normal_baseline_below_mg_dl ? cfg.rise_from_normal_mg_dl
                                                             : cfg.rise_from_abnormal_mg_dl;
  bool held = false, resumed = false;
  const LabResult* trigger = nullptr;
  for (const auto* lab : series) {
    if (lab->date <= baseline->date || lab == baseline) continue;
    if (!held && lab->value - base >= rise - 1e-9) {
      held = true;
      trigger = lab;
      s.held_since = lab->date;
    } else if (held && lab->value <= base * (1 + cfg.resume_within_fraction) + 1e-9) {
      held = false;
      resumed = true;
    }
  }
  Texts::Params params = {
      {"baseline", Fmt(base, 2)},
      {"baseline_date", baseline->date.ToString()},
      {"latest", s.latest_creatinine_mg_dl ? Fmt(*s.latest_creatinine_mg_dl, 2) : ""},
      {"latest_date", s.latest_date ? s.latest_date->ToString() : ""},
      {"rise", Fmt(rise, 1)},
      {"dose", s.dose_mg ? Fmt(*s.dose_mg, 1) : "-"}};
  if (held) {
    s.state = "withhold";
    params.push_back({"held_since", trigger->date.ToString()});
    plan.Use(cfg.hold_rule);
    AddUnique(plan.alerts, {"alert.bone-za-withhold", Severity::kCritical, params, cfg.hold_rule});
  } else if (resumed) {
    s.state = "resume";
    plan.Use(cfg.hold_rule);
    plan.Use(cfg.resume_rule);
    AddUnique(plan.alerts, {"alert.bone-za-resume", Severity::kInfo, params, cfg.resume_rule});
  } else {
    s.state = "ok";
  }
  return s;
}

}  // namespace oncnav
