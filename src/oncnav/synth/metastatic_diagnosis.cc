// The metastatic diagnosis: sites and lesions, the biopsy of a metastasis (with discordance
// against the primary now and then) and the tests done before first-line treatment.
#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

constexpr const char* kSiteOrder[] = {"bone",   "liver", "lung",  "distant_lymph_node",
                                      "pleura", "skin",  "brain", "peritoneum"};

std::vector<std::string> DrawSites(State& s) {
  const auto& chances = s.p.sites_at_diagnosis[static_cast<size_t>(s.group)];
  if (s.group == SynthGroup::kHrPosHer2Neg && s.rng.Chance(s.p.bone_only_hr_positive)) {
    return {"bone"};
  }
  std::vector<std::string> sites;
  for (const char* site : kSiteOrder) {
    for (const auto& [name, chance] : chances) {
      if (name == site && s.rng.Chance(chance)) sites.emplace_back(site);
    }
  }
  if (sites.empty()) {
    sites.emplace_back(s.group == SynthGroup::kHrPosHer2Neg ? "bone"
                       : s.group == SynthGroup::kHer2Pos    ? "liver"
                                                            : "lung");
  }
  return sites;
}

// Another HER2 category for a new specimen (HER2 often changes between primary and
// metastasis [R8]): a gain to positive now and then, else a move among the negative ones.
Her2Cat Discordant(State& s, Her2Cat from) {
  if (from == Her2Cat::kPositive) return s.rng.Chance(0.7) ? Her2Cat::kLow : Her2Cat::kZero;
  if (s.rng.Chance(s.p.her2_gain_share_of_discordance)) return Her2Cat::kPositive;
  std::vector<Her2Cat> others;
  for (Her2Cat c : {Her2Cat::kZero, Her2Cat::kUltralow, Her2Cat::kLow}) {
    if (c != from) others.push_back(c);
  }
  return others[static_cast<size_t>(s.rng.Int(0, static_cast<int64_t>(others.size()) - 1))];
}

std::string OrganWords(const std::string& site) {
  return site == "distant_lymph_node" ? "lymph node" : site;
}

// "a pleural metastasis", "a liver metastasis".
std::string MetastasisWords(const std::string& site) {
  if (site == "pleura") return "pleural";
  if (site == "peritoneum") return "peritoneal";
  return OrganWords(site);
}

}  // namespace

bool MetastaticBiopsy(State& s, const Date& date) {
  std::vector<std::string> sites;
  std::vector<double> weights;
  for (const auto& m : s.rec.metastases) {
    for (const auto& [site, w] : s.p.biopsy_site_weights) {
      if (site == m.site && (!m.date || *m.date <= date)) {
        sites.push_back(site);
        weights.push_back(w);
      }
    }
  }
  if (sites.empty()) return false;
  const std::string site = sites[s.rng.Pick(weights)];
  // The biology of the new specimen: the latest known, sometimes discordant.
  bool hr = s.hr_positive;
  Her2Cat her2 = s.her2;
  if (s.current_her2) her2 = *s.current_her2;
  if (s.current_hr) hr = *s.current_hr;
  if (hr && s.rng.Chance(s.p.hr_loss_at_metastasis)) hr = false;
  if (s.rng.Chance(s.p.her2_discordance)) her2 = Discordant(s, her2);
  s.current_hr = hr;
  s.current_her2 = her2;
  s.AddProcedure(date, ProcedureKind::kBiopsy, OrganWords(site),
                 Cat({"core biopsy of a ", MetastasisWords(site), " metastasis"}));
  AddPathologyReport(s, date, {SpecimenKind::kMetastasis, site}, hr, her2, true);
  for (auto& m : s.rec.metastases) {
    if (m.site == site) m.confirmed_by = Confirmation::kBiopsy;
  }
  return true;
}

void GenerateMetastaticDiagnosis(State& s) {
  const Date m = s.met_date;
  for (const auto& site : DrawSites(s)) {
    s.AddSite(site, m, site == "skin" ? Confirmation::kClinical : Confirmation::kImaging);
    AddLesions(s, site, false);
  }
  Date biopsy = m.AddDays(static_cast<int>(s.rng.Int(3, 12)));
  bool biopsied =
      s.rng.Chance(s.p.metastatic_biopsy) && biopsy <= s.as_of && MetastaticBiopsy(s, biopsy);
  Date tests = m.AddDays(static_cast<int>(s.rng.Int(1, 12)));
  if (tests > s.as_of || (biopsied && biopsy.AddDays(1) > s.as_of)) {
    // Diagnosed only days ago: no test results yet.
    if (s.HasSite("brain")) TreatBrain(s, m);
    return;
  }
  SynthGroup known = s.KnownGroup(biopsied ? biopsy : m);
  if (known != SynthGroup::kHer2Pos && s.rng.Chance(s.p.gbrca_tested)) AddGermlineTest(s, tests);
  if (known == SynthGroup::kTnbc && s.rng.Chance(s.p.pdl1_tested)) {
    Specimen specimen{SpecimenKind::kPrimary, ""};
    Date when = tests;
    if (biopsied) {
      specimen = s.rec.pathology.back().specimen;
      when = biopsy.AddDays(1);
    }
    AddPdL1Tests(s, when, specimen);
  }
  if (known == SynthGroup::kHrPosHer2Neg && s.EndocrineResistantRelapse() &&
      s.rng.Chance(s.p.pi3k_test_at_resistant_relapse)) {
    AddPi3kTest(s, tests, true);
  }
  if (s.HasSite("brain")) TreatBrain(s, m);
  if (s.HasSite("bone")) MaybeIrradiateBone(s, m);
  s.visceral_crisis = known == SynthGroup::kHrPosHer2Neg &&
                      (s.HasSite("liver") || s.HasSite("lung")) &&
                      s.rng.Chance(s.p.visceral_crisis_first_line);
}

}  // namespace oncnav::synth
