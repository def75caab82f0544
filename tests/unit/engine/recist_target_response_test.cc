// RECIST 1.1 target response: the spec's test vectors T1-T8 (supportive-care.md §1.2.9)
// and the threshold boundaries.

#include <gtest/gtest.h>

#include "oncnav/engine/recist.h"
#include "recist_test_util.h"

namespace oncnav {
namespace {

using namespace recist_test;  // NOLINT

const RecistConfig kConfig{};

std::vector<std::string> Targets(const RecistResult& r) {
  std::vector<std::string> out;
  for (const auto& tp : r.time_points) out.push_back(tp.target);
  return out;
}

std::vector<std::string> Overalls(const RecistResult& r) {
  std::vector<std::string> out;
  for (const auto& tp : r.time_points) out.push_back(tp.overall);
  return out;
}

TEST(RecistTargetResponse, T1PrHeldWhenSumRisesLessThan20PercentFromNadir) {
  auto r = AssessRecist(SumSeries({100, 70, 70, 80}), kConfig, std::nullopt);
  ASSERT_EQ(r.time_points.size(), 3u);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"PR", "PR", "PR"}));
  EXPECT_EQ(Overalls(r), (std::vector<std::string>{"PR", "PR", "PR"}));
  EXPECT_DOUBLE_EQ(*r.time_points[2].change_from_nadir_pct, 100.0 * 10 / 70);
  EXPECT_DOUBLE_EQ(*r.time_points[2].change_from_baseline_pct, -20);
  // TP3 is -20% from baseline: PR only because PR stands until PD.
  EXPECT_TRUE(Has(r.time_points[2].rules, "RECIST-PR-HOLD"));
  EXPECT_TRUE(Has(r.time_points[0].rules, "RECIST-PR"));
  EXPECT_DOUBLE_EQ(*r.nadir_sum_mm, 70);
}

TEST(RecistTargetResponse, T2ContinuedPrAfterSmallRiseFromNadir) {
  auto r = AssessRecist(SumSeries({165, 63, 65}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"PR", "PR"}));
  EXPECT_NEAR(*r.time_points[0].change_from_baseline_pct, -61.8, 0.05);
  EXPECT_NEAR(*r.time_points[1].change_from_nadir_pct, 3.2, 0.05);
}

TEST(RecistTargetResponse, T3TwentyPercentButFourMmIsNotPd) {
  auto r = AssessRecist(SumSeries({20, 24}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"SD"}));
  EXPECT_DOUBLE_EQ(*r.time_points[0].change_from_nadir_pct, 20);
  // Same with the nadir reached after baseline.
  r = AssessRecist(SumSeries({25, 20, 24}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"SD", "SD"}));
}

TEST(RecistTargetResponse, T4TwentyFivePercentAndFiveMmIsPd) {
  auto r = AssessRecist(SumSeries({20, 25}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"PD"}));
  EXPECT_EQ(r.time_points[0].overall, "PD");
  EXPECT_TRUE(Has(r.time_points[0].rules, "RECIST-PD"));
}

TEST(RecistTargetResponse, T5NineteenPercentIsNotPd) {
  auto r = AssessRecist(SumSeries({100, 119}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"SD"}));
}

TEST(RecistTargetResponse, T6CrWithResidualNodeShortAxis) {
  Lesion node = Target("N1", "axillary lymph node", 16, true);
  auto scans = std::vector<ImagingAssessment>{
      Scan("2025-01-10", {Target("L1", "liver", 22), Target("P1", "lung", 10), node}, true),
      Scan("2025-04-10", {Gone("L1", "liver"), Gone("P1", "lung"),
                          Target("N1", "axillary lymph node", 8, true)})};
  auto r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 48);
  ASSERT_EQ(r.time_points.size(), 1u);
  EXPECT_DOUBLE_EQ(*r.time_points[0].sum_mm, 8);
  EXPECT_EQ(r.time_points[0].target, "CR");
  EXPECT_EQ(r.time_points[0].non_target, "none");
  EXPECT_EQ(r.time_points[0].overall, "CR");
  EXPECT_TRUE(Has(r.time_points[0].rules, "RECIST-NODE-SA"));
  EXPECT_TRUE(Has(r.time_points[0].rules, "RECIST-GONE"));
}

TEST(RecistTargetResponse, T7UnequivocalNewLesionIsPd) {
  auto scans = SumSeries({100, 60});
  scans[1].lesions.push_back(New("L9", "liver"));
  auto r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_EQ(r.time_points[0].target, "PR");
  EXPECT_TRUE(r.time_points[0].new_lesions);
  EXPECT_EQ(r.time_points[0].overall, "PD");
  EXPECT_TRUE(Has(r.time_points[0].rules, "RECIST-NEW"));
}

TEST(RecistTargetResponse, T8TooSmallToMeasureCountsFiveMm) {
  Lesion small = Target("L2", "lung", 0);
  small.diameter_mm.reset();
  small.too_small_to_measure = true;
  auto scans = std::vector<ImagingAssessment>{
      Scan("2025-01-10", {Target("L1", "liver", 40), Target("L2", "lung", 20)}, true),
      Scan("2025-04-10", {Target("L1", "liver", 30), small})};
  auto r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_DOUBLE_EQ(*r.time_points[0].sum_mm, 35);
  EXPECT_EQ(r.time_points[0].target, "PR");  // 35 vs 60 is -41.7%
  EXPECT_TRUE(Has(r.time_points[0].rules, "RECIST-TSTM"));
}

