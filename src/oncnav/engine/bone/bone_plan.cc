#include "oncnav/engine/bone/bone_plan.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/engine/bone/bone_agents.h"
#include "oncnav/engine/bone/bone_calcium.h"
#include "oncnav/engine/bone/bone_checklist.h"
#include "oncnav/engine/bone/bone_options.h"
#include "oncnav/engine/bone/bone_stop.h"
#include "oncnav/engine/bone/za_renal.h"
#include "oncnav/record/native_vocabulary.h"

namespace oncnav {
namespace {

bool Contains(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Bone metastasis in the record: a metastatic site "bone", or a bone lesion on imaging (which
// is itself imaging confirmation).
void FindBoneDisease(const BoneContext& ctx, BonePlan& plan) {
  const BoneConfig& cfg = ctx.pack.bone;
  for (const auto& m : ctx.record.metastases) {
    if (m.site != cfg.bone_site || (m.date && *m.date > ctx.as_of)) continue;
    plan.bone_metastasis = true;
    if (m.date && (!plan.since || *m.date < *plan.since)) plan.since = m.date;
    plan.confirmed |= Contains(cfg.confirmations, NameOf(kConfirmationNames, m.confirmed_by));
  }
  for (const auto& img : ctx.record.imaging) {
    if (img.date > ctx.as_of) continue;
    for (const auto& l : img.lesions) {
      if (!Contains(cfg.imaging_organs, l.organ) || l.disappeared) continue;
      plan.bone_metastasis = plan.confirmed = true;
      if (!plan.since || img.date < *plan.since) plan.since = img.date;
    }
  }
}

std::vector<AgentAdvice> Advice(const std::vector<AgentText>& texts,
                                const std::vector<std::string>& agents, const BoneContext& ctx,
                                BonePlan& plan) {
  std::vector<AgentAdvice> out;
  for (const auto& drug : agents) {
    AgentAdvice a{drug, {}};
    for (const auto& t : texts) {
      if (!Contains(t.agents, drug)) continue;
      if (!t.regions.empty() && !Contains(t.regions, ctx.region)) continue;
      plan.Use(t.rule);
      a.items.push_back({t.text, Severity::kInfo, {{"drug", Cat({"@drug.", drug})}}, t.rule});
    }
    out.push_back(std::move(a));
  }
  return out;
}

void OsteonecrosisOfJaw(const BoneContext& ctx, BonePlan& plan) {
  for (const auto& ae : ctx.record.adverse_events) {
    if (!Contains(ctx.pack.bone.onj_terms, ae.term)) continue;
    if (ae.date && *ae.date > ctx.as_of) continue;
    const std::string& rule = ctx.pack.bone.onj_rule;
    plan.Use(rule);
    AddUnique(plan.alerts, {"alert.bone-onj",
                            Severity::kCritical,
                            {{"date", ae.date ? ae.date->ToString() : "-"},
                             {"grade", ae.grade ? std::to_string(ae.grade) : "-"}},
                            rule});
  }
}

}  // namespace

void BonePlan::Use(const std::string& rule) {
  if (!rule.empty() && std::find(rules.begin(), rules.end(), rule) == rules.end()) {
    rules.push_back(rule);
  }
}

BonePlan AssessBone(const BoneContext& ctx) {
  const BoneConfig& cfg = ctx.pack.bone;
  BonePlan plan;
  FindBoneDisease(ctx, plan);
  plan.uses = FindBoneAgentUses(ctx.record, ctx.pack, ctx.as_of);
  plan.current = CurrentBoneAgents(plan.uses);
  // Local therapy and symptoms do not depend on a bone metastasis (brain, lung, liver).
  LocalTherapyContext local{ctx.record, ctx.pack, ctx.as_of};
  plan.local = ReviewLocalTherapy(local, plan.rules, plan.alerts);
  plan.symptoms = ReviewSymptoms(local, plan.rules);
  if (!plan.bone_metastasis && plan.uses.empty()) return plan;

  if (plan.bone_metastasis && !plan.confirmed) {
    AddUnique(plan.tests_needed,
              {"test.bone-confirm-imaging", Severity::kWarning, {}, cfg.start_rules.back()});
    for (const auto& r : cfg.start_rules) plan.Use(r);
  } else if (plan.confirmed) {
    for (const auto& r : cfg.start_rules) plan.Use(r);
  }

  plan.excluded = AssessContinuation(ctx, plan);
  const BoneAgentUse* za = nullptr;
  for (const auto& u : plan.uses) {
    const BoneAgentDef* def = cfg.Agent(u.drug);
    if (u.ongoing && def && def->renal_dosing) za = &u;
  }
  plan.za_renal = AssessZaRenal(ctx, za, plan);
  AssessCalcium(ctx, plan);
  plan.options = BuildBoneOptions(ctx, plan);
  plan.recommended = plan.confirmed && !plan.options.empty();

  // Agents the plan is about: the current ones, else those proposed.
  std::vector<std::string> agents = plan.current;
  if (agents.empty()) {
    for (const auto& o : plan.options) agents.push_back(o.agent->drug);
  }
  plan.checklist_reference = plan.uses.empty() ? ctx.as_of : *plan.uses.front().regimen->start;
  if (plan.bone_metastasis) {
    plan.checklist = AssessChecklist(ctx, agents, *plan.checklist_reference, plan);
  }
  plan.monitoring = Advice(cfg.monitoring, agents, ctx, plan);
  plan.guidance = Advice(cfg.guidance, agents, ctx, plan);
  OsteonecrosisOfJaw(ctx, plan);
  return plan;
}

}  // namespace oncnav
