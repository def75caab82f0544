#include "oncnav/synth/generator.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

// What a patient is, drawn once: the attempts below redraw the history, never these (so the
// subtype mix, the de novo share and the sex ratio are those of synthetic.json).
struct Identity {
  SynthGroup group = SynthGroup::kHrPosHer2Neg;
  bool hr_positive = false;
  Her2Cat her2 = Her2Cat::kZero;
  Sex sex = Sex::kFemale;
  bool de_novo = false;
};

Identity DrawIdentity(SynthRandom& rng, const SynthParameters& p) {
  Identity id;
  const std::string& group = rng.Pick(p.group_mix);
  for (size_t g = 0; g < kSynthGroupNames.size(); ++g) {
    if (kSynthGroupNames[g] == group) id.group = static_cast<SynthGroup>(g);
  }
  id.hr_positive = id.group == SynthGroup::kHrPosHer2Neg ||
                   (id.group == SynthGroup::kHer2Pos && rng.Chance(p.her2_pos_hr_positive));
  if (id.group == SynthGroup::kHer2Pos) {
    id.her2 = Her2Cat::kPositive;
  } else {
    const std::string& cat = rng.Pick(p.her2_negative_categories);
    id.her2 = cat == "zero"       ? Her2Cat::kZero
              : cat == "ultralow" ? Her2Cat::kUltralow
                                  : Her2Cat::kLow;
  }
  id.sex = rng.Chance(p.male_fraction) ? Sex::kMale : Sex::kFemale;
  id.de_novo = rng.Chance(p.de_novo_fraction);
  return id;
}

// The timeline: metastatic diagnosis, age and birth, primary diagnosis.
void DrawTimeline(State& s) {
  const auto& p = s.p;
  double os_days = static_cast<double>(MonthsToDays(p.os_median_months[s.group]));
  int64_t since =
      std::min(s.rng.ExponentialDays(os_days), MonthsToDays(p.max_years_metastatic * 12));
  s.met_date = s.as_of.AddDays(-static_cast<int>(std::max<int64_t>(since, 1)));
  int age = static_cast<int>(s.rng.Bell(p.age_at_metastasis));
  s.birth = s.met_date.AddDays(-(age * 365 + age / 4 + static_cast<int>(s.rng.Int(0, 364))));
  if (!s.de_novo) {
    int64_t dfi = std::max(
        MonthsToDays(p.min_dfi_months),
        s.rng.ExponentialDays(static_cast<double>(MonthsToDays(p.dfi_median_years[s.group] * 12))));
    // The primary is diagnosed in adulthood (at least 20 years old).
    int64_t room = DaysBetween(s.birth.AddDays(20 * 365 + 5), s.met_date);
    dfi = std::min(dfi, room);
    if (dfi < MonthsToDays(p.min_dfi_months)) s.de_novo = true;
    s.primary_date = s.met_date.AddDays(-static_cast<int>(dfi));
  }
  if (s.de_novo) {
    s.primary_date = s.met_date.AddDays(-static_cast<int>(s.rng.Int(0, 14)));
    if (s.primary_date < s.birth) s.primary_date = s.met_date;
  }
}

void DrawHiddenState(State& s) {
  const auto& p = s.p;
  s.gbrca = s.rng.Chance(p.gbrca_pathogenic[s.group]);
  if (s.group == SynthGroup::kHrPosHer2Neg && s.rng.Chance(p.pi3k_pathway_altered)) {
    s.pi3k_gene = s.rng.Pick(p.pi3k_pathway_genes);
    const auto& names = p.variant_names.at(s.pi3k_gene);
    s.pi3k_variant =
        names[static_cast<size_t>(s.rng.Int(0, static_cast<int64_t>(names.size()) - 1))];
  }
  s.ca15_3 = s.rng.Chance(p.ca15_3_measured);
  s.ca15_3_secretor = s.rng.Chance(p.ca15_3_secretor);
  s.ca15_3_base = static_cast<double>(s.rng.Int(40, 250));
  s.cea = s.rng.Chance(p.cea_measured);
  s.cea_secretor = s.rng.Chance(p.cea_secretor);
  s.cea_base = static_cast<double>(s.rng.Int(6, 80));
  s.si_units = s.rng.Chance(p.labs_si_units);
  s.karnofsky = s.rng.Chance(p.karnofsky_instead);
  s.write_imaging = !s.rng.Chance(p.no_imaging_since_metastasis);
  if (s.rng.Chance(p.imaging_overdue)) {
    s.scan_cutoff = s.as_of.AddDays(-static_cast<int>(s.rng.Int(100, 150)));
  }
}

