#include "oncnav/report/local_therapy_json.h"

#include <cmath>

#include "oncnav/common/text.h"
#include "oncnav/report/json_output.h"
#include "oncnav/report/json_values.h"

namespace oncnav {
namespace {

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json StringOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Round(double v) { return Json(std::round(v * 100.0) / 100.0); }

Json Prompts(const std::vector<Finding>& list, const KnowledgePack& pack, std::string_view lang) {
  Json out = Json::array();
  for (const auto& f : list) {
    out.push_back({{"code", f.code},
                   {"severity", std::string(SeverityName(f.severity))},
                   {"text", pack.texts.Render(lang, f.code, f.params)},
                   {"rule", f.rule}});
  }
  return out;
}

Json ScoresJson(const LocalTherapyReview& r) {
  Json out = Json::array();
  for (const auto& l : r.lesions) {
    const BoneLesionAssessment& a = *l.assessment;
    Json j = ObjectWithRoom(8);
    j["site"] = a.site;
    j["date"] = a.date.ToString();
    j["mirels"] = OrNull(l.mirels);
    j["mirels_band"] = StringOrNull(l.mirels_band);
    j["sins"] = OrNull(l.sins);
    j["sins_band"] = StringOrNull(l.sins_band);
    j["bilsky"] = StringOrNull(a.bilsky);
    j["bilsky_category"] = StringOrNull(l.bilsky_category);
    out.push_back(std::move(j));
  }
  return out;
}

Json LocalJson(const LocalTherapyReview& r, const KnowledgePack& pack, std::string_view lang) {
  Json lesions = Json::array();
  for (const auto& l : r.lesions) {
    const BoneLesionAssessment& a = *l.assessment;
    Json j = ObjectWithRoom(7);
    j["site"] = a.site;
    j["date"] = a.date.ToString();
    j["painful"] = l.painful;
    j["neurological_deficit"] = OrNull(a.neurological_deficit);
    j["prior_radiotherapy"] = DateOrNull(l.prior_radiotherapy);
    j["prompts"] = Prompts(l.prompts, pack, lang);
    lesions.push_back(std::move(j));
  }
  Json schedules = Json::array();
  for (const auto* s : r.rt_schedules) {
    schedules.push_back({{"dose_gy", s->dose_gy}, {"fractions", s->fractions}, {"rule", s->rule}});
  }
  Json j = ObjectWithRoom(3);
  j["lesions"] = std::move(lesions);
  j["radiotherapy_schedules"] = std::move(schedules);
  j["prompts"] = Prompts(r.prompts, pack, lang);
  return j;
}

Json EventsJson(const LocalTherapyReview& r) {
  Json out = Json::array();
  for (const auto& e : r.events) {
    Json j = ObjectWithRoom(6);
    j["date"] = e.event->date.ToString();
    j["type"] = e.event->type;
    j["site"] = StringOrNull(e.event->site);
    j["definition"] = e.definition;
    j["counted"] = e.counted;
    j["counted_by"] = e.counted_by;
    out.push_back(std::move(j));
  }
  return out;
}

Json ChecklistsJson(const SymptomReview& s, const KnowledgePack& pack, std::string_view lang) {
  Json out = Json::array();
  for (const auto& c : s.checklists) {
    Json present = Json::array();
    for (const Symptom* p : c.present) {
      std::string key = Cat({"sym.code.", p->code});
      present.push_back({{"code", p->code},
                         {"label", pack.texts.Render(lang, key)},
                         {"date", p->date.ToString()},
                         {"severity", StringOrNull(p->severity)},
                         {"nrs", OrNull(p->nrs)}});
    }
    Json j = ObjectWithRoom(5);
    j["site"] = c.site->site;
    j["metastasis_recorded"] = c.metastasis_recorded;
    j["ask_about"] = pack.texts.Render(lang, c.site->prompt);
    j["present"] = std::move(present);
    j["rule"] = c.site->rule;
    out.push_back(std::move(j));
  }
  return out;
}

Json Point(const MarkerPoint& p) { return {{"date", p.date.ToString()}, {"value", p.value}}; }

Json MarkersJson(const SymptomReview& s, const KnowledgePack& pack, std::string_view lang) {
  Json out = Json::array();
  for (const auto& m : s.markers) {
    Json j = ObjectWithRoom(12);
    j["marker"] = m.marker;
    j["type"] = m.type;
    j["unit"] = StringOrNull(m.unit);
    j["count"] = m.count;
    j["first"] = Point(m.first);
    j["nadir"] = Point(m.nadir);
    j["latest"] = Point(m.latest);
    j["change_from_nadir"] = Round(m.latest.value - m.nadir.value);
    j["change_from_nadir_percent"] =
        m.nadir.value > 0 ? Round(100.0 * (m.latest.value - m.nadir.value) / m.nadir.value)
                          : Json(nullptr);
    j["rising"] = m.rising;
    j["trend_only"] = true;  // never a response category or a treatment change
    j["notes"] = Prompts(m.notes, pack, lang);
    out.push_back(std::move(j));
  }
  return out;
}

Json AnalgesiaJson(const SymptomReview& s, const KnowledgePack& pack, std::string_view lang) {
  if (!s.analgesia) return nullptr;
  const AnalgesiaSuggestion& a = *s.analgesia;
  Json j = ObjectWithRoom(8);
  j["date"] = a.symptom->date.ToString();
  j["code"] = a.symptom->code;
  j["severity"] = StringOrNull(a.symptom->severity);
  j["nrs"] = OrNull(a.symptom->nrs);
  j["who_step"] = OrNull(a.step);
  j["who_steps"] = a.steps;
  j["notes"] = Prompts(a.notes, pack, lang);
  j["rule"] = pack.local_therapy.ladder_rule;
  return j;
}

}  // namespace

void AddLocalTherapyJson(const BonePlan& plan, const KnowledgePack& pack, std::string_view lang,
                         Json& bone) {
  const LocalTherapyReview& r = plan.local;
  bone["scores"]["lesions"] = ScoresJson(r);
  bone["skeletal_events"] = EventsJson(r);
  Json counts = Json::object();
  for (const auto& [id, n] : r.sre_counts) counts[id] = n;
  bone["sre_definition_default"] = pack.local_therapy.sre_default;
  bone["sre_counts"] = std::move(counts);
  bone["local_therapy"] = LocalJson(r, pack, lang);
  bone["symptom_checklists"] = ChecklistsJson(plan.symptoms, pack, lang);
  bone["markers"] = MarkersJson(plan.symptoms, pack, lang);
  bone["analgesia"] = AnalgesiaJson(plan.symptoms, pack, lang);
}

}  // namespace oncnav
