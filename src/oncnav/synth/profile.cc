// Demographics, the primary cancer and the pathology and molecular reports of a synthetic patient.
#include <algorithm>
#include <cmath>

#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

double Round1(double x) { return static_cast<double>(std::llround(x * 10)) / 10; }

// An IHC 2+ dual-probe result that is not amplified after the work-up: group 5 mostly, else a
// group 2 or 4 result, which concurrent IHC 2+ resolves negative (systemic-therapy.md §2.3).
void NegativeIsh(State& s, PathologyReport& r) {
  r.ish_probe = IshProbe::kDual;
  if (s.rng.Chance(s.p.ish_other_groups)) {
    if (s.rng.Chance(0.5)) {  // group 2: ratio >= 2.0, copies < 4.0
      r.her2_ish_ratio = static_cast<double>(s.rng.Int(20, 30)) / 10;
      r.her2_ish_copies = static_cast<double>(s.rng.Int(25, 39)) / 10;
    } else {  // group 4: ratio < 2.0, copies 4.0 to < 6.0
      r.her2_ish_ratio = static_cast<double>(s.rng.Int(12, 19)) / 10;
      r.her2_ish_copies = static_cast<double>(s.rng.Int(40, 59)) / 10;
    }
    return;
  }
  r.her2_ish_ratio = static_cast<double>(s.rng.Int(9, 19)) / 10;    // group 5
  r.her2_ish_copies = static_cast<double>(s.rng.Int(15, 39)) / 10;  // < 4.0
}

void AmplifiedIsh(State& s, PathologyReport& r) {  // group 1: ratio >= 2.0 and copies >= 4.0
  r.ish_probe = IshProbe::kDual;
  r.her2_ish_ratio = static_cast<double>(s.rng.Int(22, 80)) / 10;
  r.her2_ish_copies = static_cast<double>(s.rng.Int(60, 200)) / 10;
}

// Writes the HER2 part of a report; returns what the report lets a reader conclude.
Her2Cat WriteHer2(State& s, PathologyReport& r, Her2Cat her2, bool allow_gaps) {
  const auto& p = s.p;
  if (allow_gaps && her2 != Her2Cat::kPositive && s.rng.Chance(p.missing_her2_status_only)) {
    r.her2_status = Presence::kNegative;  // an overall call without the score
    return Her2Cat::kNegative;
  }
  switch (her2) {
    case Her2Cat::kPositive:
      if (s.rng.Chance(p.her2_positive_by_ish)) {
        r.her2_ihc = Her2Ihc::k2Plus;
        AmplifiedIsh(s, r);
      } else {
        r.her2_ihc = Her2Ihc::k3Plus;
        if (s.rng.Chance(p.ish_also_for_ihc3)) AmplifiedIsh(s, r);
      }
      return Her2Cat::kPositive;
    case Her2Cat::kLow: {
      double one = 0, two = 0;
      for (const auto& [name, w] : p.her2_negative_categories) {
        if (name == "low_1plus") one = w;
        if (name == "low_2plus") two = w;
      }
      if (s.rng.Pick(std::vector<double>{one, two}) == 0) {
        r.her2_ihc = Her2Ihc::k1Plus;
        return Her2Cat::kLow;
      }
      r.her2_ihc = Her2Ihc::k2Plus;
      if (allow_gaps && s.rng.Chance(p.missing_ish_pending)) return Her2Cat::kUnknown;
      NegativeIsh(s, r);
      return Her2Cat::kLow;
    }
    case Her2Cat::kUltralow:
    case Her2Cat::kZero:
    case Her2Cat::kNegative:
    case Her2Cat::kUnknown:
      r.her2_ihc = Her2Ihc::k0;
      if (s.rng.Chance(p.membrane_staining_not_stated)) return Her2Cat::kZero;
      r.her2_membrane_staining = her2 == Her2Cat::kUltralow;
      return her2 == Her2Cat::kUltralow ? Her2Cat::kUltralow : Her2Cat::kZero;
  }
  return Her2Cat::kUnknown;
}

const std::string& PickVariant(State& s, const std::string& gene) {
  const auto& names = s.p.variant_names.at(gene);
  return names[static_cast<size_t>(s.rng.Int(0, static_cast<int64_t>(names.size()) - 1))];
}

// The specimen of the latest metastatic biopsy before `date`, else the primary.
Specimen TissueSpecimen(const State& s, const Date& date) {
  Specimen best{SpecimenKind::kPrimary, ""};
  Date best_date;
  for (const auto& r : s.rec.pathology) {
    if (r.date <= date && r.specimen.kind == SpecimenKind::kMetastasis && r.date >= best_date) {
      best = r.specimen;
      best_date = r.date;
    }
  }
  return best;
}

