#include "oncnav/engine/bone/symptom_review.h"

#include <algorithm>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

void Use(std::vector<std::string>& rules, const std::string& rule) {
  if (!rule.empty() && std::find(rules.begin(), rules.end(), rule) == rules.end())
    rules.push_back(rule);
}

bool Has(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::vector<SiteChecklist> Checklists(const LocalTherapyContext& ctx,
                                      std::vector<std::string>& rules) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  std::vector<SiteChecklist> out;
  for (const auto& site : c.symptom_sites) {
    SiteChecklist cl;
    cl.site = &site;
    for (const auto& m : ctx.record.metastases) {
      if (m.site == site.site && (!m.date || *m.date <= ctx.as_of)) cl.metastasis_recorded = true;
    }
    for (const auto& s : ctx.record.symptoms) {
      const SymptomDef* def = c.FindSymptom(s.code);
      if (def && Has(def->sites, site.site) && SymptomActive(s, ctx.as_of)) {
        cl.present.push_back(&s);
      }
    }
    if (!cl.metastasis_recorded && cl.present.empty()) continue;
    Use(rules, site.rule);
    out.push_back(std::move(cl));
  }
  return out;
}

std::vector<MarkerTrend> Markers(const LocalTherapyContext& ctx, std::vector<std::string>& rules) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  std::vector<const TumorMarker*> values;
  for (const auto& m : ctx.record.tumor_markers) {
    if (m.date <= ctx.as_of) values.push_back(&m);
  }
  std::stable_sort(values.begin(), values.end(),
                   [](const TumorMarker* a, const TumorMarker* b) { return a->date < b->date; });
  std::vector<MarkerTrend> out;
  for (const TumorMarker* v : values) {
    std::string type = Has(c.tumour_markers, v->marker) ? "tumour"
                       : Has(c.bone_markers, v->marker) ? "bone_turnover"
                                                        : "";
    if (type.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const MarkerTrend& t) { return t.marker == v->marker; });
    MarkerPoint p{v->date, v->value};
    if (it == out.end()) {
      out.push_back({v->marker, type, v->unit, p, p, p, 1, false, {}});
      continue;
    }
    // The nadir is the lowest value before the latest one.
    if (it->latest.value < it->nadir.value) it->nadir = it->latest;
    it->latest = p;
    it->unit = v->unit;
    ++it->count;
  }
  for (auto& t : out) {
    if (t.latest.value <= t.nadir.value) t.nadir = t.latest;
    t.rising = t.latest.value > t.nadir.value;
    Texts::Params params = {{"marker", t.marker}};
    if (t.type == "tumour") {
      for (const auto& r : c.tumour_marker_rules) Use(rules, r);
      t.notes.push_back({"sym.marker-adjunct", Severity::kInfo, params,
                         c.tumour_marker_rules.empty() ? "" : c.tumour_marker_rules.front()});
    } else {
      Use(rules, c.bone_marker_rule);
      t.notes.push_back(
          {"sym.marker-bone-not-routine", Severity::kInfo, params, c.bone_marker_rule});
    }
    if (!t.rising) continue;
    Use(rules, c.marker_rise_rule);
    t.notes.push_back({"sym.marker-rising",
                       Severity::kInfo,
                       {{"marker", t.marker}, {"nadir_date", t.nadir.date.ToString()}},
                       c.marker_rise_rule});
    for (const auto& reg : ctx.record.regimens) {
      if (!reg.start || *reg.start > t.latest.date) continue;
      if (DaysBetween(*reg.start, t.latest.date) >= c.marker_early_weeks * 7) continue;
      Use(rules, c.marker_early_rule);
      t.notes.push_back({"sym.marker-early",
                         Severity::kInfo,
                         {{"marker", t.marker},
                          {"start", reg.start->ToString()},
                          {"weeks", std::to_string(c.marker_early_weeks)}},
                         c.marker_early_rule});
      break;
    }
  }
  return out;
}

std::optional<AnalgesiaSuggestion> Analgesia(const LocalTherapyContext& ctx,
                                             std::vector<std::string>& rules) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  const Symptom* latest = nullptr;
  for (const auto& s : ctx.record.symptoms) {
    const SymptomDef* def = c.FindSymptom(s.code);
    if (!def || !def->pain || !SymptomActive(s, ctx.as_of)) continue;
    if (s.severity.empty() && !s.nrs) continue;
    if (!latest || s.date >= latest->date) latest = &s;
  }
  if (!latest) return std::nullopt;
  AnalgesiaSuggestion a;
  a.symptom = latest;
  Use(rules, c.ladder_rule);
  if (latest->severity.empty()) {
    // The spec gives the ladder by pain level, not by NRS band: a level must be recorded.
    a.notes.push_back({"sym.ladder-needs-level",
                       Severity::kInfo,
                       {{"nrs", std::to_string(latest->nrs.value_or(0))}},
                       c.ladder_rule});
    return a;
  }
  for (const auto& step : c.ladder) {
    if (!Has(step.levels, latest->severity)) continue;
    a.steps.push_back(step.step);
    if (!a.step) {
      a.step = step.step;
      a.notes.push_back({step.text, Severity::kInfo, {}, c.ladder_rule});
    }
  }
  a.notes.push_back({"sym.ladder-principles", Severity::kInfo, {}, c.ladder_rule});
  return a;
}

}  // namespace

SymptomReview ReviewSymptoms(const LocalTherapyContext& ctx, std::vector<std::string>& rules) {
  SymptomReview out;
  out.checklists = Checklists(ctx, rules);
  out.markers = Markers(ctx, rules);
  out.analgesia = Analgesia(ctx, rules);
  return out;
}

}  // namespace oncnav
