// The synthetic generator: every record passes the native reader, a seed always gives the same
// bytes, and the records follow the specification's sequencing and RECIST (checked on the
// records themselves, not on the generator's own bookkeeping).
#include "oncnav/synth/generator.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "oncnav/engine/evaluate.h"
#include "oncnav/engine/recist.h"
#include "oncnav/record/load_record.h"
#include "oncnav/record/native_writer.h"
#include "synth_test_support.h"

namespace oncnav::synth {
namespace {

using testing::AsOf;
using testing::Cohort;
using testing::Pack;

std::string Ndjson(uint64_t seed, int count) {
  std::string out;
  for (const auto& r : GeneratePatients(count, seed, Pack())) {
    out += NativeRecordToJson(r).dump();
    out += '\n';
  }
  return out;
}

// FNV-1a, to pin the exact output of a run in a few characters.
uint64_t Fnv1a(const std::string& text) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

TEST(SynthGenerator, TenThousandRecordsPassTheNativeReader) {
  simdjson::dom::parser parser;
  int failures = 0;
  for (uint64_t i = 0; i < 10000; ++i) {
    PatientRecord record = GenerateSynthPatient(20261121, i, Pack()).record;
    std::string json = NativeRecordToJson(record).dump();
    auto loaded = LoadRecord(json, Pack(), AsOf(), parser);
    if (!loaded) {
      if (++failures <= 5) {
        ADD_FAILURE() << record.demographics.id << ": " << loaded.errors().front().ToString();
      }
      continue;
    }
    for (const auto& w : loaded->warnings) {
      if (++failures <= 5) {
        ADD_FAILURE() << record.demographics.id << ": warning " << w.resource << " " << w.element
                      << ": " << w.message;
      }
    }
    // What the reader makes of the written record is the record the generator made.
    if (NativeRecordToJson(loaded->record).dump() != json && ++failures <= 5) {
      ADD_FAILURE() << record.demographics.id << " reads back differently";
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(SynthGenerator, SameSeedSameBytes) {
  EXPECT_EQ(Ndjson(7, 200), Ndjson(7, 200));
  EXPECT_NE(Ndjson(7, 20), Ndjson(8, 20));
  // A patient depends on (seed, index) only: a longer run starts with the shorter one.
  std::string shorter = Ndjson(9, 30);
  EXPECT_EQ(Ndjson(9, 60).substr(0, shorter.size()), shorter);
}

TEST(SynthGenerator, OutputOfAFixedRunIsPinned) {
  // Changes whenever the generator or synthetic.json changes; update it in the same reviewed
  // commit. A difference on another platform is a portability bug.
  EXPECT_EQ(Fnv1a(Ndjson(20261121, 25)), 1803788151697836215ULL);
}

TEST(SynthGenerator, EveryDateIsOnOrBeforeTheAsOfDate) {
  SynthOptions options;
  options.as_of = Date::FromYmd(2021, 6, 30);
  simdjson::dom::parser parser;
  for (const auto& r : GeneratePatients(300, 3, Pack(), options)) {
    auto loaded = LoadRecord(NativeRecordToJson(r).dump(), Pack(), *options.as_of, parser);
    ASSERT_TRUE(loaded.ok()) << r.demographics.id << ": " << loaded.errors().front().ToString();
  }
}

// ---- the records follow systemic-therapy.md ------------------------------------------------

bool HasDrug(const Regimen& r, std::string_view drug) {
  return std::find(r.drugs.begin(), r.drugs.end(), drug) != r.drugs.end();
}

bool DrugHasClass(std::string_view drug, std::string_view cls) {
  const Drug* d = Pack().drugs.FindByName(drug);
  return d && d->HasClass(cls);
}

bool RegimenHasClass(const Regimen& r, std::string_view cls) {
  return std::any_of(r.drugs.begin(), r.drugs.end(),
                     [&](const std::string& d) { return DrugHasClass(d, cls); });
}

bool VariantBefore(const PatientRecord& rec, const Date& d, std::set<std::string> genes) {
  return std::any_of(rec.variants.begin(), rec.variants.end(), [&](const SomaticVariant& v) {
    return v.detected && v.date <= d && genes.count(v.gene);
  });
}

TEST(SynthGenerator, TargetedDrugsOnlyWithTheirRecordedBiomarker) {
  int checked = 0;
  for (const auto& p : Cohort(5, 2000)) {
    const auto& rec = p.record;
    for (const auto& r : rec.regimens) {
      if (r.setting != Setting::kMetastatic || !r.start) continue;
      const Date d = *r.start;
      auto pdl1 = [&](std::string_view assay, double cut) {
        return std::any_of(rec.pdl1.begin(), rec.pdl1.end(), [&](const PdL1Result& x) {
          return x.assay == assay && x.date <= d && x.score >= cut;
        });
      };
      if (HasDrug(r, "pembrolizumab")) {
        EXPECT_TRUE(pdl1("22C3", 10)) << rec.demographics.id;
      }
      if (HasDrug(r, "atezolizumab")) {
        EXPECT_TRUE(pdl1("SP142", 1)) << rec.demographics.id;
        EXPECT_TRUE(HasDrug(r, "nab-paclitaxel")) << "PD1-3: atezolizumab only with nab-P";
      }
      if (RegimenHasClass(r, "parp_inhibitor")) {
        bool carrier = std::any_of(rec.germline.begin(), rec.germline.end(), [&](const auto& g) {
          return g.date <= d && (g.result == GermlineResult::kPathogenic ||
                                 g.result == GermlineResult::kLikelyPathogenic);
        });
        EXPECT_TRUE(carrier) << rec.demographics.id;
      }
      if (HasDrug(r, "capivasertib")) {
        EXPECT_TRUE(VariantBefore(rec, d, {"PIK3CA", "AKT1", "PTEN"})) << rec.demographics.id;
      }
      if (HasDrug(r, "alpelisib") || HasDrug(r, "inavolisib")) {
        EXPECT_TRUE(VariantBefore(rec, d, {"PIK3CA"})) << rec.demographics.id;
      }
      if (HasDrug(r, "elacestrant") || HasDrug(r, "imlunestrant")) {
        EXPECT_TRUE(VariantBefore(rec, d, {"ESR1"})) << rec.demographics.id;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 2500);
}

TEST(SynthGenerator, LinesFollowTheSequencingBySubtype) {
  for (const auto& p : Cohort(5, 2000)) {
    const auto& rec = p.record;
    std::vector<const Regimen*> met;
    for (const auto& r : rec.regimens) {
      if (r.setting == Setting::kMetastatic && !RegimenHasClass(r, "bone_modifying_agent")) {
        met.push_back(&r);
      }
    }
    if (met.empty()) continue;
    // Each line's regimens fit the subtype group the record showed when the line began.
    for (const auto& line : p.truth.lines) {
      for (const Regimen* r : met) {
        if (*r->start < line.start) continue;
        if (line.number < static_cast<int>(p.truth.lines.size()) &&
            *r->start >= p.truth.lines[static_cast<size_t>(line.number)].start) {
          continue;
        }
        if (line.group == SynthGroup::kHer2Pos && line.regimens.front().start == *r->start) {
          EXPECT_TRUE(RegimenHasClass(*r, "anti_her2")) << rec.demographics.id;
        }
        if (line.group == SynthGroup::kTnbc) {
          EXPECT_FALSE(RegimenHasClass(*r, "endocrine")) << rec.demographics.id;
          EXPECT_FALSE(RegimenHasClass(*r, "cdk46_inhibitor")) << rec.demographics.id;
        }
      }
    }
    // A drug that failed (progression) is not given again; the anti-HER2 backbone and
    // ovarian suppression go on (systemic-therapy.md §4.2, GP-5).
    std::set<std::string> failed;
    for (const Regimen* r : met) {
      for (const auto& d : r->drugs) {
        if (d == "trastuzumab" || d == "goserelin" || d == "leuprorelin") continue;
        EXPECT_FALSE(failed.count(d)) << rec.demographics.id << " gets " << d << " again";
      }
      if (r->stop_reason == StopReason::kProgression) {
        failed.insert(r->drugs.begin(), r->drugs.end());
      }
    }
  }
}

TEST(SynthGenerator, DrugsAreNotGivenBeforeTheyWereAvailable) {
  int dated = 0;
  for (const auto& p : Cohort(5, 2000)) {
    for (const auto& line : p.truth.lines) {
      for (const auto& given : line.regimens) {
        const auto& options = Pack().synthetic.regimens;
        auto it = std::find_if(options.begin(), options.end(),
                               [&](const auto& o) { return o.id == given.option; });
        ASSERT_NE(it, options.end());
        if (!it->available_from) continue;
        ++dated;
        EXPECT_GE(given.start, *it->available_from) << p.record.demographics.id << " " << it->id;
        // The record has the regimen on that date.
        bool recorded = std::any_of(p.record.regimens.begin(), p.record.regimens.end(),
                                    [&](const Regimen& r) { return r.start == given.start; });
        EXPECT_TRUE(recorded) << p.record.demographics.id;
      }
    }
  }
  EXPECT_GT(dated, 1000);
}

TEST(SynthGenerator, InterstitialLungDiseaseOfGrade2StopsTrastuzumabDeruxtecanForGood) {
  int stops = 0;
  for (const auto& p : Cohort(5, 2000)) {
    const auto& rec = p.record;
    for (const auto& ae : rec.adverse_events) {
      if (ae.term != "interstitial_lung_disease" || ae.drug != "trastuzumab deruxtecan" ||
          ae.grade < 2) {
        continue;
      }
      ++stops;
      // R59: permanently discontinue; the regimen stops for toxicity and T-DXd never returns.
      bool stopped = std::any_of(rec.regimens.begin(), rec.regimens.end(), [&](const auto& r) {
        return HasDrug(r, "trastuzumab deruxtecan") && r.stop_reason == StopReason::kToxicity &&
               r.stop && *r.stop >= *ae.date;
      });
      EXPECT_TRUE(stopped) << rec.demographics.id;
      for (const auto& r : rec.regimens) {
        if (HasDrug(r, "trastuzumab deruxtecan")) {
          EXPECT_LE(*r.start, *ae.date);
        }
      }
    }
  }
  EXPECT_GT(stops, 0) << "grade 2 ILD on T-DXd should occur now and then";
}

TEST(SynthGenerator, CohortLooksLikeMetastaticBreastCancer) {
  const auto& cohort = Cohort(5, 2000);
  std::map<SynthGroup, int> groups;
  int de_novo = 0, men = 0, brain = 0, bone = 0, ultralow = 0, low = 0, her2_status_only = 0,
      ihc0_unstated = 0, tnbc_without_pdl1 = 0, tnbc = 0, sp142 = 0, cps = 0, switches = 0,
      relapse_on_adjuvant_et = 0, neoadjuvant = 0, lines3 = 0, no_regimen = 0;
  for (const auto& p : cohort) {
    const auto& rec = p.record;
    ++groups[p.truth.group_at_diagnosis];
    de_novo += p.truth.de_novo;
    men += rec.demographics.sex == Sex::kMale;
    for (const auto& m : rec.metastases) {
      brain += m.site == "brain";
      bone += m.site == "bone";
    }
    for (const auto& r : rec.pathology) {
      if (r.her2_ihc == Her2Ihc::k0 && r.her2_membrane_staining == true) ++ultralow;
      if (r.her2_ihc == Her2Ihc::k1Plus) ++low;
      if (!r.her2_ihc && r.her2_status == Presence::kNegative) ++her2_status_only;
      if (r.her2_ihc == Her2Ihc::k0 && !r.her2_membrane_staining) ++ihc0_unstated;
    }
    if (p.truth.group_at_diagnosis == SynthGroup::kTnbc) {
      ++tnbc;
      tnbc_without_pdl1 += rec.pdl1.empty();
    }
    for (const auto& x : rec.pdl1) (x.assay == "SP142" ? sp142 : cps) += 1;
    for (const auto& r : rec.regimens) {
      switches += r.stop_reason == StopReason::kToxicity;
      neoadjuvant += r.setting == Setting::kNeoadjuvant;
      if (r.setting == Setting::kAdjuvant && r.stop_reason == StopReason::kProgression &&
          RegimenHasClass(r, "endocrine")) {
        ++relapse_on_adjuvant_et;
      }
    }
    lines3 += p.truth.lines.size() >= 3;
    no_regimen += p.truth.lines.empty();
  }
  const double n = static_cast<double>(cohort.size());
  // synthetic.json group_mix 0.68 / 0.18 / 0.14 and de novo 0.245.
  EXPECT_NEAR(groups[SynthGroup::kHrPosHer2Neg] / n, 0.68, 0.03);
  EXPECT_NEAR(groups[SynthGroup::kHer2Pos] / n, 0.18, 0.03);
  EXPECT_NEAR(groups[SynthGroup::kTnbc] / n, 0.14, 0.03);
  EXPECT_NEAR(de_novo / n, 0.245, 0.03);
  EXPECT_GT(men, 5);
  EXPECT_GT(brain, 40);
  EXPECT_GT(bone, 700);
  EXPECT_GT(ultralow, 150);
  EXPECT_GT(low, 500);
  EXPECT_GT(her2_status_only, 40);
  EXPECT_GT(ihc0_unstated, 150);
  EXPECT_GT(tnbc_without_pdl1, 5) << "missing PD-L1 is a clinical answer too";
  EXPECT_GT(sp142, 50);
  EXPECT_GT(cps, 90);
  EXPECT_GT(switches, 50);
  EXPECT_GT(relapse_on_adjuvant_et, 200);
  EXPECT_GT(neoadjuvant, 250);
  EXPECT_GT(lines3, 250);
  EXPECT_GT(no_regimen, 10) << "some patients are newly diagnosed and not yet treated";
}

// ---- imaging agrees with the course ---------------------------------------------------------

TEST(SynthGenerator, EachLineImagingSeriesIsRecistConsistent) {
  int series_checked = 0, progressions = 0;
  for (const auto& p : Cohort(5, 2000)) {
    for (const auto& s : p.truth.series) {
      std::vector<ImagingAssessment> scans;
      for (const auto& date : s.scans) {
        for (const auto& a : p.record.imaging) {
          if (a.date == date) scans.push_back(a);
        }
      }
      ASSERT_EQ(scans.size(), s.scans.size()) << p.record.demographics.id;
      ASSERT_TRUE(scans.front().baseline);
      for (size_t i = 1; i < scans.size(); ++i) scans[i].baseline = false;
      RecistResult result = AssessRecist(scans, Pack().recist, std::nullopt);
      ASSERT_EQ(result.baseline_date, scans.front().date) << p.record.demographics.id;
      ASSERT_EQ(result.time_points.size(), scans.size() - 1);
      for (size_t i = 0; i < result.time_points.size(); ++i) {
        bool last = i + 1 == result.time_points.size();
        bool pd = result.time_points[i].overall == "PD";
        if (last && s.ends_in_progression) {
          EXPECT_TRUE(pd) << p.record.demographics.id << " line " << s.line << " scan "
                          << result.time_points[i].date.ToString() << " is "
                          << result.time_points[i].overall;
        } else {
          EXPECT_FALSE(pd) << p.record.demographics.id << " line " << s.line << " scan "
                           << result.time_points[i].date.ToString();
        }
        EXPECT_NE(result.time_points[i].overall, "NE") << p.record.demographics.id;
      }
      ++series_checked;
      progressions += s.ends_in_progression;
    }
  }
  EXPECT_GT(series_checked, 3000);
  EXPECT_GT(progressions, 1000);
}

TEST(SynthGenerator, TheEngineSeesTheLinesTheGeneratorGave) {
  int compared = 0, groups_compared = 0;
  for (const auto& p : Cohort(5, 600)) {
    ImportedRecord input;
    input.record = p.record;
    input.format = "oncnav";
    EvaluateOptions options;
    options.as_of = AsOf();
    Evaluation ev = Evaluate(input, Pack(), options);
    EXPECT_EQ(ev.course.lines.size(), p.truth.lines.size()) << p.record.demographics.id;
    for (size_t i = 0; i < std::min(ev.course.lines.size(), p.truth.lines.size()); ++i) {
      EXPECT_EQ(ev.course.lines[i].start, p.truth.lines[i].start) << p.record.demographics.id;
      EXPECT_EQ(ev.course.lines[i].progression_date, p.truth.lines[i].progression)
          << p.record.demographics.id << " line " << i + 1;
    }
    ++compared;
    const std::string& g = ev.classification.group;
    if (g == "unknown") continue;
    SynthGroup engine = g == "TNBC"                            ? SynthGroup::kTnbc
                        : g.find("HER2+") != std::string::npos ? SynthGroup::kHer2Pos
                                                               : SynthGroup::kHrPosHer2Neg;
    EXPECT_EQ(engine, p.truth.group_now) << p.record.demographics.id << " engine says " << g;
    ++groups_compared;
  }
  EXPECT_EQ(compared, 600);
  EXPECT_GT(groups_compared, 500);
}

}  // namespace
}  // namespace oncnav::synth
