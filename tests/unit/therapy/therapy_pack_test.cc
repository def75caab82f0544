// Checks over the therapy knowledge itself: every option and approval cites a source, no
// unverified fact can drive a default option, and the loader refuses unsafe declarations.
#include <gtest/gtest.h>

#include "oncnav/engine/evaluate.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/knowledge/therapy_validation.h"

namespace oncnav {
namespace {

const KnowledgePack& Pack() {
  static const KnowledgePack pack = [] {
    auto p = LoadKnowledgePack(DefaultKnowledgeDir());
    if (!p) std::abort();
    return *p;
  }();
  return pack;
}

TEST(TherapyPack, EveryOptionApprovalAndTrialCitesASource) {
  const auto& t = Pack().therapy;
  ASSERT_GE(t.options.size(), 30u);
  for (const auto& o : t.options) {
    EXPECT_FALSE(o.rule.sources.empty()) << o.rule.id;
    EXPECT_EQ(o.approval.size(), Regions().size()) << o.rule.id << " must state every region";
    for (const auto& [region, a] : o.approval)
      EXPECT_FALSE(a.sources.empty()) << o.rule.id << " " << region;
  }
  for (const auto& [id, trial] : t.trials) EXPECT_FALSE(trial.sources.empty()) << id;
  for (const auto& s : t.hard_stops) EXPECT_FALSE(s.rule.sources.empty()) << s.rule.id;
}

// An option may only be offered by default when its own evidence and the evidence of every
// trial it rests on are verified (or from a seed, or derived from them).
TEST(TherapyPack, NoUnverifiedFactDrivesADefaultOption) {
  const auto& t = Pack().therapy;
  for (const auto& o : t.options) {
    if (!DrivesDefault(o.rule.evidence)) continue;  // the engine lists these as excluded
    for (const auto& id : o.trials) {
      auto it = t.trials.find(id);
      ASSERT_NE(it, t.trials.end()) << o.rule.id << " cites unknown trial " << id;
      EXPECT_TRUE(DrivesDefault(it->second.evidence))
          << o.rule.id << " rests on trial " << id << " graded "
          << EvidenceName(it->second.evidence);
    }
  }
}

PatientRecord FirstLineHrPositive() {
  PatientRecord r;
  r.demographics.sex = Sex::kFemale;
  r.demographics.menopausal_status = MenopausalStatus::kPostmenopausal;
  r.demographics.birth_date = Date::Parse("1960-01-01").value();
  r.metastases.push_back({"liver", Date::Parse("2026-01-01").value(), Confirmation::kBiopsy});
  PathologyReport p;
  p.date = Date::Parse("2026-01-10").value();
  p.specimen.kind = SpecimenKind::kMetastasis;
  p.er_percent = 90;
  p.pgr_percent = 50;
  p.her2_ihc = Her2Ihc::k1Plus;
  r.pathology.push_back(p);
  return r;
}

Evaluation EvaluateAt(const ImportedRecord& input, const KnowledgePack& pack) {
  EvaluateOptions options;
  options.as_of = Date::Parse("2026-11-21").value();
  options.region = "jp";
  return Evaluate(input, pack, options);
}

TEST(TherapyEngine, AnOptionWithUnverifiedEvidenceIsNeverOffered) {
  KnowledgePack pack = Pack();
  ImportedRecord input{FirstLineHrPositive(), {}, {}, "oncnav"};
  auto before = EvaluateAt(input, pack);
  ASSERT_FALSE(before.therapy.options.empty());
  const TherapyOption* offered = before.therapy.options.front().option;
  ASSERT_NE(offered, nullptr);
  std::string id = offered->rule.id;
  for (auto& o : pack.therapy.options) {
    if (o.rule.id == id) o.rule.evidence = Evidence::kUnverified;
  }
  auto after = EvaluateAt(input, pack);
  for (const auto& p : after.therapy.options) {
    ASSERT_NE(p.option, nullptr);
    EXPECT_NE(p.option->rule.id, id);
  }
  bool excluded = false;
  for (const auto& e : after.therapy.excluded)
    excluded |= e.option->rule.id == id && e.reason_code == "unverified-evidence";
  EXPECT_TRUE(excluded);
}

TEST(TherapyEngine, LoaderRefusesARegimenWithTwoDrugsOfOneExclusiveClass) {
  KnowledgePack pack = Pack();
  pack.therapy.options.front().drugs.push_back("abemaciclib");  // letrozole + palbo + abema
  std::vector<Error> errors;
  CheckTherapy(pack, errors);
  ASSERT_FALSE(errors.empty());
  bool named = false;
  for (const auto& e : errors) named |= e.reason.find("cdk46_inhibitor") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(TherapyEngine, LoaderRefusesAnUnknownDrugOrTrial) {
  KnowledgePack pack = Pack();
  pack.therapy.options.front().drugs.push_back("no-such-drug");
  pack.therapy.options.front().trials.push_back("NO-SUCH-TRIAL");
  std::vector<Error> errors;
  CheckTherapy(pack, errors);
  ASSERT_EQ(errors.size(), 2u);
}

TEST(TherapyEngine, NoOptionsWithoutMetastaticDisease) {
  PatientRecord r = FirstLineHrPositive();
  r.metastases.clear();
  ImportedRecord input{r, {}, {}, "oncnav"};
  auto ev = EvaluateAt(input, Pack());
  EXPECT_EQ(ev.therapy.decision, "none");
  EXPECT_TRUE(ev.therapy.options.empty());
}

}  // namespace
}  // namespace oncnav
