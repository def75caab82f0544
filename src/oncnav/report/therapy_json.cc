#include "oncnav/report/therapy_json.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/report/json_output.h"

namespace oncnav {
namespace {

Json Sources(const std::vector<std::string>& ids) { return Json(ids); }

Json TrialJson(const Trial& t) {
  Json j = ObjectWithRoom(24);
  j["trial"] = t.id;
  j["population"] = t.population;
  j["arms"] = t.arms;
  j["pfs_months"] = t.pfs_months.empty() ? Json(nullptr) : Json(t.pfs_months);
  j["os_months"] = t.os_months.empty() ? Json(nullptr) : Json(t.os_months);
  if (!t.notes.empty()) j["notes"] = t.notes;
  j["evidence"] = EvidenceName(t.evidence);
  j["sources"] = Sources(t.sources);
  return j;
}

Json ApprovalJson(const ApprovalView& a) {
  Json j = ObjectWithRoom(24);
  j["region"] = a.region;
  j["status"] = a.status;
  const Approval* d = a.declared;
  j["date"] = d && !d->date.empty() ? Json(d->date) : Json(nullptr);
  j["reimbursed"] = d && !d->reimbursed.empty() ? Json(d->reimbursed) : Json(nullptr);
  j["label"] = d ? Json(d->label) : Json(nullptr);
  j["label_conditions_met"] = a.label_conditions_met;
  j["sources"] = d ? Sources(d->sources) : Json::array();
  return j;
}

}  // namespace

std::string LocalizedRegimen(const std::vector<std::string>& drugs, const KnowledgePack& pack,
                             std::string_view lang) {
  std::string out;
  for (const auto& inn : drugs) {
    std::string name = inn;
    if (const Drug* d = pack.drugs.FindByName(inn)) {
      auto it = d->names.find(std::string(lang));
      if (it != d->names.end()) name = it->second;
    }
    out += (out.empty() ? "" : " + ") + name;
  }
  return out;
}

std::string OptionLabel(const ProposedOption& p, const KnowledgePack& pack, std::string_view lang) {
  if (p.option && !p.option->label.empty())
    return pack.texts.Render(lang, Cat({"regimen.", p.option->label}));
  return LocalizedRegimen(p.drugs, pack, lang);
}

std::string OptionRationale(const ProposedOption& p, const KnowledgePack& pack,
                            std::string_view lang) {
  if (!p.option) {
    return pack.texts.Render(lang, "rationale.continue",
                             {{"regimen", LocalizedRegimen(p.drugs, pack, lang)}});
  }
  std::string text = pack.texts.Render(lang, Cat({"rationale.", p.option->rule.id}));
  if (p.approval.status != "approved") {
    text += " " + pack.texts.Render(lang, Cat({"approval-note.", p.approval.status}),
                                    {{"region", Cat({"@region.", p.approval.region})}});
  }
  return text;
}

std::string ExclusionReason(const ExcludedOption& e, const KnowledgePack& pack,
                            std::string_view lang) {
  return pack.texts.Render(lang, e.detail, e.params);
}

Json DecisionToJson(const TherapyOptions& t) {
  Json j = ObjectWithRoom(24);
  j["kind"] = t.decision;
  j["line"] = t.line > 0 ? Json(t.line) : Json(nullptr);
  return j;
}

Json OptionsToJson(const TherapyOptions& t, const KnowledgePack& pack, std::string_view lang) {
  Json out = Json::array();
  for (const auto& p : t.options) {
    Json j = ObjectWithRoom(24);
    j["rank"] = p.rank;
    j["id"] = p.option ? p.option->rule.id : "continue";
    j["regimen"] = OptionLabel(p, pack, lang);
    j["drugs"] = p.drugs;
    Json alts = Json::array();
    for (const auto& a : p.alternatives)
      alts.push_back({{"instead_of", a.instead_of}, {"use", a.use}});
    j["alternatives"] = std::move(alts);
    j["line"] = p.line;
    j["timing"] = p.timing;
    j["status"] = p.status;
    j["tier"] = p.option ? Json(p.tier) : Json(nullptr);
    j["rationale"] = OptionRationale(p, pack, lang);
    Json evidence = Json::array();
    if (p.option) {
      for (const auto& id : p.option->trials) {
        auto it = pack.therapy.trials.find(id);
        if (it != pack.therapy.trials.end()) evidence.push_back(TrialJson(it->second));
      }
    }
    j["evidence"] = std::move(evidence);
    j["approval"] = ApprovalJson(p.approval);
    j["standard_in_region"] = p.standard_in_region;
    Json required = Json::array();
    for (const auto& r : p.requirements) {
      required.push_back({{"code", r.code},
                          {"kind", r.kind},
                          {"message", pack.texts.Render(lang, r.code, r.params)},
                          {"rule", r.rule}});
    }
    j["requires"] = std::move(required);
    Json monitoring = Json::array();
    for (const auto* m : p.monitoring) {
      monitoring.push_back({{"code", m->text},
                            {"message", pack.texts.Render(lang, m->text)},
                            {"rule", m->rule.id},
                            {"sources", Sources(m->rule.sources)}});
    }
    j["monitoring"] = std::move(monitoring);
    j["cautions"] = FindingsToJson(p.cautions, pack, lang);
    if (p.option) {
      j["evidence_grade"] = EvidenceName(p.option->rule.evidence);
      j["sources"] = Sources(p.option->rule.sources);
    } else {
      const Rule& rule = pack.rule("RA-01");
      j["evidence_grade"] = EvidenceName(rule.evidence);
      j["sources"] = Sources(rule.sources);
    }
    j["rules"] = p.rules;
    out.push_back(std::move(j));
  }
  return out;
}

Json ExcludedToJson(const TherapyOptions& t, const KnowledgePack& pack, std::string_view lang) {
  Json out = Json::array();
  for (const auto& e : t.excluded) {
    Json j = ObjectWithRoom(24);
    j["id"] = e.option->rule.id;
    j["regimen"] = e.option->label.empty()
                       ? LocalizedRegimen(e.drugs, pack, lang)
                       : pack.texts.Render(lang, Cat({"regimen.", e.option->label}));
    j["drugs"] = e.drugs;
    j["reason_code"] = e.reason_code;
    j["reason"] = ExclusionReason(e, pack, lang);
    j["rule"] = e.rule;
    std::vector<std::string> sources = e.option->rule.sources;
    auto it = pack.rules.find(e.rule);
    if (it != pack.rules.end() && e.rule != e.option->rule.id) {
      for (const auto& s : it->second.sources) {
        if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(s);
      }
    }
    j["sources"] = std::move(sources);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace oncnav