template <typename T, typename F>
void SortByDate(std::vector<T>& items, F&& date_of) {
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return date_of(a) < date_of(b); });
}

void SortRecord(PatientRecord& r) {
  auto optional_date = [](const std::optional<Date>& d) { return d.value_or(Date()); };
  SortByDate(r.metastases, [&](const MetastaticSite& m) { return optional_date(m.date); });
  SortByDate(r.pathology, [](const PathologyReport& p) { return p.date; });
  SortByDate(r.pdl1, [](const PdL1Result& p) { return p.date; });
  SortByDate(r.germline, [](const GermlineTest& g) { return g.date; });
  SortByDate(r.variants, [](const SomaticVariant& v) { return v.date; });
  SortByDate(r.regimens, [&](const Regimen& g) { return optional_date(g.start); });
  SortByDate(r.procedures, [&](const Procedure& p) { return optional_date(p.date); });
  SortByDate(r.imaging, [](const ImagingAssessment& a) { return a.date; });
  SortByDate(r.tumor_markers, [](const TumorMarker& m) { return m.date; });
  SortByDate(r.labs, [](const LabResult& l) { return l.date; });
  SortByDate(r.adverse_events, [&](const AdverseEvent& a) { return optional_date(a.date); });
  SortByDate(r.performance, [](const PerformanceStatus& p) { return p.date; });
}

}  // namespace

Date SynthAsOf(const KnowledgePack& pack, const SynthOptions& options) {
  return options.as_of.value_or(pack.synthetic.params.reference_date);
}

namespace {

// One attempt at a patient, drawn from `rng`; `accept` says whether a living patient with this
// history is kept (see GenerateSynthPatient).
SynthPatient Attempt(uint64_t seed, uint64_t index, const Identity& id, SynthRandom& rng,
                     const KnowledgePack& pack, const SynthOptions& options, bool& accept) {
  State s(pack, rng, SynthAsOf(pack, options));
  const auto& p = s.p;
  s.rec.demographics.id = Cat({"synth-", std::to_string(seed), "-", std::to_string(index)});
  s.group = id.group;
  s.hr_positive = id.hr_positive;
  s.her2 = id.her2;
  s.sex = id.sex;
  s.de_novo = id.de_novo;
  DrawTimeline(s);
  DrawHiddenState(s);

  GenerateDemographics(s);
  GeneratePrimary(s);
  GenerateEarlyTreatment(s);
  GenerateMetastaticDiagnosis(s);
  GenerateMetastaticCourse(s);
  GenerateSupportiveCare(s);
  GenerateObservations(s);

  s.truth.group_at_diagnosis = s.group;
  s.truth.group_now = s.KnownGroup(s.as_of);
  s.truth.de_novo = s.de_novo;
  s.truth.metastatic_date = s.met_date;
  if (!s.write_imaging) s.truth.series.clear();
  SortRecord(s.rec);

  int progressions = 0;
  for (const auto& line : s.truth.lines) progressions += line.progression ? 1 : 0;
  double keep = 1;
  for (int i = 0; i < progressions; ++i) keep *= p.survival_per_progression;
  accept = !s.course_stalled && rng.Chance(keep);
  return {std::move(s.rec), std::move(s.truth)};
}

}  // namespace

SynthPatient GenerateSynthPatient(uint64_t seed, uint64_t index, const KnowledgePack& pack,
                                  const SynthOptions& options) {
  // The records are of living patients: a history with many progressions, or one that has run
  // out of treatment, is less likely to belong to someone alive, so it is kept only with the
  // probability survival_per_progression ^ progressions (never when stalled) and otherwise drawn
  // again from the next attempt's seed (at most kAttempts times; the last one is kept).
  constexpr int kAttempts = 20;
  const uint64_t base = PatientSeed(seed, index);
  SynthRandom identity_rng(base);
  const Identity id = DrawIdentity(identity_rng, pack.synthetic.params);
  SynthPatient patient;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    SynthRandom rng(Mix64(base + 1 + static_cast<uint64_t>(attempt)));
    bool accept = false;
    patient = Attempt(seed, index, id, rng, pack, options, accept);
    if (accept) break;
  }
  return patient;
}

std::vector<PatientRecord> GeneratePatients(int count, uint64_t seed, const KnowledgePack& pack,
                                            const SynthOptions& options) {
  std::vector<PatientRecord> out;
  out.reserve(static_cast<size_t>(std::max(count, 0)));
  for (int i = 0; i < count; ++i) {
    out.push_back(GenerateSynthPatient(seed, static_cast<uint64_t>(i), pack, options).record);
  }
  return out;
}

}  // namespace oncnav::synth
