#include "oncnav/report/json_output.h"

#include <cmath>

#include "oncnav/record/native_vocabulary.h"
#include "oncnav/report/bone_json.h"
#include "oncnav/report/calc_json.h"
#include "oncnav/report/json_values.h"
#include "oncnav/report/therapy_json.h"

namespace oncnav {
namespace {

Json Number(double v) {
  // Keep output stable and readable: one decimal place is all any of these values carry.
  return Json(std::round(v * 10.0) / 10.0);
}

Json NumberOrNull(const std::optional<double>& v) { return v ? Number(*v) : Json(nullptr); }

Json SpecimenJson(const Specimen& s, const Date& date) {
  Json j = ObjectWithRoom(24);
  j["date"] = date.ToString();
  j["specimen"] = NameOf(kSpecimenKindNames, s.kind);
  if (!s.site.empty()) j["site"] = s.site;
  return j;
}

Json RegimenJson(const Regimen& r) {
  Json j = ObjectWithRoom(24);
  if (!r.id.empty()) j["id"] = r.id;
  j["drugs"] = r.drugs;
  j["setting"] = NameOf(kSettingNames, r.setting);
  j["start"] = DateOrNull(r.start);
  j["stop"] = DateOrNull(r.stop);
  if (r.stop_reason != StopReason::kNone)
    j["stop_reason"] = NameOf(kStopReasonNames, r.stop_reason);
  if (!r.best_response.empty()) j["best_response"] = r.best_response;
  return j;
}

Json CourseToJson(const Course& c) {
  Json j = ObjectWithRoom(24);
  j["metastatic"] = c.metastatic;
  j["metastatic_since"] = DateOrNull(c.metastatic_since);
  j["line"] = c.metastatic ? Json(c.line) : Json(nullptr);
  if (c.current_regimen) {
    Json cur = RegimenJson(*c.current_regimen);
    cur["days_on_regimen"] = c.days_on_current ? Json(*c.days_on_current) : Json(nullptr);
    j["current_regimen"] = std::move(cur);
  } else {
    j["current_regimen"] = nullptr;
  }
  j["progression"] = c.progression ? Json(*c.progression) : Json("unknown");
  j["next_imaging_due"] = DateOrNull(c.next_imaging_due);
  j["next_imaging_window_start"] = DateOrNull(c.next_imaging_window_start);
  j["last_imaging"] = DateOrNull(c.last_imaging);
  j["imaging_overdue"] = c.imaging_overdue;
  Json lines = Json::array();
  for (const auto& l : c.lines) {
    Json lj = ObjectWithRoom(24);
    lj["number"] = l.number;
    lj["start"] = l.start.ToString();
    lj["progression_date"] = DateOrNull(l.progression_date);
    Json regs = Json::array();
    for (const auto* r : l.regimens) regs.push_back(RegimenJson(*r));
    lj["regimens"] = std::move(regs);
    lines.push_back(std::move(lj));
  }
  j["lines"] = std::move(lines);
  j["endocrine_resistance"] = {
      {"class", EndocrineResistanceName(c.endocrine_resistance)},
      {"basis",
       c.endocrine_resistance_basis.empty() ? Json(nullptr) : Json(c.endocrine_resistance_basis)}};
  Json exposures = Json::array();
  for (const auto& e : c.exposures) {
    exposures.push_back({{"class", e.drug_class},
                         {"drugs", e.drugs},
                         {"metastatic", e.metastatic},
                         {"adjuvant", e.adjuvant},
                         {"early_relapse", e.early_relapse},
                         {"counts_in_advanced_setting", e.metastatic || e.early_relapse}});
  }
  j["exposures"] = std::move(exposures);
  return j;
}

Json TimePointJson(const RecistTimePoint& tp) {
  Json j = ObjectWithRoom(24);
  j["date"] = tp.date.ToString();
  j["target"] = tp.target;
  j["non_target"] = tp.non_target;
  j["new_lesions"] = tp.new_lesions;
  j["overall"] = tp.overall;
  j["sum_mm"] = NumberOrNull(tp.sum_mm);
  j["change_from_baseline_pct"] = NumberOrNull(tp.change_from_baseline_pct);
  j["change_from_nadir_pct"] = NumberOrNull(tp.change_from_nadir_pct);
  return j;
}

}  // namespace

Json SubtypeToJson(const Classification& c) {
  Json j = ObjectWithRoom(24);
  j["hr"] = HrName(c.hr);
  j["her2"] = Her2Name(c.her2);
  j["group"] = c.group;
  j["er_low"] = c.er_low;
  j["hr_basis"] =
      c.hr_report ? SpecimenJson(c.hr_report->specimen, c.hr_report->date) : Json(nullptr);
  if (c.her2_report) {
    Json b = SpecimenJson(c.her2_report->specimen, c.her2_report->date);
    for (const auto& h : c.history) {
      if (h.date == c.her2_report->date && h.call.ish_group) b["ish_group"] = *h.call.ish_group;
    }
    j["her2_basis"] = std::move(b);
  } else {
    j["her2_basis"] = nullptr;
  }
  Json history = Json::array();
  for (const auto& h : c.history) {
    Json e = SpecimenJson(h.specimen, h.date);
    e["hr"] = h.call.has_hr_data ? Json(HrName(h.call.hr)) : Json(nullptr);
    e["her2"] = h.call.has_her2_data ? Json(Her2Name(h.call.her2)) : Json(nullptr);
    history.push_back(std::move(e));
  }
  j["history"] = std::move(history);
  return j;
}

Json ResponseToJson(const RecistResult& r, bool metastatic) {
  Json j = ObjectWithRoom(24);
  if (r.time_points.empty()) {
    j["status"] = r.baseline_date ? "baseline_only" : (metastatic ? "no_imaging" : "not_assessed");
  } else {
    j["status"] = "assessed";
  }
  j["criteria"] = "RECIST 1.1";
  j["baseline_date"] = DateOrNull(r.baseline_date);
  j["baseline_sum_mm"] = NumberOrNull(r.baseline_sum_mm);
  j["nadir_sum_mm"] = NumberOrNull(r.nadir_sum_mm);
  j["has_target_disease"] = r.has_target_disease;
  if (!r.time_points.empty()) {
    const auto& last = r.time_points.back();
    Json tp = TimePointJson(last);
    for (auto& [k, v] : tp.items()) j[k] = v;
  } else {
    for (const char* k : {"date", "target", "non_target", "overall", "sum_mm"}) j[k] = nullptr;
    j["new_lesions"] = false;
  }
  Json tps = Json::array();
  for (const auto& tp : r.time_points) tps.push_back(TimePointJson(tp));
  j["time_points"] = std::move(tps);
  return j;
}

Json FindingsToJson(const std::vector<Finding>& findings, const KnowledgePack& pack,
                    std::string_view lang) {
  Json out = Json::array();
  for (const auto& f : findings) {
    out.push_back({{"code", f.code},
                   {"severity", SeverityName(f.severity)},
                   {"message", pack.texts.Render(lang, f.code, f.params)},
                   {"rule", f.rule}});
  }
  return out;
}

Json ProvenanceToJson(const std::vector<std::string>& rules, const KnowledgePack& pack) {
  Json j = ObjectWithRoom(24);
  j["engine"] = "oncnav";
  j["engine_version"] = ONCNAV_VERSION;
  j["knowledge_pack"] = pack.manifest.pack;
  j["knowledge_revision"] = pack.manifest.revision;
  Json rs = Json::array();
  for (const auto& id : rules) {
    auto it = pack.rules.find(id);
    if (it == pack.rules.end()) continue;
    rs.push_back({{"id", id},
                  {"evidence", EvidenceName(it->second.evidence)},
                  {"sources", it->second.sources}});
  }
  j["rules"] = std::move(rs);
  return j;
}

std::string WarningMessage(const ImportWarning& w, const KnowledgePack& pack,
                           std::string_view lang) {
  if (w.code.empty() || !pack.texts.Has(w.code)) return w.message;
  return pack.texts.Render(lang, w.code, w.params);
}

Json ImportWarningsToJson(const std::vector<ImportWarning>& warnings, const KnowledgePack& pack,
                          std::string_view lang) {
  Json out = Json::array();
  for (const auto& w : warnings) {
    Json j = {{"resource", w.resource},
              {"element", w.element},
              {"message", WarningMessage(w, pack, lang)}};
    if (!w.code.empty()) j["code"] = w.code;
    out.push_back(std::move(j));
  }
  return out;
}

Json EvaluationToJson(const Evaluation& ev, const KnowledgePack& pack) {
  const auto& rec = ev.input->record;
  Json j = ObjectWithRoom(24);
  j["patient_id"] = rec.demographics.id;
  j["as_of"] = ev.options.as_of.ToString();
  j["region"] = ev.options.region;
  j["lang"] = ev.options.lang;
  j["input_format"] = ev.input->format;
  j["subtype"] = SubtypeToJson(ev.classification);
  j["course"] = CourseToJson(ev.course);
  j["response"] = ResponseToJson(ev.recist, ev.course.metastatic);
  j["decision"] = DecisionToJson(ev.therapy);
  j["options"] = OptionsToJson(ev.therapy, pack, ev.options.lang);
  j["excluded"] = ExcludedToJson(ev.therapy, pack, ev.options.lang);
  j["calculations"] = RecordCalculationsToJson(ev.calculations, pack, ev.options.lang);
  j["bone"] = BoneToJson(ev.bone, pack, ev.options.lang, ev.options.region);
  j["tests_needed"] = FindingsToJson(ev.tests_needed, pack, ev.options.lang);
  j["alerts"] = FindingsToJson(ev.alerts, pack, ev.options.lang);
  j["import_warnings"] = ImportWarningsToJson(ev.input->warnings, pack, ev.options.lang);
  j["provenance"] = ProvenanceToJson(ev.rules, pack);
  return j;
}

}  // namespace oncnav
