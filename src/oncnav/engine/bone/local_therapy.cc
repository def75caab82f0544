#include "oncnav/engine/bone/local_therapy.h"

#include <algorithm>

#include "oncnav/calc/bilsky.h"
#include "oncnav/calc/mirels.h"
#include "oncnav/calc/sins.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

class Collector {
 public:
  Collector(std::vector<std::string>& rules, std::vector<Finding>& alerts)
      : rules_(rules), alerts_(alerts) {}

  std::vector<Finding>& alerts() { return alerts_; }
  void Use(const std::string& rule) {
    if (!rule.empty() && std::find(rules_.begin(), rules_.end(), rule) == rules_.end())
      rules_.push_back(rule);
  }
  // Adds the prompt to `list`; a warning or critical one is also an alert.
  void Add(std::vector<Finding>& list, const PromptDef& p, Texts::Params params = {}) {
    Use(p.rule);
    Severity sev = p.severity == "critical"  ? Severity::kCritical
                   : p.severity == "warning" ? Severity::kWarning
                                             : Severity::kInfo;
    Finding f{p.text, sev, std::move(params), p.rule};
    if (sev != Severity::kInfo) AddUnique(alerts_, f);
    AddUnique(list, std::move(f));
  }

 private:
  std::vector<std::string>& rules_;
  std::vector<Finding>& alerts_;
};

// Sites name the same bone when one contains the other, ignoring case ("T12", "spine T12").
bool SameSite(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  std::string x = ToLower(a), y = ToLower(b);
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

void Trigger(const LocalTherapyConfig& c, std::string_view score, std::string_view band,
             LesionReview& lr, Collector& col, const Texts::Params& params) {
  for (const auto& t : c.score_triggers) {
    if (t.score == score && t.band == band) col.Add(lr.prompts, t.prompt, params);
  }
}

std::optional<Date> PriorRadiotherapy(const LocalTherapyContext& ctx, const std::string& site,
                                      const Date& before) {
  std::optional<Date> latest;
  auto consider = [&](const Date& d, std::string_view where) {
    if (d <= before && SameSite(where, site) && (!latest || d > *latest)) latest = d;
  };
  for (const auto& p : ctx.record.procedures) {
    if (p.kind == ProcedureKind::kRadiotherapy && p.date) consider(*p.date, p.site);
  }
  for (const auto& e : ctx.record.skeletal_events) {
    if (e.type == "radiotherapy_to_bone") consider(e.date, e.site);
  }
  return latest;
}

void Radiotherapy(const LocalTherapyContext& ctx, LesionReview& lr, LocalTherapyReview& out,
                  Collector& col) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  const BoneLesionAssessment& a = *lr.assessment;
  lr.prior_radiotherapy = PriorRadiotherapy(ctx, a.site, a.date);
  Texts::Params params = {{"site", a.site}};
  if (!lr.prior_radiotherapy) {
    for (const auto& p : c.rt_first) col.Add(lr.prompts, p, params);
    for (const auto& s : c.rt_schedules) {
      col.Use(s.rule);
      if (std::find(out.rt_schedules.begin(), out.rt_schedules.end(), &s) == out.rt_schedules.end())
        out.rt_schedules.push_back(&s);
    }
    return;
  }
  params.push_back({"date", lr.prior_radiotherapy->ToString()});
  params.push_back({"months", std::to_string(c.reirradiation_after_months)});
  // "More than one month after": the assessment must fall after the anniversary month.
  if (lr.prior_radiotherapy->AddMonths(c.reirradiation_after_months) < a.date) {
    for (const auto& p : c.rt_reirradiation) col.Add(lr.prompts, p, params);
  } else {
    col.Add(lr.prompts, c.rt_too_early, params);
  }
}

LesionReview ReviewLesion(const LocalTherapyContext& ctx, const BoneLesionAssessment& a,
                          LocalTherapyReview& out, Collector& col) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  LesionReview lr;
  lr.assessment = &a;
  lr.painful = a.painful.value_or(false);
  if (a.mirels) {
    const MirelsRecord& m = *a.mirels;
    auto s = MirelsScore(
        {m.site, m.pain, m.lesion, m.size, m.axial_cortical_mm, m.circumferential_percent},
        ctx.pack);
    if (s) {
      lr.mirels = s->score;
      lr.mirels_band = s->band.id;
      for (const auto& r : s->trace.rules) col.Use(r);
      Trigger(c, "mirels", s->band.id, lr, col,
              {{"site", a.site}, {"score", std::to_string(s->score)}});
      // Cortical involvement beyond the femoral-series limits is flagged whatever the total.
      for (const auto& note : s->trace.notes) {
        if (note.severity == Severity::kInfo || note.code.rfind("calc.note.mirels-", 0) != 0)
          continue;
        AddUnique(lr.prompts, note);
        AddUnique(col.alerts(), note);
      }
    }
    if (!a.painful) lr.painful = true;  // Mirels scores pain from mild upwards
  }
  if (a.sins) {
    const SinsRecord& m = *a.sins;
    auto s = SinsScore(
        {m.location, m.level, m.pain, m.lesion, m.alignment, m.collapse, m.posterolateral},
        ctx.pack);
    if (s) {
      lr.sins = s->score;
      lr.sins_band = s->band.id;
      for (const auto& r : s->trace.rules) col.Use(r);
      Trigger(c, "sins", s->band.id, lr, col,
              {{"site", a.site}, {"score", std::to_string(s->score)}});
    }
    if (!a.painful && m.pain != "none" && !m.pain.empty()) lr.painful = true;
  }
  if (!a.bilsky.empty()) {
    auto b = BilskyGrade(a.bilsky, ctx.pack);
    if (b) {
      lr.bilsky_category = b->category;
      for (const auto& r : b->trace.rules) col.Use(r);
      Trigger(c, "bilsky", b->category, lr, col, {{"site", a.site}, {"grade", b->grade}});
    }
  }
  if (a.neurological_deficit.value_or(false)) {
    for (const auto& p : c.deficit) col.Add(lr.prompts, p, {{"site", a.site}});
  }
  if (lr.painful) Radiotherapy(ctx, lr, out, col);
  return lr;
}

