// RECIST 1.1 baseline: measurability and target selection (supportive-care.md §1.2.1-1.2.2).

#include <gtest/gtest.h>

#include "oncnav/engine/recist.h"
#include "recist_test_util.h"

namespace oncnav {
namespace {

using namespace recist_test;  // NOLINT

const RecistConfig kConfig{};

// Baseline plus one follow-up that repeats every lesion as recorded.
RecistResult AssessBaseline(std::vector<Lesion> lesions, const RecistConfig& config = kConfig,
                            std::optional<double> slice = 5) {
  auto base = Scan("2025-01-10", lesions, true);
  base.slice_thickness_mm = slice;
  auto follow = Scan("2025-04-10", std::move(lesions));
  return AssessRecist({base, follow}, config, std::nullopt);
}

TEST(RecistBaseline, MeasurableLesionsBecomeTargets) {
  auto r = AssessBaseline({Target("L1", "liver", 10), Target("N1", "neck lymph node", 15, true)});
  EXPECT_TRUE(r.has_target_disease);
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 25);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_TRUE(Has(r.rules, "RECIST-MEAS"));
  EXPECT_TRUE(Has(r.rules, "RECIST-MEAS-NODE"));
}

TEST(RecistBaseline, SmallNonNodalTargetIsMovedToNonTarget) {
  auto r = AssessBaseline({Target("L1", "liver", 30), Target("P1", "lung", 9.9)});
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 30);
  const auto* f = FindingFor(r, "recist.target-too-small");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, "warning");
  EXPECT_EQ(f->rule, "RECIST-MEAS");
  EXPECT_EQ(Param(*f, "lesion"), "P1");
  EXPECT_EQ(Param(*f, "size"), "9.9");
  EXPECT_EQ(Param(*f, "minimum"), "10");
  // It is followed as a non-target lesion.
  EXPECT_EQ(r.time_points[0].non_target, "non-CR/non-PD");
}

TEST(RecistBaseline, NodeBetween10And15IsNonTargetAndBelow10IsNormal) {
  auto r = AssessBaseline({Target("L1", "liver", 30), Target("N1", "axillary lymph node", 14, true),
                           Target("N2", "axillary lymph node", 9, true)});
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 30);
  EXPECT_TRUE(HasFinding(r, "recist.target-node-too-small"));
  EXPECT_TRUE(HasFinding(r, "recist.target-node-normal"));
  EXPECT_EQ(r.time_points[0].non_target, "non-CR/non-PD");  // N1 persists
}

TEST(RecistBaseline, NormalNodeIsNotDisease) {
  auto r = AssessBaseline({Target("N2", "axillary lymph node", 9, true)});
  EXPECT_FALSE(r.has_target_disease);
  EXPECT_TRUE(HasFinding(r, "recist.no-baseline-disease"));
}

TEST(RecistBaseline, BlasticBoneIsNeverATarget) {
  Lesion bone = Target("B1", "bone", 30);
  bone.bone_type = BoneLesionType::kBlastic;
  auto r = AssessBaseline({Target("L1", "liver", 30), bone});
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 30);
  const auto* f = FindingFor(r, "recist.target-bone-blastic");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule, "RECIST-BONE-BLASTIC");
}

TEST(RecistBaseline, LyticBoneNeedsAMeasurableSoftTissueComponent) {
  Lesion with = Target("B1", "bone", 40);
  with.bone_type = BoneLesionType::kLytic;
  with.soft_tissue_mm = 12;
  Lesion without = Target("B2", "bone", 40);
  without.bone_type = BoneLesionType::kMixed;
  without.soft_tissue_mm = 8;
  auto r = AssessBaseline({with, without});
  // The soft-tissue component is what is measured.
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 12);
  const auto* f = FindingFor(r, "recist.target-bone-no-soft-tissue");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "lesion"), "B2");
  EXPECT_EQ(Param(*f, "size"), "8");
  EXPECT_TRUE(Has(r.rules, "RECIST-BONE-LYTIC"));
}

TEST(RecistBaseline, IrradiatedLesionIsNotATarget) {
  Lesion irradiated = Target("L2", "chest wall", 25);
  irradiated.previously_irradiated = true;
  auto r = AssessBaseline({Target("L1", "liver", 30), irradiated});
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 30);
  EXPECT_TRUE(HasFinding(r, "recist.target-irradiated"));
}

TEST(RecistBaseline, AtMostTwoTargetsPerOrgan) {
  auto r = AssessBaseline({Target("L1", "liver", 30), Target("L2", "Liver", 20),
                           Target("L3", "liver", 40), Target("P1", "lung", 15)});
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 65);  // L1 + L2 + P1; L3 over the organ limit
  const auto* f = FindingFor(r, "recist.target-too-many-in-organ");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "lesion"), "L3");
  EXPECT_EQ(Param(*f, "max"), "2");
  EXPECT_EQ(f->rule, "RECIST-TARGET-MAX");
}

TEST(RecistBaseline, AtMostFiveTargets) {
  auto r = AssessBaseline({Target("A", "liver", 10), Target("B", "lung", 10),
                           Target("C", "adrenal", 10), Target("D", "spleen", 10),
                           Target("E", "peritoneum", 10), Target("F", "kidney", 10)});
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 50);
  const auto* f = FindingFor(r, "recist.target-too-many");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "lesion"), "F");
  EXPECT_EQ(Param(*f, "max"), "5");
}

TEST(RecistBaseline, ThickSlicesOnlyRaiseACautionByDefault) {
  auto r = AssessBaseline({Target("L1", "liver", 12)}, kConfig, 8);
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 12);  // kept: the 2 x slice rule is unverified
  const auto* f = FindingFor(r, "recist.slice-thickness-caution");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Param(*f, "minimum"), "16");
  EXPECT_EQ(f->rule, "RECIST-MEAS-SLICE");
  // At or under 5 mm slices, or large enough, there is nothing to say.
  EXPECT_FALSE(HasFinding(AssessBaseline({Target("L1", "liver", 16)}, kConfig, 8),
                          "recist.slice-thickness-caution"));
}

TEST(RecistBaseline, ThickSliceRuleDecidesOnlyWhenThePackEnablesIt) {
  RecistConfig config;
  config.apply_slice_rule = true;
  auto r = AssessBaseline({Target("L1", "liver", 12), Target("L2", "lung", 20)}, config, 8);
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 20);
  EXPECT_TRUE(HasFinding(r, "recist.target-below-slice-minimum"));
}

TEST(RecistBaseline, TargetWithoutMeasurementIsNonTarget) {
  Lesion l = Target("L2", "lung", 0);
  l.diameter_mm.reset();
  auto r = AssessBaseline({Target("L1", "liver", 30), l});
  EXPECT_TRUE(HasFinding(r, "recist.target-no-measurement"));
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 30);
}

TEST(RecistBaseline, NegativeDiameterIsTreatedAsUnmeasured) {
  Lesion l = Target("L2", "lung", -4);
  auto r = AssessBaseline({Target("L1", "liver", 30), l});
  EXPECT_TRUE(HasFinding(r, "recist.target-no-measurement"));
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 30);
}

}  // namespace
}  // namespace oncnav
