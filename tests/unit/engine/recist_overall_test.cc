// RECIST 1.1 non-target, new-lesion and overall time-point response, NE, baseline choice
// (supportive-care.md §1.2.5-1.2.7, interop.md B.6).

#include <gtest/gtest.h>

#include "oncnav/engine/recist.h"
#include "recist_test_util.h"

namespace oncnav {
namespace {

using namespace recist_test;  // NOLINT

const RecistConfig kConfig{};

Lesion Blastic(std::string id, NonTargetStatus status = NonTargetStatus::kPresent) {
  Lesion l = NonTarget(std::move(id), "bone", status);
  l.bone_type = BoneLesionType::kBlastic;
  return l;
}

RecistTimePoint One(const std::vector<ImagingAssessment>& scans) {
  auto r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_EQ(r.time_points.size(), 1u);
  return r.time_points.empty() ? RecistTimePoint{} : r.time_points[0];
}

TEST(RecistOverall, TargetCrAndNonTargetCrIsCrWithAMarkerReminder) {
  auto r = AssessRecist(
      {Scan("2025-01-10", {Target("L1", "liver", 20), NonTarget("P1", "pleura")}, true),
       Scan("2025-04-10",
            {Gone("L1", "liver"), NonTarget("P1", "pleura", NonTargetStatus::kAbsent)})},
      kConfig, std::nullopt);
  EXPECT_EQ(r.time_points[0].target, "CR");
  EXPECT_EQ(r.time_points[0].non_target, "CR");
  EXPECT_EQ(r.time_points[0].overall, "CR");
  EXPECT_TRUE(HasFinding(r, "recist.non-target-cr-markers"));
}

TEST(RecistOverall, TargetCrWithPersistingNonTargetIsPr) {
  auto tp = One({Scan("2025-01-10", {Target("L1", "liver", 20), NonTarget("P1", "pleura")}, true),
                 Scan("2025-04-10", {Gone("L1", "liver"), NonTarget("P1", "pleura")})});
  EXPECT_EQ(tp.target, "CR");
  EXPECT_EQ(tp.non_target, "non-CR/non-PD");
  EXPECT_EQ(tp.overall, "PR");
}

TEST(RecistOverall, TargetCrWithNonTargetNotEvaluatedIsPrWithACaution) {
  auto r = AssessRecist(
      {Scan("2025-01-10", {Target("L1", "liver", 20), NonTarget("P1", "pleura")}, true),
       Scan("2025-04-10",
            {Gone("L1", "liver"), NonTarget("P1", "pleura", NonTargetStatus::kNotEvaluated)})},
      kConfig, std::nullopt);
  EXPECT_EQ(r.time_points[0].non_target, "NE");
  EXPECT_EQ(r.time_points[0].overall, "PR");
  EXPECT_TRUE(HasFinding(r, "recist.cr-with-non-target-not-evaluated"));
  EXPECT_TRUE(Has(r.rules, "RECIST-CR-NT-NE"));
}

TEST(RecistOverall, PrOrSdWithNonTargetNotEvaluatedStands) {
  auto tp = One({Scan("2025-01-10", {Target("L1", "liver", 20), NonTarget("P1", "pleura")}, true),
                 Scan("2025-04-10", {Target("L1", "liver", 18)})});  // P1 not reported
  EXPECT_EQ(tp.non_target, "NE");
  EXPECT_EQ(tp.overall, "SD");
}

TEST(RecistOverall, UnequivocalNonTargetProgressionIsPdWhateverTheTargets) {
  auto tp = One(
      {Scan("2025-01-10", {Target("L1", "liver", 40), NonTarget("P1", "pleura")}, true),
       Scan("2025-04-10", {Target("L1", "liver", 20),
                           NonTarget("P1", "pleura", NonTargetStatus::kUnequivocalProgression)})});
  EXPECT_EQ(tp.target, "PR");
  EXPECT_EQ(tp.non_target, "PD");
  EXPECT_EQ(tp.overall, "PD");
  EXPECT_TRUE(Has(tp.rules, "RECIST-NT-PD"));
}

TEST(RecistOverall, MissingTargetIsNotEvaluable) {
  auto r =
      AssessRecist({Scan("2025-01-10", {Target("L1", "liver", 40), Target("L2", "lung", 20)}, true),
                    Scan("2025-04-10", {Target("L1", "liver", 20)})},
                   kConfig, std::nullopt);
  const auto& tp = r.time_points[0];
  EXPECT_EQ(tp.target, "NE");
  EXPECT_EQ(tp.overall, "NE");
  EXPECT_FALSE(tp.sum_mm.has_value());
  EXPECT_EQ(tp.missing_targets, (std::vector<std::string>{"L2"}));
  const auto* f = FindingFor(r, "recist.not-evaluable");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "lesions"), "L2");
  EXPECT_EQ(f->rule, "RECIST-NE");
}