TEST(RecistTargetResponse, TooSmallWithARecordedNumberUsesTheNumber) {
  Lesion small = Target("L2", "lung", 3);
  small.too_small_to_measure = true;
  auto scans = std::vector<ImagingAssessment>{
      Scan("2025-01-10", {Target("L1", "liver", 40), Target("L2", "lung", 20)}, true),
      Scan("2025-04-10", {Target("L1", "liver", 30), small})};
  auto r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_DOUBLE_EQ(*r.time_points[0].sum_mm, 33);
  EXPECT_FALSE(Has(r.time_points[0].rules, "RECIST-TSTM"));
}

TEST(RecistTargetResponse, ExactlyMinus30PercentIsPr) {
  EXPECT_EQ(Targets(AssessRecist(SumSeries({100, 70}), kConfig, std::nullopt))[0], "PR");
  EXPECT_EQ(Targets(AssessRecist(SumSeries({165, 115.5}), kConfig, std::nullopt))[0], "PR");
  EXPECT_EQ(Targets(AssessRecist(SumSeries({33.3, 23.31}), kConfig, std::nullopt))[0], "PR");
  EXPECT_EQ(Targets(AssessRecist(SumSeries({100, 70.1}), kConfig, std::nullopt))[0], "SD");
}

TEST(RecistTargetResponse, ExactlyPlus20PercentWithFiveMmIsPd) {
  EXPECT_EQ(Targets(AssessRecist(SumSeries({25, 30}), kConfig, std::nullopt))[0], "PD");
  EXPECT_EQ(Targets(AssessRecist(SumSeries({50, 40, 48}), kConfig, std::nullopt))[1], "PD");
  EXPECT_EQ(Targets(AssessRecist(SumSeries({36.5, 43.8}), kConfig, std::nullopt))[0], "PD");
}

TEST(RecistTargetResponse, Plus20PercentWithFourMmIsNotPd) {
  EXPECT_EQ(Targets(AssessRecist(SumSeries({20, 24}), kConfig, std::nullopt))[0], "SD");
  // Large relative rise, small absolute rise.
  EXPECT_EQ(Targets(AssessRecist(SumSeries({16, 20.9}), kConfig, std::nullopt))[0], "SD");
  // Large absolute rise, small relative rise.
  EXPECT_EQ(Targets(AssessRecist(SumSeries({100, 119.9}), kConfig, std::nullopt))[0], "SD");
}

TEST(RecistTargetResponse, PdIsMeasuredFromTheNadirNotTheBaseline) {
  // 100 -> 60 (PR) -> 75: -25% from baseline but +25% and +15 mm from the nadir.
  auto r = AssessRecist(SumSeries({100, 60, 75}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"PR", "PD"}));
}

TEST(RecistTargetResponse, HoldEndsAtProgression) {
  // After PD the held PR is gone: a later -29% (and +18% from the nadir of 60) is SD.
  auto r = AssessRecist(SumSeries({100, 60, 75, 71}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"PR", "PD", "SD"}));
}

TEST(RecistTargetResponse, ZeroNadirGuardUsesTheAbsoluteRuleAndAsksForReview) {
  auto r = AssessRecist(SumSeries({20, 0, 4, 6}), kConfig, std::nullopt);
  ASSERT_EQ(r.time_points.size(), 3u);
  EXPECT_EQ(r.time_points[0].target, "CR");
  EXPECT_FALSE(r.time_points[1].change_from_nadir_pct.has_value());  // no division by zero
  EXPECT_NE(r.time_points[1].target, "PD");                          // +4 mm from 0
  EXPECT_EQ(r.time_points[2].target, "PD");                          // +6 mm from 0
  EXPECT_TRUE(Has(r.time_points[1].rules, "RECIST-NADIR-ZERO"));
  const auto* f = FindingFor(r, "recist.reappearance-after-zero-nadir");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, "warning");
  EXPECT_EQ(Param(*f, "sum"), "4");
}

TEST(RecistTargetResponse, ZeroNadirWithEverythingStillGoneIsPlainCr) {
  auto r = AssessRecist(SumSeries({20, 0, 0}), kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"CR", "CR"}));
  EXPECT_FALSE(HasFinding(r, "recist.reappearance-after-zero-nadir"));
}

TEST(RecistTargetResponse, NodeAtTenMmIsNotCr) {
  auto scans = std::vector<ImagingAssessment>{
      Scan("2025-01-10", {Target("N1", "mediastinal lymph node", 20, true)}, true),
      Scan("2025-04-10", {Target("N1", "mediastinal lymph node", 10, true)}),
      Scan("2025-07-10", {Target("N1", "mediastinal lymph node", 9.9, true)})};
  auto r = AssessRecist(scans, kConfig, std::nullopt);
  EXPECT_EQ(Targets(r), (std::vector<std::string>{"PR", "CR"}));
}

TEST(RecistTargetResponse, BaselineAndNadirAreReported) {
  auto r = AssessRecist(SumSeries({50, 45, 42, 44}), kConfig, std::nullopt);
  EXPECT_DOUBLE_EQ(*r.baseline_sum_mm, 50);
  EXPECT_DOUBLE_EQ(*r.nadir_sum_mm, 42);
  EXPECT_EQ(*r.baseline_date, D("2025-01-10"));
  EXPECT_TRUE(r.has_target_disease);
  EXPECT_TRUE(Has(r.rules, "RECIST-SOD"));
  EXPECT_TRUE(Has(r.rules, "RECIST-MARKERS"));
}

}  // namespace
}  // namespace oncnav
