#include "oncnav/engine/bone/bone_stop.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/record/native_vocabulary.h"

namespace oncnav {
namespace {

bool Contains(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

bool BoneSite(const std::vector<std::string>& words, const std::string& site) {
  std::string s = ToLower(site);
  for (const auto& w : words) {
    if (s.find(w) != std::string::npos) return true;
  }
  return false;
}

// An adverse event attributed to `drug` while it was given (or on its stop date).
bool DrugRelatedEvent(const BoneContext& ctx, const BoneAgentUse& use) {
  for (const auto& ae : ctx.record.adverse_events) {
    if (ae.drug != use.drug) continue;
    if (ae.date &&
        (*ae.date < *use.regimen->start || (use.regimen->stop && *ae.date > *use.regimen->stop))) {
      continue;
    }
    return true;
  }
  return false;
}

std::string StopReasonKey(StopReason reason) {
  std::string_view name = NameOf(kStopReasonNames, reason);
  return Cat({"@bone.stop-reason.", name.empty() ? std::string_view("none") : name});
}

}  // namespace

std::vector<Date> SkeletalEventDates(const BoneContext& ctx) {
  const BoneConfig& cfg = ctx.pack.bone;
  std::vector<Date> out;
  for (const auto& ae : ctx.record.adverse_events) {
    if (ae.date && *ae.date <= ctx.as_of && Contains(cfg.sre_adverse_events, ae.term)) {
      out.push_back(*ae.date);
    }
  }
  for (const auto& p : ctx.record.procedures) {
    if (!p.date || *p.date > ctx.as_of) continue;
    if (Contains(cfg.sre_procedure_kinds, NameOf(kProcedureNames, p.kind)) &&
        BoneSite(cfg.sre_procedure_sites, p.site)) {
      out.push_back(*p.date);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<BoneExclusion> AssessContinuation(const BoneContext& ctx, BonePlan& plan) {
  const BoneConfig& cfg = ctx.pack.bone;
  std::vector<BoneExclusion> excluded;
  const auto sre = SkeletalEventDates(ctx);

  if (plan.current.size() > 1) {
    std::string agents;
    for (const auto& d : plan.current) agents = Cat({agents, agents.empty() ? "" : " + ", d});
    plan.Use(cfg.duplicate_rule);
    AddUnique(plan.alerts, {"alert.bone-two-agents",
                            Severity::kCritical,
                            {{"agents", Cat({"@drugs:", agents})}},
                            cfg.duplicate_rule});
  }
  if (!plan.current.empty()) {
    plan.Use(cfg.continue_rule);
    // A skeletal event while on the agent does not stop it.
    for (const auto& u : plan.uses) {
      if (!u.ongoing) continue;
      for (const auto& d : sre) {
        if (d >= *u.regimen->start) {
          plan.Use(cfg.after_sre_rule);
          AddUnique(plan.alerts, {"alert.bone-continue-after-sre",
                                  Severity::kInfo,
                                  {{"date", d.ToString()}, {"drug", Cat({"@drug.", u.drug})}},
                                  cfg.after_sre_rule});
        }
      }
    }
    return excluded;
  }
  // No agent now: judge the most recent stop.
  const BoneAgentUse* last = nullptr;
  for (const auto& u : plan.uses) {
    if (!u.ongoing && (!last || *u.regimen->stop >= *last->regimen->stop)) last = &u;
  }
  if (!last) return excluded;
  const Regimen& reg = *last->regimen;
  Texts::Params params = {{"drug", Cat({"@drug.", last->drug})},
                          {"stop", reg.stop->ToString()},
                          {"reason", StopReasonKey(reg.stop_reason)}};
  if (reg.stop_reason == StopReason::kToxicity && DrugRelatedEvent(ctx, *last)) {
    plan.Use(cfg.toxicity_rule);
    AddUnique(plan.alerts,
              {"alert.bone-stopped-for-toxicity", Severity::kInfo, params, cfg.toxicity_rule});
    excluded.push_back(
        {last->drug,
         "stopped-for-toxicity",
         {"excluded.bone-stopped-for-toxicity", Severity::kInfo, params, cfg.toxicity_rule}});
  } else {
    bool after_sre = false;
    for (const auto& d : sre) after_sre |= d >= *reg.start && d <= *reg.stop;
    std::string rule = after_sre                                   ? cfg.after_sre_rule
                       : reg.stop_reason == StopReason::kCompleted ? cfg.stable_rule
                                                                   : cfg.toxicity_rule;
    std::string code = after_sre ? "alert.bone-stopped-after-sre"
                       : reg.stop_reason == StopReason::kCompleted
                           ? "alert.bone-stopped-stable"
                           : "alert.bone-stopped-not-for-ae";
    plan.Use(rule);
    AddUnique(plan.alerts, {code, Severity::kWarning, params, rule});
  }
  if (Contains(cfg.cover_agents, last->drug)) {
    bool followed = false;
    for (const auto& u : plan.uses) followed |= *u.regimen->start > *reg.stop;
    if (!followed) {
      plan.Use(cfg.denosumab_cover_rule);
      AddUnique(plan.alerts, {"alert.bone-denosumab-cover", Severity::kWarning, params,
                              cfg.denosumab_cover_rule});
    }
  }
  return excluded;
}

}  // namespace oncnav
