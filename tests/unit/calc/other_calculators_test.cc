// Bilsky grade (recorded, validated) and ECOG <-> Karnofsky (supportive-care.md §2.3, §2.6).
#include "calc_test_support.h"
#include "oncnav/calc/bilsky.h"
#include "oncnav/calc/performance_status.h"

namespace oncnav {
namespace {

using calc_test::HasError;
using calc_test::Pack;

TEST(Bilsky, GradesAndCategories) {
  struct {
    const char* given;
    const char* grade;
    const char* category;
  } cases[] = {{"0", "0", "low"},          {"1a", "1a", "low"}, {"1B", "1b", "low"},
               {" 1 c ", "1c", "debated"}, {"2", "2", "high"},  {"3", "3", "high"}};
  for (const auto& c : cases) {
    auto r = BilskyGrade(c.given, Pack());
    ASSERT_TRUE(r.ok()) << c.given;
    EXPECT_EQ(r->grade, c.grade);
    EXPECT_EQ(r->category, c.category);
    ASSERT_EQ(r->trace.notes.size(), 1u);
    EXPECT_EQ(r->trace.notes[0].code, std::string("calc.advice.bilsky.") + c.category);
    EXPECT_EQ(r->trace.notes[0].severity,
              std::string(c.category) == "high" ? Severity::kWarning : Severity::kInfo);
  }
}

TEST(Bilsky, UnknownGradesAreRefused) {
  for (const char* bad : {"4", "1d", "1", "high"}) {
    auto r = BilskyGrade(bad, Pack());
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_TRUE(HasError(r.errors(), "grade", "0, 1a, 1b, 1c, 2, 3")) << bad;
  }
  EXPECT_TRUE(HasError(BilskyGrade("", Pack()).errors(), "grade", "is required"));
}

TEST(PerformanceStatus, EcogToKarnofskyAndBack) {
  const std::vector<std::vector<int>> pairs = {{100, 90}, {80, 70}, {60, 50},
                                               {40, 30},  {20, 10}, {0}};
  for (int ecog = 0; ecog <= 5; ++ecog) {
    auto r = ConvertPerformanceStatus({ecog, std::nullopt}, Pack());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->karnofsky, pairs[static_cast<size_t>(ecog)]) << ecog;
    for (int kps : pairs[static_cast<size_t>(ecog)]) {
      auto back = ConvertPerformanceStatus({std::nullopt, kps}, Pack());
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(back->ecog, ecog) << kps;
      EXPECT_EQ(back->karnofsky, std::vector<int>{kps});
    }
  }
}

TEST(PerformanceStatus, BothGivenAreKeptAndAMismatchIsNoted) {
  auto same = ConvertPerformanceStatus({1, 70}, Pack());
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->consistent);
  auto differ = ConvertPerformanceStatus({1, 50}, Pack());
  ASSERT_TRUE(differ.ok());
  EXPECT_FALSE(differ->consistent);
  EXPECT_EQ(differ->ecog, 1);
  EXPECT_EQ(differ->karnofsky, std::vector<int>{50});
  bool noted = false;
  for (const auto& n : differ->trace.notes) noted |= n.code == "calc.note.ps-mismatch";
  EXPECT_TRUE(noted);
}

TEST(PerformanceStatus, BadValues) {
  EXPECT_TRUE(HasError(ConvertPerformanceStatus({6, std::nullopt}, Pack()).errors(), "ecog"));
  EXPECT_TRUE(HasError(ConvertPerformanceStatus({1.5, std::nullopt}, Pack()).errors(), "ecog"));
  EXPECT_TRUE(
      HasError(ConvertPerformanceStatus({std::nullopt, 55}, Pack()).errors(), "kps", "in tens"));
  EXPECT_TRUE(HasError(ConvertPerformanceStatus({std::nullopt, 110}, Pack()).errors(), "kps"));
  EXPECT_TRUE(HasError(ConvertPerformanceStatus({}, Pack()).errors(), "ecog", "or both"));
}

}  // namespace
}  // namespace oncnav