TEST(RecistOverall, MeasuredTargetsShowingPdOverrideAMissingOne) {
  auto r =
      AssessRecist({Scan("2025-01-10", {Target("L1", "liver", 40), Target("L2", "lung", 20)}, true),
                    Scan("2025-04-10", {Target("L1", "liver", 75)})},
                   kConfig, std::nullopt);
  EXPECT_EQ(r.time_points[0].target, "PD");
  EXPECT_EQ(r.time_points[0].overall, "PD");
  EXPECT_FALSE(HasFinding(r, "recist.not-evaluable"));
}

TEST(RecistOverall, MissingTargetWithNewLesionIsPd) {
  auto tp = One({Scan("2025-01-10", {Target("L1", "liver", 40), Target("L2", "lung", 20)}, true),
                 Scan("2025-04-10", {Target("L1", "liver", 20), New("L9", "brain")})});
  EXPECT_EQ(tp.target, "NE");
  EXPECT_EQ(tp.overall, "PD");
}

TEST(RecistOverall, EquivocalNewLesionIsNotPdButAsksForRepeatImaging) {
  auto r = AssessRecist({Scan("2025-01-10", {Target("L1", "liver", 40)}, true),
                         Scan("2025-04-10", {Target("L1", "liver", 38), New("L9", "lung", true)})},
                        kConfig, std::nullopt);
  EXPECT_FALSE(r.time_points[0].new_lesions);
  EXPECT_EQ(r.time_points[0].overall, "SD");
  const auto* f = FindingFor(r, "recist.new-lesion-equivocal");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "lesion"), "L9");
  EXPECT_EQ(Param(*f, "date"), "2025-04-10");
}

TEST(RecistOverall, ConfirmedEquivocalLesionIsPdAndFlagsTheEarlierDate) {
  auto r = AssessRecist({Scan("2025-01-10", {Target("L1", "liver", 40)}, true),
                         Scan("2025-04-10", {Target("L1", "liver", 38), New("L9", "lung", true)}),
                         Scan("2025-07-10", {Target("L1", "liver", 38), New("L9", "lung")})},
                        kConfig, std::nullopt);
  EXPECT_EQ(r.time_points[0].overall, "SD");  // earlier time point is not rewritten
  EXPECT_EQ(r.time_points[1].overall, "PD");
  const auto* f = FindingFor(r, "recist.new-lesion-backdate");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "first_seen"), "2025-04-10");
  EXPECT_TRUE(Has(r.rules, "RECIST-NEW-BACKDATE"));
}

TEST(RecistOverall, NewNodeCountsOnlyFrom10Mm) {
  Lesion small = New("N9", "axillary lymph node");
  small.nodal = true;
  small.diameter_mm = 9;
  auto tp = One({Scan("2025-01-10", {Target("L1", "liver", 40)}, true),
                 Scan("2025-04-10", {Target("L1", "liver", 38), small})});
  EXPECT_FALSE(tp.new_lesions);
  EXPECT_EQ(tp.overall, "SD");
}

TEST(RecistOverall, NewSmallNodeAsOnlyProgressionAsksForReEvaluation) {
  Lesion node = New("N9", "axillary lymph node");
  node.nodal = true;
  node.diameter_mm = 12;
  auto r = AssessRecist({Scan("2025-01-10", {Target("L1", "liver", 40)}, true),
                         Scan("2025-04-10", {Target("L1", "liver", 38), node})},
                        kConfig, std::nullopt);
  EXPECT_EQ(r.time_points[0].overall, "PD");
  EXPECT_TRUE(HasFinding(r, "recist.new-node-only-progression"));
  // A 16 mm node, or other evidence of PD, needs no second look.
  node.diameter_mm = 16;
  r = AssessRecist({Scan("2025-01-10", {Target("L1", "liver", 40)}, true),
                    Scan("2025-04-10", {Target("L1", "liver", 38), node})},
                   kConfig, std::nullopt);
  EXPECT_FALSE(HasFinding(r, "recist.new-node-only-progression"));
}

TEST(RecistOverall, BoneOnlyBlasticDiseaseIsNonCrNonPdWithAnExplanation) {
  auto r = AssessRecist({Scan("2025-01-10", {Blastic("B1"), Blastic("B2")}, true),
                         Scan("2025-04-10", {Blastic("B1"), Blastic("B2")})},
                        kConfig, std::nullopt);
  EXPECT_FALSE(r.has_target_disease);
  EXPECT_FALSE(r.baseline_sum_mm.has_value());
  EXPECT_EQ(r.time_points[0].target, "none");
  EXPECT_EQ(r.time_points[0].overall, "non-CR/non-PD");
  const auto* f = FindingFor(r, "recist.bone-only-non-measurable");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, "info");
  EXPECT_TRUE(Has(r.rules, "RECIST-BONE-ONLY"));
  EXPECT_TRUE(Has(r.rules, "RECIST-NONTARGET-ONLY"));
}

