// Curative-intent treatment of a patient who relapses later: surgery, radiotherapy and
// (neo)adjuvant chemotherapy, anti-HER2 and endocrine therapy, cut short by the relapse.
#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

struct Planned {
  std::vector<std::string> drugs;
  Setting setting = Setting::kAdjuvant;
  Date start;
  Date stop;
  StopReason reason = StopReason::kCompleted;
  bool chemo = false;
  bool anti_her2 = false;
  bool endocrine = false;
};

struct Plan {
  std::vector<Planned> regimens;
  std::optional<Date> surgery;
  std::optional<Date> radiotherapy;
};

int Days(State& s, int64_t lo, int64_t hi) { return static_cast<int>(s.rng.Int(lo, hi)); }

const std::vector<std::string>& Early(State& s, const char* key) {
  return s.p.early_regimens.at(key);
}

// Chemotherapy (with anti-HER2 antibodies for HER2+) from `start`; returns the day it ends.
Date AddChemotherapy(State& s, Plan& plan, Date start, Setting setting) {
  bool her2 = s.her2 == Her2Cat::kPositive;
  if (her2 && setting == Setting::kNeoadjuvant && s.rng.Chance(0.5)) {
    plan.regimens.push_back({Early(s, "her2_neoadjuvant"), setting, start, start.AddDays(126),
                             StopReason::kCompleted, true, true, false});
    return start.AddDays(126);
  }
  plan.regimens.push_back({Early(s, "anthracycline"), setting, start, start.AddDays(84),
                           StopReason::kCompleted, true, false, false});
  Date taxane = start.AddDays(84 + Days(s, 1, 14));
  const char* key = her2                                                ? "her2_taxane"
                    : s.group == SynthGroup::kTnbc && s.rng.Chance(0.3) ? "tnbc_platinum"
                                                                        : "taxane";
  plan.regimens.push_back({Early(s, key), setting, taxane, taxane.AddDays(84),
                           StopReason::kCompleted, true, her2, false});
  return taxane.AddDays(84);
}

// The adjuvant endocrine therapy of a HR+ patient, from `start`.
void AddEndocrine(State& s, Plan& plan, Date start) {
  Planned et;
  et.setting = Setting::kAdjuvant;
  et.start = start;
  et.endocrine = true;
  bool ai = s.sex == Sex::kFemale && s.MenopauseAt(start) == MenopausalStatus::kPostmenopausal;
  if (ai) {
    int which = static_cast<int>(s.rng.Int(0, 2));
    et.drugs = {which == 0 ? "anastrozole" : which == 1 ? "letrozole" : "exemestane"};
  } else {
    et.drugs = {"tamoxifen"};
  }
  et.stop = start.AddDays(static_cast<int>(MonthsToDays(s.p.adjuvant_endocrine_years * 12)));
  if (s.rng.Chance(s.p.adjuvant_endocrine_early_stop)) {
    et.stop = start.AddDays(Days(s, 180, 900));
    et.reason = s.rng.Chance(0.6) ? StopReason::kToxicity : StopReason::kPatientChoice;
  }
  plan.regimens.push_back(std::move(et));
}

