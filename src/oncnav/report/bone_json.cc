#include "oncnav/report/bone_json.h"

#include <cmath>

#include "oncnav/common/text.h"
#include "oncnav/engine/bone/bone_options.h"
#include "oncnav/report/json_values.h"
#include "oncnav/report/local_therapy_json.h"

namespace oncnav {
namespace {

Json Round(double v, double scale = 10.0) { return Json(std::round(v * scale) / scale); }

Json NumberOrNull(const std::optional<double>& v, double scale = 10.0) {
  return v ? Round(*v, scale) : Json(nullptr);
}

Json Items(const std::vector<Finding>& list, const KnowledgePack& pack, std::string_view lang) {
  Json out = Json::array();
  for (const auto& f : list) {
    out.push_back(
        {{"code", f.code}, {"text", pack.texts.Render(lang, f.code, f.params)}, {"rule", f.rule}});
  }
  return out;
}

Json Intervals(const BoneAgentDef& a) {
  Json out = Json::array();
  for (const auto& i : a.intervals) out.push_back({{"min", i.min_weeks}, {"max", i.max_weeks}});
  return out;
}

Json OptionJson(const BoneOption& o, const KnowledgePack& pack, std::string_view lang,
                std::string_view region) {
  const BoneAgentDef& a = *o.agent;
  Json j = ObjectWithRoom(24);
  j["drug"] = a.drug;
  j["dose_mg"] = NumberOrNull(o.dose_mg);
  j["interval_weeks"] = Intervals(a);
  j["route"] = a.route;
  j["status"] = o.status;
  j["current"] = o.current;
  Json approval = {{"region", region}, {"status", ApprovalStatus(a, region)}};
  auto it = a.approval.find(region);
  approval["sources"] = it == a.approval.end() ? Json::array() : Json(it->second);
  j["approval"] = approval;
  j["reason"] = Items(o.reasons, pack, lang);
  j["cautions"] = Items(o.cautions, pack, lang);
  j["rule"] = a.rule;
  return j;
}

Json RenalJson(const ZaRenalStatus& z) {
  Json j = ObjectWithRoom(24);
  j["crcl_ml_min"] = NumberOrNull(z.crcl_ml_min);
  j["crcl_date"] = DateOrNull(z.crcl_date);
  j["crcl_basis"] = z.crcl_basis.empty() ? Json(nullptr) : Json(z.crcl_basis);
  j["zoledronic_acid_dose_mg"] = NumberOrNull(z.dose_mg);
  j["zoledronic_acid_not_recommended"] = z.below_30;
  j["baseline_creatinine_mg_dl"] = NumberOrNull(z.baseline_creatinine_mg_dl, 100.0);
  j["baseline_date"] = DateOrNull(z.baseline_date);
  j["latest_creatinine_mg_dl"] = NumberOrNull(z.latest_creatinine_mg_dl, 100.0);
  j["latest_date"] = DateOrNull(z.latest_date);
  j["zoledronic_acid_state"] = z.state.empty() ? "none" : z.state;
  j["held_since"] = DateOrNull(z.held_since);
  return j;
}

Json AdviceJson(const std::vector<AgentAdvice>& list, const KnowledgePack& pack,
                std::string_view lang) {
  Json out = Json::array();
  for (const auto& a : list)
    out.push_back({{"drug", a.drug}, {"items", Items(a.items, pack, lang)}});
  return out;
}

}  // namespace

Json BoneToJson(const BonePlan& plan, const KnowledgePack& pack, std::string_view lang,
                std::string_view region) {
  Json j = ObjectWithRoom(32);
  j["bone_metastasis"] = plan.bone_metastasis;
  j["confirmed_on_imaging"] = plan.confirmed;
  j["since"] = DateOrNull(plan.since);

  Json bma = ObjectWithRoom(24);
  bma["recommended"] = plan.recommended;
  bma["current"] = plan.current;
  Json options = Json::array();
  for (const auto& o : plan.options) options.push_back(OptionJson(o, pack, lang, region));
  bma["options"] = options;
  Json excluded = Json::array();
  for (const auto& e : plan.excluded) {
    excluded.push_back({{"drug", e.drug},
                        {"reason_code", e.reason_code},
                        {"reason", pack.texts.Render(lang, e.reason.code, e.reason.params)},
                        {"rule", e.reason.rule}});
  }
  bma["excluded"] = excluded;
  j["bma"] = bma;
  j["renal"] = RenalJson(plan.za_renal);

  Json scores = ObjectWithRoom(24);
  scores["crcl_ml_min"] = NumberOrNull(plan.za_renal.crcl_ml_min);
  if (plan.hypercalcemia) {
    scores["corrected_calcium_mg_dl"] = Round(plan.hypercalcemia->corrected_mg_dl);
    scores["hypercalcemia_band"] = plan.hypercalcemia->band->id;
  } else {
    scores["corrected_calcium_mg_dl"] = nullptr;
    scores["hypercalcemia_band"] = nullptr;
  }
  scores["hypocalcemia_grade"] =
      plan.hypocalcemia_grade ? Json(*plan.hypocalcemia_grade) : Json(nullptr);
  j["scores"] = scores;

  Json checklist = Json::array(), pending = Json::array();
  for (const auto& c : plan.checklist) {
    Json item = {{"id", c.item->id},
                 {"label", pack.texts.Render(lang, Cat({"bone.check.", c.item->id}))},
                 {"status", c.status},
                 {"date", DateOrNull(c.date)},
                 {"agents", c.item->agents},
                 {"rule", c.item->rule}};
    if (!c.detail.empty()) item["detail"] = c.detail;
    if (c.status != "done") pending.push_back(c.item->id);
    checklist.push_back(item);
  }
  j["checklist_reference"] = DateOrNull(plan.checklist_reference);
  j["checklist"] = checklist;
  j["checks_pending"] = pending;
  j["monitoring"] = AdviceJson(plan.monitoring, pack, lang);
  j["guidance"] = AdviceJson(plan.guidance, pack, lang);
  j["alerts"] = FindingsToJson(plan.alerts, pack, lang);
  j["tests_needed"] = FindingsToJson(plan.tests_needed, pack, lang);
  AddLocalTherapyJson(plan, pack, lang, j);
  return j;
}

}  // namespace oncnav
