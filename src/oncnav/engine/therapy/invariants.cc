#include "oncnav/engine/therapy/invariants.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/engine/therapy/safety_check.h"
#include "oncnav/knowledge/drug_catalog.h"
#include "oncnav/knowledge/therapy_validation.h"

namespace oncnav {
namespace {

std::string ExclusiveClash(const std::vector<std::string>& drugs, const KnowledgePack& pack) {
  const std::vector<const Drug*> resolved = ResolveDrugs(drugs, pack);
  for (const auto& cls : pack.therapy.exclusive_classes) {
    auto n = std::count_if(resolved.begin(), resolved.end(),
                           [&](const Drug* d) { return d && d->HasClass(cls); });
    if (n > 1) return cls;
  }
  return "";
}

bool PdL1Backed(const TherapyOption& o, const PatientRecord& record) {
  for (const auto& c : o.conditions) {
    const auto* p = std::get_if<PdL1Condition>(&c);
    if (!p) continue;
    bool found = std::any_of(record.pdl1.begin(), record.pdl1.end(), [&](const PdL1Result& r) {
      return ToLower(r.assay) == ToLower(p->assay) &&
             ToLower(r.score_type) == ToLower(p->score_type);
    });
    if (!found) return false;
  }
  return true;
}

// The first invariant (1, 2, 3 or 5) a proposed option breaks, or "".
std::string Violation(const TherapyContext& ctx, const SafetyScreen& safety,
                      const ProposedOption& p) {
  for (const auto& hit : safety.Hits(p.drugs)) {
    if (hit.rule->action == "hard_stop") return Cat({"hard stop ", hit.rule->rule.id});
  }
  std::string cls = ExclusiveClash(p.drugs, ctx.pack);
  if (cls.empty() && p.option && !p.alternatives.empty()) {
    for (const auto& v : RegimenVariants(p.drugs, p.alternatives)) {
      cls = ExclusiveClash(v, ctx.pack);
      if (!cls.empty()) break;
    }
  }
  if (!cls.empty()) return Cat({"two drugs of exclusive class ", cls});
  if (p.option) {
    if (p.status == "eligible" && !PdL1Backed(*p.option, ctx.record))
      return "PD-L1 condition met without a score from the required assay";
    if (p.option->rule.sources.empty()) return "option without a source";
    if (!DrivesDefault(p.option->rule.evidence)) return "option resting on unverified evidence";
  }
  return "";
}

}  // namespace

std::vector<std::string> CheckInvariants(const TherapyContext& ctx, const TherapyOptions& result) {
  std::vector<std::string> out;
  int worst_eligible_rank[3] = {0, 0, 0};
  int best_pending_rank[3] = {1 << 30, 1 << 30, 1 << 30};
  const SafetyScreen safety(ctx.record, ctx.pack);
  for (const auto& p : result.options) {
    std::string id = p.option ? p.option->rule.id : "continue";
    std::string v = Violation(ctx, safety, p);
    if (!v.empty()) out.push_back(Cat({id, ": ", v}));
    if (p.status == "pending" && p.requirements.empty())
      out.push_back(Cat({id, ": pending without naming what is missing"}));
    if (!p.option) continue;
    const auto& s = p.approval.status;
    int group = (s == "filed" || s == "not-approved") ? 2 : 0;
    if (p.status == "eligible")
      worst_eligible_rank[group] = std::max(worst_eligible_rank[group], p.rank);
    else
      best_pending_rank[group] = std::min(best_pending_rank[group], p.rank);
  }
  if (best_pending_rank[0] < worst_eligible_rank[0])
    out.push_back("a pending option ranks above an eligible available option");
  for (const auto& e : result.excluded) {
    if (!e.option || e.option->rule.sources.empty())
      out.push_back(Cat({"exclusion without a source: ", e.reason_code}));
    if (e.reason_code.empty() || e.detail.empty()) out.push_back("exclusion without a reason");
  }
  return out;
}

void EnforceInvariants(const TherapyContext& ctx, TherapyOptions& result) {
  std::vector<ProposedOption> kept;
  const SafetyScreen safety(ctx.record, ctx.pack);
  for (auto& p : result.options) {
    std::string v = Violation(ctx, safety, p);
    if (v.empty() || !p.option) {
      kept.push_back(std::move(p));
      continue;
    }
    result.excluded.push_back({p.option,
                               p.drugs,
                               "safety-invariant",
                               "excluded.safety-invariant",
                               {{"why", v}},
                               "SAFE-EXCLUSIVE-CLASS"});
  }
  result.options = std::move(kept);
  result.rules.push_back("SAFE-EXCLUSIVE-CLASS");
}

}  // namespace oncnav
