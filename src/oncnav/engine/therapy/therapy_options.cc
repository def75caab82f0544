#include "oncnav/engine/therapy/therapy_options.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/engine/therapy/condition_check.h"
#include "oncnav/engine/therapy/invariants.h"
#include "oncnav/engine/therapy/safety_check.h"

namespace oncnav {
namespace {

void AddRule(std::vector<std::string>& rules, const std::string& id) {
  if (!id.empty() && std::find(rules.begin(), rules.end(), id) == rules.end()) rules.push_back(id);
}

void AddRequirement(std::vector<Requirement>& list, const Requirement& r) {
  for (const auto& have : list) {
    if (have.code == r.code && have.params == r.params) return;
  }
  list.push_back(r);
}

bool HasBrainMetastases(const PatientRecord& record) {
  return std::any_of(record.metastases.begin(), record.metastases.end(),
                     [](const MetastaticSite& m) { return m.site == "brain"; });
}

bool AnyHasClass(const std::vector<const Drug*>& drugs, std::string_view cls) {
  return std::any_of(drugs.begin(), drugs.end(),
                     [&](const Drug* d) { return d && d->HasClass(cls); });
}

// Whether a check or monitoring item naming (drugs, classes) applies to one of `resolved`.
template <typename Item>
bool AppliesTo(const Item& item, const std::vector<const Drug*>& resolved) {
  return std::any_of(resolved.begin(), resolved.end(),
                     [&](const Drug* d) { return d && RuleCovers(item.drugs, item.classes, *d); });
}

// The monitoring items that apply to the regimen, recorded as rules that shaped it.
void AddMonitoring(ProposedOption& p, const std::vector<const Drug*>& resolved,
                   const KnowledgePack& pack) {
  for (const auto& m : pack.therapy.monitoring) {
    if (!AppliesTo(m, resolved)) continue;
    p.monitoring.push_back(&m);
    AddRule(p.rules, m.rule.id);
  }
}

std::string RegimenName(const TherapyOption& o) {
  std::string label;
  for (const auto& d : o.drugs) label += (label.empty() ? "" : " + ") + d;
  return label;
}

// HER2 categories an option asks for, checked against the classification.
ConditionResult CheckHer2(const TherapyOption& o, const Classification& c) {
  ConditionResult r;
  if (o.her2.empty()) return r;
  std::string her2(Her2Name(c.her2));
  if (std::find(o.her2.begin(), o.her2.end(), her2) != o.her2.end()) {
    r.rules.push_back(her2 == "ultralow" ? "HER2-ULTRALOW" : "HER2-LOW");
    return r;
  }
  if (c.her2 == Her2Status::kUnknown || c.her2 == Her2Status::kNegative) {
    r.verdict = Verdict::kPending;
    r.requirements.push_back({"test.her2-low-rereview", "test", {}, "HER2-ULTRALOW"});
    return r;
  }
  r.verdict = Verdict::kNotMet;
  r.reason_code = "biomarker-not-met";
  r.detail = "excluded.her2-not-met";
  std::string wanted = "@her2-wanted";
  for (const auto& h : o.her2) wanted += Cat({".", h});
  r.params = {{"her2", Cat({"@value.her2.", her2})}, {"wanted", wanted}};
  return r;
}

class Assessor {
 public:
  Assessor(const TherapyContext& ctx, TherapyOptions& out, const TherapyHistory& history,
           const SafetyScreen& safety, bool planning)
      : ctx_(ctx),
        out_(out),
        safety_(safety),
        conditions_{ctx, history, planning},
        planning_(planning) {}

  void Consider(const TherapyOption& o) {
    const std::string& subtype = ctx_.classification.group;
    if (std::find(o.subtypes.begin(), o.subtypes.end(), subtype) == o.subtypes.end()) return;
    if (!DrivesDefault(o.rule.evidence)) {
      Exclude(o, "unverified-evidence", "excluded.unverified-evidence",
              {{"evidence", std::string(EvidenceName(o.rule.evidence))}}, o.rule.id);
      return;
    }
    // Most options are excluded, so the display fields are filled only once one survives.
    ProposedOption p;
    p.option = &o;
    p.status = "eligible";
    AddRule(p.rules, o.rule.id);

    if (!ApplySafety(o, p)) return;  // a hard stop is the reason that matters most
    if (!ApplyConditions(o, p, CheckHer2(o, ctx_.classification))) return;
    for (const auto& c : o.conditions) {
      if (!ApplyConditions(o, p, CheckCondition(c, conditions_))) return;
    }
    if (!ApplyApproval(o, p)) return;
    p.drugs = o.drugs;
    p.alternatives = o.alternatives;
    p.regimen = o.label.empty() ? RegimenName(o) : o.label;
    p.line = out_.line;
    p.timing = planning_ ? "at-progression" : "now";
    const std::vector<const Drug*> resolved = ResolveDrugs(p.drugs, ctx_.pack);
    ApplyChecks(p, resolved);
    ApplyTier(o, subtype, p, resolved);
    p.standard_in_region = p.status == "eligible" && p.approval.status == "approved" &&
                           p.approval.label_conditions_met;
    for (const auto& req : p.requirements) {
      if (req.kind == "test") AddTest(req);
    }
    out_.options.push_back(std::move(p));
  }