void ReviewEvents(const LocalTherapyContext& ctx, LocalTherapyReview& out, Collector& col) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  std::vector<const SkeletalEvent*> events;
  for (const auto& e : ctx.record.skeletal_events) {
    if (e.date <= ctx.as_of) events.push_back(&e);
  }
  std::stable_sort(
      events.begin(), events.end(),
      [](const SkeletalEvent* a, const SkeletalEvent* b) { return a->date < b->date; });
  for (const auto& d : c.sre_definitions) out.sre_counts[d.id] = 0;
  for (const SkeletalEvent* e : events) {
    SkeletalEventReview r;
    r.event = e;
    r.definition = e->definition.empty() ? c.sre_default : e->definition;
    if (e->definition.empty()) col.Use(c.sre_default_rule);
    for (const auto& d : c.sre_definitions) {
      col.Use(d.rule);
      if (std::find(d.counts.begin(), d.counts.end(), e->type) == d.counts.end()) continue;
      r.counted_by.push_back(d.id);
      ++out.sre_counts[d.id];
      if (d.id == r.definition) r.counted = true;
    }
    Texts::Params params = {{"site", e->site.empty() ? "-" : e->site},
                            {"date", e->date.ToString()}};
    if (e->type == "pathological_fracture") {
      for (const auto& s : c.fracture_surgery_sites) {
        if (SameSite(e->site, s)) {
          col.Add(out.prompts, c.fracture_surgery, params);
          break;
        }
      }
    }
    if (e->type == "surgery_to_bone") col.Add(out.prompts, c.rt_after_surgery, params);
    out.events.push_back(std::move(r));
  }
}

void ReviewBrain(const LocalTherapyContext& ctx, LocalTherapyReview& out, Collector& col) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  std::string first;  // the first active brain symptom, for the prompt; the checklist lists all
  for (const auto& s : ctx.record.symptoms) {
    const SymptomDef* def = c.FindSymptom(s.code);
    if (!def || !SymptomActive(s, ctx.as_of)) continue;
    if (std::find(def->sites.begin(), def->sites.end(), c.brain_site) == def->sites.end()) continue;
    first = s.code;
    break;
  }
  bool known = false;
  for (const auto& m : ctx.record.metastases) {
    if (m.site == c.brain_site && (!m.date || *m.date <= ctx.as_of)) known = true;
  }
  if (!first.empty()) {
    col.Add(out.prompts, c.brain_mri, {{"symptom", Cat({"@sym.code.", first})}});
    col.Add(out.prompts, c.brain_options);
    if (known) col.Add(out.prompts, c.brain_symptomatic);
  } else if (known) {
    col.Add(out.prompts, c.brain_asymptomatic);
  }
}

}  // namespace

bool SymptomActive(const Symptom& s, const Date& as_of) {
  return s.date <= as_of && (!s.resolved || *s.resolved > as_of);
}

LocalTherapyReview ReviewLocalTherapy(const LocalTherapyContext& ctx,
                                      std::vector<std::string>& rules,
                                      std::vector<Finding>& alerts) {
  const LocalTherapyConfig& c = ctx.pack.local_therapy;
  LocalTherapyReview out;
  Collector col(rules, alerts);
  // The latest assessment of each site (sites compared ignoring case).
  std::vector<const BoneLesionAssessment*> latest;
  for (const auto& a : ctx.record.bone_assessments) {
    if (a.date > ctx.as_of) continue;
    auto it = std::find_if(latest.begin(), latest.end(), [&](const BoneLesionAssessment* l) {
      return ToLower(l->site) == ToLower(a.site);
    });
    if (it == latest.end()) {
      latest.push_back(&a);
    } else if (a.date >= (*it)->date) {
      *it = &a;
    }
  }
  for (const auto* a : latest) out.lesions.push_back(ReviewLesion(ctx, *a, out, col));
  ReviewEvents(ctx, out, col);
  if (!out.lesions.empty() || !out.events.empty()) col.Add(out.prompts, c.rehabilitation);
  ReviewBrain(ctx, out, col);
  return out;
}

}  // namespace oncnav