bool HadAromataseInhibitor(const State& s, const Date& date) {
  for (const auto& g : s.given) {
    if (g.start > date) continue;
    for (const auto& d : g.drugs) {
      if (d == "letrozole" || d == "anastrozole" || d == "exemestane") return true;
    }
  }
  return false;
}

}  // namespace

void GenerateDemographics(State& s) {
  auto& d = s.rec.demographics;
  d.sex = s.sex;
  d.birth_date = s.birth;
  if (!s.rng.Chance(s.p.missing_weight_height)) {
    double height = s.rng.Bell(s.p.height_cm) + (s.sex == Sex::kMale ? 12 : 0);
    double bmi = s.rng.Bell(s.p.bmi);
    d.height_cm = height;
    d.weight_kg = Round1(bmi * (height / 100) * (height / 100));
  }
  d.menopausal_status = s.MenopauseAt(s.as_of);
  if (s.rng.Chance(s.p.missing_menopausal_status)) d.menopausal_status = MenopausalStatus::kUnknown;
}

void GeneratePrimary(State& s) {
  PrimaryCancer pc;
  pc.diagnosis_date = s.primary_date;
  if (!s.rng.Chance(s.p.missing_histology)) pc.histology = s.rng.Pick(s.p.histology);
  if (!s.rng.Chance(s.p.missing_stage)) {
    pc.stage = s.de_novo ? "IV" : s.rng.Pick(s.p.early_stage);
  }
  s.laterality = s.rng.Pick(s.p.laterality);
  pc.laterality = s.laterality;
  s.rec.primary = std::move(pc);
  AddPathologyReport(s, s.primary_date, {SpecimenKind::kPrimary, ""}, s.hr_positive, s.her2, true);
}

void AddPathologyReport(State& s, const Date& date, const Specimen& specimen, bool hr_positive,
                        Her2Cat her2, bool allow_gaps) {
  const auto& p = s.p;
  PathologyReport r;
  r.date = date;
  r.specimen = specimen;
  KnownSpecimen known;
  known.date = date;
  known.metastatic = specimen.kind == SpecimenKind::kMetastasis;
  known.hr_positive = hr_positive;
  if (hr_positive) {
    if (!s.er_level) {
      // The tumour's receptor levels, drawn once; later specimens vary around them.
      s.pgr_only = false;
      if (s.rng.Chance(p.er_low_fraction)) {
        s.er_level = static_cast<int>(s.rng.Int(1, 10));
      } else if (s.rng.Chance(p.pgr_only_fraction)) {
        s.er_level = 0;
        s.pgr_only = true;
      } else {
        s.er_level = static_cast<int>(s.rng.Int(3, 20) * 5);  // 15-100 %
      }
      s.pgr_level = s.pgr_only ? static_cast<int>(s.rng.Int(1, 12) * 5)
                    : s.rng.Chance(p.pgr_negative_fraction)
                        ? 0
                        : static_cast<int>(s.rng.Int(1, 19) * 5);
    }
    bool pgr_only = s.pgr_only;
    bool first = s.specimens.empty();
    auto vary = [&](int level, int lo, int hi) {
      // Another specimen, another reading: within 10 points, in the same category.
      if (first || level == 0) return level;
      return std::clamp(level + static_cast<int>(s.rng.Int(-2, 2)) * 5, lo, hi);
    };
    int er = *s.er_level;
    r.er_percent = static_cast<double>(er <= 10 ? er : vary(er, 15, 100));
    r.pgr_percent = static_cast<double>(vary(*s.pgr_level, 5, 100));
    if (allow_gaps && !pgr_only && s.rng.Chance(p.missing_er_status_only)) {
      // An older report: positive / negative only, no percentages.
      r.er_status = Presence::kPositive;
      r.pgr_status = *r.pgr_percent > 0 ? Presence::kPositive : Presence::kNegative;
      r.er_percent.reset();
      r.pgr_percent.reset();
    }
  } else {
    r.er_percent = 0;
    r.pgr_percent = 0;
  }
  if (allow_gaps && known.metastatic && s.rng.Chance(p.missing_metastatic_her2)) {
    known.her2 = Her2Cat::kUnknown;  // HER2 not tested on this specimen
  } else {
    known.her2 = WriteHer2(s, r, her2, allow_gaps);
    known.her2_data = true;
  }
  if (s.rng.Chance(p.ki67_reported)) {
    bool fast = !hr_positive || her2 == Her2Cat::kPositive;
    r.ki67_percent = static_cast<double>(fast ? s.rng.Int(20, 90) : s.rng.Int(3, 45));
  }
  s.rec.pathology.push_back(std::move(r));
  s.specimens.push_back(known);
}