 private:
  void Exclude(const TherapyOption& o, std::string reason, std::string detail, Texts::Params params,
               std::string rule) {
    AddRule(out_.rules, o.rule.id);
    AddRule(out_.rules, rule);
    out_.excluded.push_back(
        {&o, o.drugs, std::move(reason), std::move(detail), std::move(params), std::move(rule)});
  }

  // Folds one condition's verdict into the option; false when it excludes the option.
  bool ApplyConditions(const TherapyOption& o, ProposedOption& p, ConditionResult r) {
    for (const auto& id : r.rules) AddRule(p.rules, id);
    if (r.verdict == Verdict::kNotMet) {
      for (const auto& req : r.requirements) AddTest(req);
      Exclude(o, std::move(r.reason_code), std::move(r.detail), std::move(r.params),
              r.rule.empty() ? o.rule.id : std::move(r.rule));
      return false;
    }
    if (r.verdict == Verdict::kPending) p.status = "pending";
    for (const auto& req : r.requirements) AddRequirement(p.requirements, req);
    return true;
  }

  void AddTest(const Requirement& req) {
    AddUnique(out_.tests_needed, {req.code, Severity::kWarning, req.params, req.rule});
  }

  bool ApplySafety(const TherapyOption& o, ProposedOption& p) {
    for (const auto& hit : safety_.Hits(o.drugs)) {
      Texts::Params params = {{"event", Cat({"@event.", hit.term})},
                              {"grade", std::to_string(hit.event->grade)},
                              {"drug", Cat({"@drug.", hit.drug})},
                              {"date", hit.event->date ? hit.event->date->ToString() : ""}};
      if (hit.rule->action == "hard_stop") {
        Exclude(o, "safety-hard-stop",
                hit.count > 1 ? "excluded.hard-stop-recurrent" : "excluded.hard-stop", params,
                hit.rule->rule.id);
        return false;
      }
      p.cautions.push_back(
          {"caution.safety-review", Severity::kWarning, params, hit.rule->rule.id});
      AddRule(p.rules, hit.rule->rule.id);
    }
    return true;
  }

  bool ApplyApproval(const TherapyOption& o, ProposedOption& p) {
    auto it = o.approval.find(ctx_.region);
    if (it == o.approval.end()) return true;  // the loader requires every region
    const Approval& a = it->second;
    p.approval = {ctx_.region, a.status, &a, true};
    AddRule(p.rules, "OPT-REGION");
    if (!a.withdrawn.empty()) {
      Exclude(o, "not-approved-in-region", "excluded.withdrawn",
              {{"region", Cat({"@region.", ctx_.region})}, {"date", a.withdrawn}}, "OPT-REGION");
      return false;
    }
    for (const auto& c : a.conditions) {
      ConditionResult r = CheckCondition(c, conditions_);
      if (r.verdict == Verdict::kNotMet && p.approval.status == "approved") {
        p.approval.status = "restricted";
        p.approval.label_conditions_met = false;
        p.cautions.push_back({"caution.outside-label",
                              Severity::kWarning,
                              {{"region", Cat({"@region.", ctx_.region})}},
                              "OPT-REGION"});
      }
    }
    return true;
  }

  void ApplyChecks(ProposedOption& p, const std::vector<const Drug*>& resolved) {
    for (const auto& check : ctx_.pack.therapy.checks) {
      if (!AppliesTo(check, resolved)) continue;
      AddRule(p.rules, check.rule.id);
      if (check.labs.empty()) {
        AddRequirement(p.requirements, {check.text, "confirm", {}, check.rule.id});
        continue;
      }
      for (const auto& lab : check.labs) {
        const LabResult* latest = nullptr;
        for (const auto& l : ctx_.record.labs) {
          if (l.test == lab && (!latest || l.date > latest->date)) latest = &l;
        }
        if (!latest || DaysBetween(latest->date, ctx_.as_of) > check.max_age_days) {
          AddRequirement(p.requirements, {check.text,
                                          "check",
                                          {{"last", latest ? latest->date.ToString() : "-"},
                                           {"days", std::to_string(check.max_age_days)}},
                                          check.rule.id});
          break;
        }
      }
    }
    AddMonitoring(p, resolved, ctx_.pack);
  }

  void ApplyTier(const TherapyOption& o, const std::string& subtype, ProposedOption& p,
                 const std::vector<const Drug*>& resolved) {
    p.tier = o.TierFor(subtype);
    const auto& status = ctx_.record.clinical_status;
    for (const auto& t : o.tier_if) {
      bool applies = (t.when == "brain_metastases" && HasBrainMetastases(ctx_.record)) ||
                     (t.when == "visceral_crisis" && status.visceral_crisis);
      if (applies && t.tier < p.tier) {
        p.tier = t.tier;
        AddRule(p.rules, t.when == "visceral_crisis" ? "GP-2" : "GP-6");
      }
    }
    if (status.visceral_crisis && AnyHasClass(resolved, "endocrine") &&
        !AnyHasClass(resolved, "chemotherapy")) {
      p.cautions.push_back({"caution.visceral-crisis-endocrine", Severity::kWarning, {}, "GP-2"});
      AddRule(p.rules, "GP-2");
    }
  }

