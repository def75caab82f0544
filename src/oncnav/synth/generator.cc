#include "oncnav/synth/generator.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

Her2Cat PrimaryHer2(State& s) {
  if (s.group == SynthGroup::kHer2Pos) return Her2Cat::kPositive;
  const std::string& cat = s.rng.Pick(s.p.her2_negative_categories);
  if (cat == "zero") return Her2Cat::kZero;
  if (cat == "ultralow") return Her2Cat::kUltralow;
  return Her2Cat::kLow;
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
  s.de_novo = s.rng.Chance(p.de_novo_fraction);
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

SynthPatient GenerateSynthPatient(uint64_t seed, uint64_t index, const KnowledgePack& pack,
                                  const SynthOptions& options) {
  SynthRandom rng(PatientSeed(seed, index));
  State s(pack, rng, SynthAsOf(pack, options));
  const auto& p = s.p;
  s.rec.demographics.id = Cat({"synth-", std::to_string(seed), "-", std::to_string(index)});
  const std::string& group = rng.Pick(p.group_mix);
  for (size_t g = 0; g < kSynthGroupNames.size(); ++g) {
    if (kSynthGroupNames[g] == group) s.group = static_cast<SynthGroup>(g);
  }
  s.hr_positive = s.group == SynthGroup::kHrPosHer2Neg ||
                  (s.group == SynthGroup::kHer2Pos && rng.Chance(p.her2_pos_hr_positive));
  s.her2 = PrimaryHer2(s);
  s.sex = rng.Chance(p.male_fraction) ? Sex::kMale : Sex::kFemale;
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
  return {std::move(s.rec), std::move(s.truth)};
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
