// Bone-modifying agent, laboratory values, performance status and goals of a synthetic patient.
#include <algorithm>
#include <array>
#include <cmath>

#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

double RoundTo(double x, double scale) {
  return static_cast<double>(std::llround(x * scale)) / scale;
}

// The value as the patient's laboratory reports it: SI or conventional units. The record keeps
// it as written and the canonical value the reader would compute from it.
void AddLab(State& s, const Date& date, const std::string& test, double canonical) {
  if (date > s.as_of || date < s.birth) return;
  double value = canonical;
  std::string unit;
  const LabTest* t = s.pack.labs.Find(test);
  if (!t) return;
  unit = t->canonical_unit;
  if (s.si_units) {
    if (test == "creatinine") {
      value = RoundTo(canonical * 88.4, 1);
      unit = "umol/L";
    } else if (test == "calcium") {
      value = RoundTo(canonical / 4.008, 100);
      unit = "mmol/L";
    } else if (test == "phosphate") {
      value = RoundTo(canonical / 3.097, 100);
      unit = "mmol/L";
    } else if (test == "magnesium") {
      value = RoundTo(canonical / 2.431, 100);
      unit = "mmol/L";
    } else if (test == "albumin" || test == "hemoglobin") {
      value = RoundTo(canonical * 10, 1);
      unit = "g/L";
    } else if (test == "fasting_glucose") {
      value = RoundTo(canonical / 18.016, 10);
      unit = "mmol/L";
    }
  } else if (test == "neutrophils" || test == "platelets") {
    unit = "10*3/uL";
  }
  auto converted = s.pack.labs.ToCanonical(*t, value, unit);
  if (!converted) return;
  s.rec.labs.push_back({date, test, *converted, t->canonical_unit, value, unit});
}

double Draw(State& s, const std::string& test) { return s.rng.Tenths(s.p.lab_ranges.at(test)); }

double DrawHundredths(State& s, const std::string& test) {
  const SynthRange& r = s.p.lab_ranges.at(test);
  return static_cast<double>(s.rng.Int(std::llround(r.min * 100), std::llround(r.max * 100))) / 100;
}

void Panel(State& s, const Date& date, int line) {
  AddLab(s, date, "creatinine", DrawHundredths(s, "creatinine"));
  double calcium = Draw(s, "calcium");
  if (s.HasSite("bone") && s.rng.Chance(s.p.hypercalcemia_with_bone)) {
    calcium = static_cast<double>(s.rng.Int(108, 130)) / 10;
  }
  AddLab(s, date, "calcium", calcium);
  double albumin = Draw(s, "albumin");
  if (line >= 3 && s.rng.Chance(s.p.low_albumin_late_line)) {
    albumin = static_cast<double>(s.rng.Int(26, 34)) / 10;
  }
  AddLab(s, date, "albumin", albumin);
  AddLab(s, date, "neutrophils", Draw(s, "neutrophils"));
  AddLab(s, date, "hemoglobin", Draw(s, "hemoglobin"));
  AddLab(s, date, "platelets", static_cast<double>(s.rng.InRange(s.p.lab_ranges.at("platelets"))));
  AddLab(s, date, "alkaline_phosphatase",
         static_cast<double>(s.rng.InRange(s.p.lab_ranges.at("alkaline_phosphatase"))));
}

bool HasDrugWithClass(State& s, const GivenRegimen& g, std::string_view cls) {
  return std::any_of(g.drugs.begin(), g.drugs.end(),
                     [&](const std::string& d) { return DrugHasClass(s, d, cls); });
}

void Glucose(State& s, const Date& date, bool diabetic) {
  AddLab(s, date, "hba1c",
         diabetic ? static_cast<double>(s.rng.Int(65, 85)) / 10 : Draw(s, "hba1c"));
  AddLab(s, date, "fasting_glucose",
         diabetic ? static_cast<double>(s.rng.Int(126, 180)) : Draw(s, "fasting_glucose"));
}

