#include "oncnav/cdshooks/order_checks.h"

#include <algorithm>

#include "oncnav/calc/from_record.h"
#include "oncnav/common/text.h"
#include "oncnav/engine/therapy/safety_check.h"
#include "oncnav/report/therapy_json.h"

namespace oncnav {
namespace {

Severity SeverityFor(const Rule& rule, bool stop) {
  return stop && DrivesDefault(rule.evidence) ? Severity::kCritical : Severity::kWarning;
}

std::string DrugParam(const Drug& d) { return Cat({"@drug.", d.inn}); }

bool IsActive(const Regimen& r, const Date& as_of) {
  if (r.start && as_of < *r.start) return false;
  return !r.stop || as_of < *r.stop;
}

void CheckExclusiveClasses(const std::vector<DraftMedication>& drafts, size_t i,
                           const Evaluation& ev, const KnowledgePack& pack,
                           std::vector<OrderFinding>& out) {
  const DraftMedication& d = drafts[i];
  const Rule& rule = pack.rule("SAFE-EXCLUSIVE-CLASS");
  for (const auto& cls : pack.therapy.exclusive_classes) {
    if (!d.drug->HasClass(cls)) continue;
    for (size_t j = 0; j < drafts.size(); ++j) {
      const Drug* other = drafts[j].drug;
      // Each pair once: the later order, or a selected one against an unselected one.
      if (j == i || other == d.drug || !other->HasClass(cls)) continue;
      if (drafts[j].selected && j > i) continue;
      out.push_back({"cds.order.exclusive-draft",
                     SeverityFor(rule, true),
                     {{"drug", DrugParam(*d.drug)},
                      {"other", DrugParam(*other)},
                      {"class", Cat({"@class.", cls})}},
                     &rule,
                     d.reference});
    }
    for (const auto& r : ev.input->record.regimens) {
      if (!IsActive(r, ev.options.as_of)) continue;
      for (const auto& inn : r.drugs) {
        const Drug* other = pack.drugs.FindByName(inn);
        if (!other || other == d.drug || !other->HasClass(cls)) continue;
        out.push_back({"cds.order.exclusive-active",
                       SeverityFor(rule, true),
                       {{"drug", DrugParam(*d.drug)},
                        {"other", DrugParam(*other)},
                        {"class", Cat({"@class.", cls})}},
                       &rule,
                       d.reference});
      }
    }
  }
}

void CheckRenal(const DraftMedication& d, const Evaluation& ev, const KnowledgePack& pack,
                const CdsKnowledge& cds, std::vector<OrderFinding>& out) {
  for (const auto& limit : cds.renal_limits) {
    if (limit.drug != d.drug->inn) continue;
    auto calcs = CalculatorsFromRecord(ev.input->record, pack, ev.options.as_of);
    const CockcroftGaultResult* cg = nullptr;
    for (const auto& c : calcs.results) {
      if (auto* r = std::get_if<CockcroftGaultResult>(&c.output.report)) cg = r;
    }
    const Texts::Params base = {{"drug", DrugParam(*d.drug)},
                                {"limit", FormatG(limit.min_crcl_ml_min)}};
    if (!cg) {
      out.push_back(
          {"cds.order.renal-unknown", Severity::kWarning, base, &limit.rule, d.reference});
    } else if (cg->crcl_ml_min < limit.min_crcl_ml_min) {
      Texts::Params params = base;
      char crcl[16];
      std::snprintf(crcl, sizeof crcl, "%.0f", cg->crcl_ml_min);
      params.emplace_back("crcl", crcl);
      out.push_back({"cds.order.renal-below", SeverityFor(limit.rule, true), params, &limit.rule,
                     d.reference});
    }
  }
}

void CheckSafety(const DraftMedication& d, const Evaluation& ev, const KnowledgePack& pack,
                 std::vector<OrderFinding>& out) {
  const SafetyScreen screen(ev.input->record, pack);
  for (const auto& hit : screen.Hits({d.drug->inn})) {
    const bool stop = hit.rule->action == "hard_stop";
    out.push_back({stop ? "cds.order.hard-stop" : "cds.order.review",
                   SeverityFor(hit.rule->rule, stop),
                   {{"drug", DrugParam(*d.drug)},
                    {"event", Cat({"@event.", hit.term})},
                    {"grade", std::to_string(hit.event ? hit.event->grade : 0)}},
                   &hit.rule->rule,
                   d.reference});
  }
}

bool ExcludedForPatient(std::string_view reason) {
  return reason == "biomarker-not-met" || reason == "wrong-assay" ||
         reason == "not-approved-in-region" || reason == "not-approved";
}

void CheckExcluded(const DraftMedication& d, const Evaluation& ev, const KnowledgePack& pack,
                   std::vector<OrderFinding>& out) {
  const std::string& inn = d.drug->inn;
  for (const auto& p : ev.therapy.options) {
    if (std::find(p.drugs.begin(), p.drugs.end(), inn) != p.drugs.end()) return;
    for (const auto& alt : p.alternatives) {
      if (std::find(alt.use.begin(), alt.use.end(), inn) != alt.use.end()) return;
    }
  }
  for (const auto& e : ev.therapy.excluded) {
    if (!ExcludedForPatient(e.reason_code)) continue;
    if (std::find(e.drugs.begin(), e.drugs.end(), inn) == e.drugs.end()) continue;
    const Rule* rule = pack.rules.contains(e.rule) ? &pack.rule(e.rule) : &e.option->rule;
    // The reason is rendered here because its own params differ from the card's.
    std::string reason = ExclusionReason(e, pack, ev.options.lang);
    out.push_back({"cds.order.excluded",
                   Severity::kWarning,
                   {{"drug", DrugParam(*d.drug)},
                    {"regimen", LocalizedRegimen(e.drugs, pack, ev.options.lang)},
                    {"reason", reason}},
                   rule,
                   d.reference});
    return;  // one card per drug: the first exclusion says why
  }
}

}  // namespace

std::vector<OrderFinding> CheckDraftOrders(const std::vector<DraftMedication>& drafts,
                                           const Evaluation& ev, const KnowledgePack& pack,
                                           const CdsKnowledge& cds) {
  std::vector<OrderFinding> out;
  for (size_t i = 0; i < drafts.size(); ++i) {
    const auto& d = drafts[i];
    if (!d.selected) continue;
    CheckExclusiveClasses(drafts, i, ev, pack, out);
    CheckRenal(d, ev, pack, cds, out);
    CheckSafety(d, ev, pack, out);
    CheckExcluded(d, ev, pack, out);
  }
  return out;
}

}  // namespace oncnav