void AddGermlineTest(State& s, const Date& date) {
  SynthGroup g = s.group;
  bool brca1 = s.rng.Chance(s.p.brca1_share[g]);
  auto result = [&](const char* gene) {
    bool carrier_gene = s.gbrca && (std::string_view(gene) == "BRCA1") == brca1;
    if (carrier_gene) {
      return s.rng.Chance(0.2) ? GermlineResult::kLikelyPathogenic : GermlineResult::kPathogenic;
    }
    return s.rng.Chance(0.03) ? GermlineResult::kVus : GermlineResult::kNegative;
  };
  for (const char* gene : {"BRCA1", "BRCA2"}) s.rec.germline.push_back({date, gene, result(gene)});
}

void AddPi3kTest(State& s, const Date& date, bool plasma) {
  // Plasma: FoundationOne Liquid CDx (PIK3CA, AKT1, PTEN) or therascreen PIK3CA (PIK3CA only);
  // tissue: FoundationOne CDx (systemic-therapy.md §2.7).
  bool therascreen = plasma && s.rng.Chance(0.3);
  std::string assay = !plasma       ? "FoundationOne CDx"
                      : therascreen ? "therascreen PIK3CA RGQ PCR"
                                    : "FoundationOne Liquid CDx";
  Specimen specimen = plasma ? Specimen{SpecimenKind::kPlasma, ""} : TissueSpecimen(s, date);
  bool found = false;
  for (const char* gene : {"PIK3CA", "AKT1", "PTEN"}) {
    if (therascreen && std::string_view(gene) != "PIK3CA") continue;
    SomaticVariant v;
    v.date = date;
    v.gene = gene;
    v.sample = plasma ? "plasma" : "tissue";
    v.assay = assay;
    v.specimen = specimen;
    bool altered = s.pi3k_gene == gene;
    v.detected = altered && (!plasma || s.rng.Chance(s.p.plasma_positive_agreement.at(gene)));
    if (v.detected) {
      v.hgvs = s.pi3k_variant;
      found = true;
    }
    s.rec.variants.push_back(std::move(v));
  }
  if (plasma && !found && s.rng.Chance(s.p.tissue_after_negative_plasma)) {
    Date tissue = date.AddDays(static_cast<int>(s.rng.Int(14, 35)));
    if (tissue <= s.as_of) AddPi3kTest(s, tissue, false);
  }
}

void AddEsr1Test(State& s, const Date& date) {
  // The ESR1 status after aromatase-inhibitor exposure is drawn once, at the first test after
  // it (37% of AI-treated advanced disease [R49]); before it, mutations are rare [R12].
  if (!s.esr1_drawn_after_ai) {
    if (HadAromataseInhibitor(s, date)) {
      s.esr1_mutant = s.esr1_mutant || s.rng.Chance(s.p.esr1_after_aromatase_inhibitor);
      s.esr1_drawn_after_ai = true;
    } else if (!s.esr1_mutant) {
      s.esr1_mutant = s.rng.Chance(s.p.esr1_without_aromatase_inhibitor);
    }
  }
  SomaticVariant v;
  v.date = date;
  v.gene = "ESR1";
  v.sample = "plasma";
  v.assay = "Guardant360 CDx";
  v.specimen = {SpecimenKind::kPlasma, ""};
  v.detected = s.esr1_mutant;
  if (v.detected) {
    if (s.esr1_variant.empty()) s.esr1_variant = PickVariant(s, "ESR1");
    v.hgvs = s.esr1_variant;
  }
  s.rec.variants.push_back(std::move(v));
}

void AddPdL1Tests(State& s, const Date& date, const Specimen& specimen) {
  const std::string& which = s.rng.Pick(s.p.pdl1_assays);
  if (which == "22C3" || which == "both") {
    bool positive = s.rng.Chance(s.p.pdl1_cps_10_fraction);
    double cps = static_cast<double>(positive ? s.rng.Int(10, 80) : s.rng.Int(0, 9));
    s.rec.pdl1.push_back({date, specimen, "22C3", "CPS", cps});
  }
  if (which == "SP142" || which == "both") {
    std::string key = specimen.kind == SpecimenKind::kPrimary ? "primary" : specimen.site;
    auto it = s.p.sp142_positive_by_site.find(key);
    double chance = it != s.p.sp142_positive_by_site.end() ? it->second
                                                           : s.p.sp142_positive_by_site.at("other");
    bool positive = s.rng.Chance(chance);
    double ic = static_cast<double>(positive ? s.rng.Int(1, 25) : 0);
    s.rec.pdl1.push_back({date, specimen, "SP142", "IC", ic});
  }
}

}  // namespace oncnav::synth