// LVEF before and every three months on anti-HER2 antibodies and antibody-drug conjugates
// (trastuzumab [R65], trastuzumab deruxtecan [R59]).
void Lvef(State& s, const GivenRegimen& g, int& baseline) {
  if (baseline == 0) baseline = static_cast<int>(s.rng.InRange(s.p.lab_ranges.at("lvef")));
  Date end = g.stop ? std::min(*g.stop, s.as_of) : s.as_of;
  int drop = 0;
  AddLab(s, g.start.AddDays(-static_cast<int>(s.rng.Int(1, 21))), "lvef", baseline);
  for (Date d = g.start.AddDays(static_cast<int>(s.p.lvef_interval_days)); d <= end;
       d = d.AddDays(static_cast<int>(s.p.lvef_interval_days))) {
    if (drop == 0 && s.rng.Chance(s.p.lvef_drop_on_trastuzumab)) drop = 10;
    int value = baseline - drop - static_cast<int>(s.rng.Int(0, 3));
    AddLab(s, d, "lvef", value);
  }
}

// Laboratory values that go with recorded adverse events.
void EventLabs(State& s) {
  for (const auto& ae : s.rec.adverse_events) {
    if (!ae.date) continue;
    const Date d = *ae.date;
    if (ae.term == "neutropenia") {
      AddLab(s, d, "neutrophils",
             ae.grade >= 4 ? static_cast<double>(s.rng.Int(1, 4)) / 10
                           : static_cast<double>(s.rng.Int(5, 9)) / 10);
    } else if (ae.term == "hyperglycemia") {
      int mg = ae.grade >= 4   ? static_cast<int>(s.rng.Int(510, 600))
               : ae.grade == 3 ? static_cast<int>(s.rng.Int(251, 500))
                               : static_cast<int>(s.rng.Int(161, 250));
      AddLab(s, d, "fasting_glucose", mg);
    } else if (ae.term == "anemia") {
      AddLab(s, d, "hemoglobin", static_cast<double>(s.rng.Int(80, 99)) / 10);
    } else if (ae.term == "hypocalcemia") {
      AddLab(s, d, "calcium", static_cast<double>(s.rng.Int(70, 79)) / 10);
    }
  }
}

void Performance(State& s, const Date& date, int ecog) {
  if (date > s.as_of || date < s.met_date) return;
  PerformanceStatus ps;
  ps.date = date;
  if (s.karnofsky) {
    static constexpr std::array<int, 5> kKarnofsky = {90, 80, 60, 40, 30};
    ps.scale = PerformanceScale::kKarnofsky;
    ps.value = kKarnofsky[static_cast<size_t>(std::min(ecog, 4))];
  } else {
    ps.value = ecog;
  }
  s.rec.performance.push_back(ps);
}

struct Goal {
  const char* statement;
  std::vector<std::string> priorities;
};

}  // namespace