  const TherapyContext& ctx_;
  TherapyOptions& out_;
  const SafetyScreen& safety_;
  ConditionContext conditions_;
  bool planning_;
};

int Group(const ProposedOption& p) {
  const auto& s = p.approval.status;
  if (s == "filed" || s == "not-approved") return 2;
  return p.status == "eligible" ? 0 : 1;
}

int ApprovalOrder(std::string_view s) {
  if (s == "approved") return 0;
  if (s == "restricted") return 1;
  if (s == "unknown") return 2;
  if (s == "filed") return 3;
  return 4;
}

void Rank(TherapyOptions& out) {
  auto first = out.options.begin();
  if (out.decision == "continue") ++first;  // continuing stays first
  std::stable_sort(first, out.options.end(), [](const ProposedOption& a, const ProposedOption& b) {
    auto key = [](const ProposedOption& p) {
      return std::make_tuple(Group(p), p.tier, ApprovalOrder(p.approval.status),
                             p.option ? std::string_view(p.option->rule.id) : std::string_view());
    };
    return key(a) < key(b);
  });
  for (size_t i = 0; i < out.options.size(); ++i) out.options[i].rank = static_cast<int>(i) + 1;
}

ProposedOption ContinueCurrent(const TherapyContext& ctx) {
  const Regimen& r = *ctx.course.current_regimen;
  ProposedOption p;
  for (const auto& d : r.drugs) {
    const Drug* known = ctx.pack.drugs.FindByName(d);
    p.drugs.push_back(known ? known->inn : ToLower(d));
  }
  p.regimen = RegimenLabel(r);
  p.line = ctx.course.line;
  p.timing = "now";
  p.status = "eligible";
  p.approval = {ctx.region, "unknown", nullptr, true};
  p.rules = {"OPT-CONTINUE", "RA-01"};
  AddMonitoring(p, ResolveDrugs(p.drugs, ctx.pack), ctx.pack);
  return p;
}

void AddCourseAlerts(const TherapyContext& ctx, TherapyOptions& out) {
  const auto& status = ctx.record.clinical_status;
  if (HasBrainMetastases(ctx.record)) {
    out.alerts.push_back(
        {"alert.mdt-local-therapy", Severity::kWarning, {{"reason", "@mdt.brain"}}, "GP-6"});
    AddRule(out.rules, "GP-6");
  }
  if (status.oligometastatic) {
    out.alerts.push_back(
        {"alert.mdt-local-therapy", Severity::kInfo, {{"reason", "@mdt.oligometastatic"}}, "GP-6"});
    AddRule(out.rules, "GP-6");
  }
  if (status.visceral_crisis) {
    out.alerts.push_back({"alert.visceral-crisis", Severity::kCritical, {}, "GP-2"});
    AddRule(out.rules, "GP-2");
  }
}

}  // namespace

TherapyOptions AssessTherapyOptions(const TherapyContext& ctx) {
  TherapyOptions out;
  const Course& course = ctx.course;
  if (!course.metastatic) {
    out.decision = "none";
    return out;
  }
  AddCourseAlerts(ctx, out);
  if (ctx.classification.group == "unknown") {
    out.decision = "none";
    out.alerts.push_back({"alert.options-need-subtype", Severity::kWarning, {}, "OPT-RANK"});
    AddRule(out.rules, "OPT-RANK");
    return out;
  }
  bool continuing = course.current_regimen && course.progression != true;
  const SafetyScreen safety(ctx.record, ctx.pack);
  if (course.current_regimen) {
    // A hard stop on a drug being given overrides "continue while it works".
    for (const auto& hit : safety.Hits(course.current_regimen->drugs)) {
      if (hit.rule->action != "hard_stop") continue;
      out.alerts.push_back({"alert.current-regimen-hard-stop",
                            Severity::kCritical,
                            {{"drug", Cat({"@drug.", hit.drug})},
                             {"event", Cat({"@event.", hit.term})},
                             {"grade", std::to_string(hit.event->grade)}},
                            hit.rule->rule.id});
      AddRule(out.rules, hit.rule->rule.id);
      continuing = false;
    }
  }
  out.line = continuing ? course.line + 1 : course.line;
  out.decision = continuing ? "continue" : course.lines.empty() ? "first-line" : "next-line";
  if (continuing) out.options.push_back(ContinueCurrent(ctx));

  TherapyHistory history = BuildTherapyHistory(ctx.record, ctx.pack, course, continuing, ctx.as_of);
  Assessor assessor(ctx, out, history, safety, continuing);
  for (const auto& o : ctx.pack.therapy.options) assessor.Consider(o);
  EnforceInvariants(ctx, out);
  Rank(out);
  AddRule(out.rules, "OPT-RANK");
  for (const auto& p : out.options) {
    for (const auto& r : p.rules) AddRule(out.rules, r);
  }
  return out;
}

}  // namespace oncnav
