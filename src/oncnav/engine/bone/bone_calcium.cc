#include "oncnav/engine/bone/bone_calcium.h"

#include "oncnav/calc/calc_common.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

Severity SeverityOf(const std::string& s) {
  return s == "critical" ? Severity::kCritical : Severity::kWarning;
}

}  // namespace

void AssessCalcium(const BoneContext& ctx, BonePlan& plan) {
  const BoneConfig& cfg = ctx.pack.bone;
  for (const auto& r : ctx.calcs.results) {
    if (const auto* cc = std::get_if<CorrectedCalciumResult>(&r.output.report)) {
      const HypercalcemiaBand* band = nullptr;
      for (const auto& b : cfg.hc_bands) {
        if (cc->corrected_mg_dl >= b.min_mg_dl - 1e-9) band = &b;
      }
      if (!band) continue;
      Date date = r.inputs.empty() || !r.inputs.front().date ? ctx.as_of : *r.inputs.front().date;
      plan.hypercalcemia = HypercalcemiaStatus{cc->corrected_mg_dl, date, band};
      Texts::Params params = {{"value", FormatNumber(cc->corrected_mg_dl, 1)},
                              {"date", date.ToString()},
                              {"band", Cat({"@bone.hcm-band.", band->id})}};
      plan.Use(cfg.hc_basis_rule);
      plan.Use(cfg.hc_band_rule);
      AddUnique(plan.alerts,
                {"alert.bone-hypercalcemia", SeverityOf(band->severity), params, cfg.hc_band_rule});
      for (const auto& a : band->actions) {
        plan.Use(a.rule);
        AddUnique(plan.alerts, {a.text, SeverityOf(band->severity), params, a.rule});
      }
      if (cc->corrected_mg_dl > cfg.calcitonin_above_mg_dl) {
        plan.Use(cfg.calcitonin.rule);
        AddUnique(plan.alerts,
                  {cfg.calcitonin.text, Severity::kCritical, params, cfg.calcitonin.rule});
      }
    }
    if (const auto* g = std::get_if<CtcaeGradeResult>(&r.output.report)) {
      if (g->term != "hypocalcemia") continue;
      int grade = g->grade.value_or(g->min_grade);
      if (grade >= cfg.hypocalcemia_min_grade) plan.hypocalcemia_grade = grade;
    }
  }
}

}  // namespace oncnav