void Record(State& s, Plan& plan) {
  const Date relapse = s.met_date;
  std::optional<Date> last_chemo, last_anti_her2;
  const Planned* previous = nullptr;
  for (auto& r : plan.regimens) {
    // Drugs that go on from the previous regimen (antibodies after the taxane) form a new
    // regimen only if it lasts more than a few weeks before the relapse; a shorter stretch would
    // read as one regimen in FHIR (FHIR-REGIMEN-GROUP), so it is left out.
    bool continuation = previous && r.start == previous->stop &&
                        std::all_of(r.drugs.begin(), r.drugs.end(), [&](const std::string& d) {
                          return std::find(previous->drugs.begin(), previous->drugs.end(), d) !=
                                 previous->drugs.end();
                        });
    previous = &r;
    if (r.start >= relapse.AddDays(continuation ? -35 : -14)) continue;  // not started in time
    if (r.stop >= relapse) {
      // Relapse during the regimen: it stops at the relapse (progression).
      r.stop = relapse.AddDays(-Days(s, 0, 7));
      if (r.stop <= r.start) r.stop = r.start.AddDays(1);
      r.reason = StopReason::kProgression;
      if (r.endocrine) s.relapse_on_adjuvant_endocrine = true;
    }
    if (r.reason == StopReason::kToxicity && r.endocrine) {
      const std::string& drug = r.drugs.front();
      s.AddAdverseEvent(r.stop.AddDays(-Days(s, 0, 14)),
                        drug == "tamoxifen" ? "hot_flashes" : "arthralgia", 2, drug);
    }
    GivenRegimen g;
    g.setting = r.setting;
    g.drugs = r.drugs;
    g.start = r.start;
    g.stop = r.stop;
    g.reason = r.reason;
    s.AddRegimen(std::move(g), r.setting == Setting::kNeoadjuvant ? "neo" : "adj");
    if (r.chemo && (!last_chemo || r.stop > *last_chemo)) last_chemo = r.stop;
    if (r.anti_her2 && (!last_anti_her2 || r.stop > *last_anti_her2)) last_anti_her2 = r.stop;
    if (r.endocrine) {
      s.adjuvant_endocrine_start = r.start;
      s.adjuvant_endocrine_stop = r.stop;
    }
  }
  s.curative_chemo_end = last_chemo;
  s.anti_her2_end = last_anti_her2;
  // DEF-8: relapse during or within 6 months of (neo)adjuvant anti-HER2 therapy.
  s.anti_her2_early = last_anti_her2 && relapse <= last_anti_her2->AddMonths(6);
  std::string side = s.laterality == "bilateral" ? "both breasts" : Cat({s.laterality, " breast"});
  if (plan.surgery && *plan.surgery < relapse.AddDays(-7)) {
    s.AddProcedure(
        *plan.surgery, ProcedureKind::kSurgery, side,
        s.lumpectomy ? "lumpectomy with sentinel node biopsy" : "mastectomy with axillary surgery");
  }
  if (plan.radiotherapy && *plan.radiotherapy < relapse.AddDays(-7)) {
    s.AddProcedure(*plan.radiotherapy, ProcedureKind::kRadiotherapy, side,
                   "adjuvant whole-breast radiotherapy");
  }
}

}  // namespace

void GenerateEarlyTreatment(State& s) {
  if (s.de_novo) return;
  const auto& p = s.p;
  Plan plan;
  s.lumpectomy = s.rng.Chance(p.lumpectomy_fraction);
  bool her2 = s.her2 == Her2Cat::kPositive;
  int dfi = DaysBetween(s.primary_date, s.met_date);
  // Neoadjuvant chemotherapy needs time for chemotherapy, surgery and recovery before relapse,
  // so that the surgery that follows it is in the record.
  bool neo = dfi > 420 && s.rng.Chance(p.neoadjuvant_fraction[s.group]);
  Date day = s.primary_date.AddDays(Days(s, 10, 28));
  Date after_local;  // end of surgery, chemotherapy and radiotherapy
  if (neo) {
    Date chemo_end = AddChemotherapy(s, plan, day, Setting::kNeoadjuvant);
    plan.surgery = chemo_end.AddDays(Days(s, 21, 42));
    after_local = *plan.surgery;
  } else {
    plan.surgery = day;
    after_local = day;
    if (her2 || s.rng.Chance(p.adjuvant_chemo_fraction[s.group])) {
      after_local = AddChemotherapy(s, plan, day.AddDays(Days(s, 21, 42)), Setting::kAdjuvant);
    }
  }
  if (s.lumpectomy) {
    plan.radiotherapy = after_local.AddDays(Days(s, 21, 42));
    after_local = plan.radiotherapy->AddDays(35);
  }
  if (her2) {
    // Anti-HER2 therapy continues after the chemotherapy to complete its planned duration:
    // the antibodies straight on after adjuvant chemotherapy; after neoadjuvant therapy an
    // antibody-drug conjugate from after the surgery (a different drug, so that the regimen
    // before surgery and the one after it stay two regimens in every format).
    Date first = plan.regimens.front().start;
    Date end = first.AddDays(static_cast<int>(MonthsToDays(p.anti_her2_total_months)));
    Date from = neo ? plan.surgery->AddDays(Days(s, 21, 42)) : plan.regimens.back().stop;
    if (from.AddDays(28) < end) {
      plan.regimens.push_back({Early(s, neo ? "her2_post_neoadjuvant" : "her2_maintenance"),
                               Setting::kAdjuvant, from, end, StopReason::kCompleted, false, true,
                               false});
    }
  }
  if (s.hr_positive && s.rng.Chance(p.adjuvant_endocrine_fraction)) {
    // After the other adjuvant drugs (in practice often alongside anti-HER2 antibodies; kept
    // apart here so that every format reads the same regimens, FHIR-REGIMEN-GROUP).
    Date start = std::max(after_local, plan.surgery->AddDays(21));
    for (const auto& r : plan.regimens) start = std::max(start, r.stop);
    AddEndocrine(s, plan, start.AddDays(Days(s, 7, 28)));
  }
  Record(s, plan);
}

}  // namespace oncnav::synth