TEST(RecistOverall, NonTargetOnlyTable) {
  auto scans = [](NonTargetStatus s, bool add_new) {
    std::vector<Lesion> follow = {Blastic("B1", s), NonTarget("P1", "pleura")};
    if (add_new) follow.push_back(New("L9", "liver"));
    return std::vector<ImagingAssessment>{
        Scan("2025-01-10", {Blastic("B1"), NonTarget("P1", "pleura")}, true),
        Scan("2025-04-10", follow)};
  };
  EXPECT_EQ(One(scans(NonTargetStatus::kUnequivocalProgression, false)).overall, "PD");
  EXPECT_EQ(One(scans(NonTargetStatus::kPresent, true)).overall, "PD");
  EXPECT_EQ(One(scans(NonTargetStatus::kNotEvaluated, false)).overall, "NE");
  EXPECT_EQ(One(scans(NonTargetStatus::kAbsent, false)).overall, "non-CR/non-PD");
  auto all_gone =
      std::vector<ImagingAssessment>{Scan("2025-01-10", {Blastic("B1")}, true),
                                     Scan("2025-04-10", {Blastic("B1", NonTargetStatus::kAbsent)})};
  EXPECT_EQ(One(all_gone).overall, "CR");
  // Mixed sites: not bone-only, but still non-target-only.
  auto r = AssessRecist(scans(NonTargetStatus::kPresent, false), kConfig, std::nullopt);
  EXPECT_TRUE(HasFinding(r, "recist.non-target-only"));
  EXPECT_FALSE(HasFinding(r, "recist.bone-only-non-measurable"));
}

TEST(RecistOverall, NonTargetNodeBelow10MmCountsAsNormalised) {
  Lesion node = NonTarget("N1", "axillary lymph node");
  node.nodal = true;
  node.diameter_mm = 12;
  Lesion shrunk = node;
  shrunk.diameter_mm = 8;
  EXPECT_EQ(One({Scan("2025-01-10", {node}, true), Scan("2025-04-10", {shrunk})}).non_target, "CR");
}

TEST(RecistOverall, BaselineSelection) {
  // Input out of order; the latest scan marked baseline wins.
  auto scans = SumSeries({100, 60, 50, 80});
  scans[2].baseline = true;  // 50 mm on 2025-05-10
  std::swap(scans[0], scans[3]);
  auto r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_EQ(*r.baseline_date, D("2025-05-10"));
  ASSERT_EQ(r.time_points.size(), 1u);
  EXPECT_EQ(r.time_points[0].target, "PD");  // 80 vs 50
  EXPECT_FALSE(HasFinding(r, "recist.baseline-inferred"));

  // None marked: the latest on or before the start of the line, with a note.
  for (auto& s : scans) s.baseline = false;
  r = AssessRecist(scans, kConfig, D("2025-04-01"));
  EXPECT_EQ(*r.baseline_date, D("2025-03-10"));
  EXPECT_EQ(r.time_points.size(), 2u);
  EXPECT_TRUE(HasFinding(r, "recist.baseline-inferred"));

  // No line start: the earliest.
  r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_EQ(*r.baseline_date, D("2025-01-10"));
  EXPECT_EQ(r.time_points.size(), 3u);
}

TEST(RecistOverall, EmptyAndBaselineOnlyInputs) {
  auto r = AssessRecist({}, kConfig, std::nullopt);
  EXPECT_FALSE(r.baseline_date.has_value());
  EXPECT_TRUE(r.time_points.empty());
  EXPECT_TRUE(r.rules.empty());
  r = AssessRecist(SumSeries({40}), kConfig, std::nullopt);
  EXPECT_TRUE(r.time_points.empty());
  EXPECT_FALSE(Has(r.rules, "RECIST-MARKERS"));
}

TEST(RecistOverall, FollowUpLesionUnknownAtBaselineIsReportedNotCounted) {
  auto r = AssessRecist({Scan("2025-01-10", {Target("L1", "liver", 40)}, true),
                         Scan("2025-04-10", {Target("L1", "liver", 38), Target("X7", "lung", 30)})},
                        kConfig, std::nullopt);
  EXPECT_EQ(r.time_points[0].overall, "SD");
  EXPECT_DOUBLE_EQ(*r.time_points[0].sum_mm, 38);
  EXPECT_TRUE(HasFinding(r, "recist.lesion-not-at-baseline"));
}

TEST(RecistOverall, RuleIdsAreRecistNamespaced) {
  auto r = AssessRecist(SumSeries({100, 70}), kConfig, std::nullopt);
  for (const auto& id : r.rules) EXPECT_EQ(id.rfind("RECIST-", 0), 0u) << id;
}

}  // namespace
}  // namespace oncnav