void GenerateSupportiveCare(State& s) {
  std::optional<Date> bone;
  for (const auto& m : s.rec.metastases) {
    if (m.site == "bone" && m.date && (!bone || *m.date < *bone)) bone = m.date;
  }
  if (!bone || !s.rng.Chance(s.p.bma_fraction)) return;
  // Start when imaging shows bone metastasis; dental check and renal and mineral tests first
  // [S4][S1].
  Date start = bone->AddDays(static_cast<int>(s.rng.InRange(s.p.bma_start_days)));
  if (start > s.as_of) return;
  if (s.rng.Chance(s.p.dental_examination_before_bma)) {
    Date dental = std::max(*bone, start.AddDays(-static_cast<int>(s.rng.Int(3, 30))));
    s.AddProcedure(dental, ProcedureKind::kDentalExamination, "",
                   "dental examination before a bone-modifying agent");
  }
  Date labs = std::max(*bone, start.AddDays(-static_cast<int>(s.rng.Int(0, 7))));
  AddLab(s, labs, "creatinine", DrawHundredths(s, "creatinine"));
  AddLab(s, labs, "calcium", Draw(s, "calcium"));
  AddLab(s, labs, "phosphate", Draw(s, "phosphate"));
  AddLab(s, labs, "magnesium", Draw(s, "magnesium"));
  const std::string agent = s.rng.Pick(s.p.bma_agents);
  GivenRegimen g;
  g.drugs = {agent};
  g.start = start;
  size_t index = s.AddRegimen(std::move(g), "bma");
  if (s.rng.Chance(s.p.bma_hypocalcemia)) {
    Date d = start.AddDays(static_cast<int>(s.rng.Int(7, 21)));
    if (d <= s.as_of) s.AddAdverseEvent(d, "hypocalcemia", 2, agent);
  }
  if (s.rng.Chance(s.p.bma_osteonecrosis)) {
    Date onset = start.AddDays(static_cast<int>(s.rng.Int(180, 900)));
    if (onset <= s.as_of) {
      s.AddAdverseEvent(onset, "osteonecrosis_of_jaw", static_cast<int>(s.rng.Int(2, 3)), agent);
      Date stop = std::min(onset.AddDays(static_cast<int>(s.rng.Int(0, 14))), s.as_of);
      s.StopRegimen(index, stop, StopReason::kToxicity);
    }
  }
}

void GenerateObservations(State& s) {
  Panel(s, s.met_date.AddDays(static_cast<int>(s.rng.Int(0, 7))), 1);
  bool diabetic = s.rng.Chance(s.p.diabetes);
  int lvef_baseline = 0;
  int ecog = std::stoi(s.rng.Pick(s.p.ecog_first_line));
  for (const auto& g : s.given) {
    if (g.setting != Setting::kMetastatic || g.line == 0) continue;
    bool line_start = std::none_of(s.given.begin(), s.given.end(), [&](const GivenRegimen& o) {
      return o.line == g.line && o.setting == Setting::kMetastatic && o.start < g.start;
    });
    Date before = std::max(s.met_date, g.start.AddDays(-static_cast<int>(s.rng.Int(0, 7))));
    if (line_start) {
      if (g.line > 1 && s.rng.Chance(s.p.ecog_worsen_per_line)) ecog = std::min(3, ecog + 1);
      Performance(s, before, ecog);
      if (g.line > 1) Panel(s, before, g.line);
    }
    if (HasDrugWithClass(s, g, "pi3k_inhibitor") || HasDrugWithClass(s, g, "akt_inhibitor")) {
      Glucose(s, std::max(s.met_date, g.start.AddDays(-static_cast<int>(s.rng.Int(1, 14)))),
              diabetic);
    }
    if (HasDrugWithClass(s, g, "anti_her2_antibody") || HasDrugWithClass(s, g, "anti_her2_adc")) {
      Lvef(s, g, lvef_baseline);
    }
  }
  EventLabs(s);
  if (!s.rng.Chance(s.p.missing_recent_labs)) {
    Date last = s.as_of.AddDays(-static_cast<int>(s.rng.Int(0, 30)));
    if (last > s.met_date) {
      int line = s.truth.lines.empty() ? 1 : s.truth.lines.back().number;
      Panel(s, last, line);
      Performance(s, last, ecog);
    }
  }
  static const std::vector<Goal> kGoals = {
      {"Keep working part-time as long as I can.", {"quality_of_life"}},
      {"Be well enough to travel to my daughter's wedding next year.",
       {"quality_of_life", "time_at_home"}},
      {"Live as long as possible, even if the treatment is hard.", {"longest_survival"}},
      {"Stay at home with my family and avoid hospital stays.", {"time_at_home"}},
  };
  if (s.rng.Chance(0.4)) {
    const Goal& goal = kGoals[static_cast<size_t>(s.rng.Int(0, 3))];
    s.rec.goals.statement = goal.statement;
    s.rec.goals.priorities = goal.priorities;
  }
}

}  // namespace oncnav::synth
