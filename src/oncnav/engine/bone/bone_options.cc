#include "oncnav/engine/bone/bone_options.h"

#include <algorithm>

#include "oncnav/calc/calc_common.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

bool Contains(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

bool InRegion(const std::vector<std::string>& regions, std::string_view region) {
  return regions.empty() || Contains(regions, region);
}

void Reason(BonePlan& plan, BoneOption& o, const std::string& text, const std::string& rule,
            Texts::Params params = {}) {
  plan.Use(rule);
  AddUnique(o.reasons, {text, Severity::kInfo, std::move(params), rule});
}

void Caution(BonePlan& plan, BoneOption& o, const std::string& text, const std::string& rule,
             Texts::Params params = {}) {
  plan.Use(rule);
  AddUnique(o.cautions, {text, Severity::kWarning, std::move(params), rule});
}

// Zoledronic acid: the dose band, or why there is none. False when the agent is excluded.
bool RenalDose(const BoneContext& ctx, BonePlan& plan, BoneOption& o) {
  const ZaRenalConfig& cfg = ctx.pack.bone.za_renal;
  const ZaRenalStatus& zr = plan.za_renal;
  if (!zr.crcl_ml_min) {
    o.status = "pending";
    Reason(plan, o, "bone.reason.za-dose-unknown", cfg.dose_rule);
    AddUnique(plan.tests_needed, {"test.bone-crcl", Severity::kWarning, {}, cfg.dose_rule});
    return true;
  }
  Texts::Params p = {{"crcl", FormatNumber(*zr.crcl_ml_min, 1)},
                     {"date", zr.crcl_date ? zr.crcl_date->ToString() : ""},
                     {"basis", Cat({"@bone.crcl-basis.", zr.crcl_basis})}};
  if (zr.below_30) {
    Finding f{"excluded.bone-za-crcl-below-30", Severity::kWarning, p, cfg.not_recommended_rule};
    plan.excluded.push_back({o.agent->drug, "crcl-below-30", f});
    if (o.current) {
      AddUnique(plan.alerts,
                {"alert.bone-za-crcl-below-30", Severity::kCritical, p, cfg.not_recommended_rule});
    }
    return false;
  }
  o.dose_mg = zr.dose_mg;
  p.push_back({"dose", FormatNumber(*zr.dose_mg, 1)});
  Reason(plan, o, "bone.reason.za-dose", cfg.dose_rule, p);
  if (zr.dose_mg && *zr.dose_mg >= o.agent->dose_mg) {
    Reason(plan, o, "bone.reason.za-no-change", cfg.above_60_rule);
  }
  if (zr.state == "withhold") o.status = "withhold";
  return true;
}

void CalciumAndKidneys(const BoneContext& ctx, BonePlan& plan, BoneOption& o) {
  const BoneConfig& cfg = ctx.pack.bone;
  if (plan.hypercalcemia) {
    Caution(plan, o, "bone.caution.no-supplements-hypercalcemia", cfg.hc_no_supplements_rule);
  }
  const auto& crcl = plan.za_renal.crcl_ml_min;
  if (crcl && *crcl < cfg.dn_close_monitoring_below_crcl) {
    Texts::Params p = {{"crcl", FormatNumber(*crcl, 1)}};
    Caution(plan, o, "bone.caution.dn-low-crcl", cfg.dn_renal_rule, p);
    Caution(plan, o, "bone.caution.dn-ckd", cfg.dn_ckd_rule, p);
  }
  if (plan.hypocalcemia_grade) {
    Texts::Params p = {{"grade", std::to_string(*plan.hypocalcemia_grade)}};
    Caution(plan, o, "bone.caution.correct-calcium-first", cfg.hypocalcemia_correct_first_rule, p);
    plan.Use(cfg.hypocalcemia_rule);
    AddUnique(plan.alerts, {"alert.bone-hypocalcemia",
                            Severity::kWarning,
                            {{"grade", std::to_string(*plan.hypocalcemia_grade)},
                             {"drug", Cat({"@drug.", o.agent->drug})}},
                            cfg.hypocalcemia_rule});
    if (!o.current) o.status = "pending";
  }
}

}  // namespace

std::string_view ApprovalStatus(const BoneAgentDef& agent, std::string_view region) {
  auto it = agent.approval.find(region);
  return it != agent.approval.end() && !it->second.empty() ? "approved" : "unknown";
}

std::vector<BoneOption> BuildBoneOptions(const BoneContext& ctx, BonePlan& plan) {
  std::vector<BoneOption> out;
  for (const auto& agent : ctx.pack.bone.agents) {
    bool current = Contains(plan.current, agent.drug);
    if (!plan.current.empty() && !current) continue;
    bool excluded = std::any_of(plan.excluded.begin(), plan.excluded.end(),
                                [&](const BoneExclusion& e) { return e.drug == agent.drug; });
    if (excluded) continue;
    BoneOption o;
    o.agent = &agent;
    o.current = current;
    o.status = "recommended";
    plan.Use(agent.rule);
    if (current) Reason(plan, o, "bone.reason.continue", ctx.pack.bone.continue_rule);
    for (const auto& r : agent.reasons) {
      if (InRegion(r.regions, ctx.region)) Reason(plan, o, r.text, r.rule);
    }
    if (agent.renal_dosing) {
      if (!RenalDose(ctx, plan, o)) continue;
    } else {
      o.dose_mg = agent.dose_mg;
    }
    if (agent.calcium_vitamin_d) CalciumAndKidneys(ctx, plan, o);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace oncnav
