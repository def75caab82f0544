// Mirels, SINS, revised Tokuhashi and new Katagiri (supportive-care.md §2): the worked
// examples, every band boundary and bad answers.
#include "calc_test_support.h"
#include "oncnav/calc/katagiri.h"
#include "oncnav/calc/mirels.h"
#include "oncnav/calc/sins.h"
#include "oncnav/calc/tokuhashi.h"

namespace oncnav {
namespace {

using calc_test::HasError;
using calc_test::HasRule;
using calc_test::Pack;

bool HasNote(const ScoreResult& r, const std::string& code) {
  for (const auto& n : r.trace.notes) {
    if (n.code == code) return true;
  }
  return false;
}

// §2.1 worked example: lytic (3) + peritrochanteric (3) + over 2/3 (3) = 9 before pain; pain
// scores at least 1, so the total is at least 10 and fixation is suggested.
TEST(Mirels, WorkedExample) {
  for (const char* pain : {"mild", "moderate", "functional"}) {
    auto r = MirelsScore({"peritrochanteric", pain, "lytic", "over_two_thirds", {}, {}}, Pack());
    ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
    EXPECT_GE(r->score, 10) << pain;
    EXPECT_EQ(r->band.id, "high");
    EXPECT_EQ(r->band.action, "prophylactic_fixation");
    EXPECT_TRUE(HasNote(*r, "calc.advice.mirels.prophylactic_fixation"));
  }
  auto mild = MirelsScore({"peritrochanteric", "mild", "lytic", "over_two_thirds", {}, {}}, Pack());
  EXPECT_EQ(mild->score, 10);
  EXPECT_EQ(mild->min_score, 4);
  EXPECT_EQ(mild->max_score, 12);
  ASSERT_EQ(mild->components.size(), 4u);
  EXPECT_EQ(mild->components[0].factor, "site");
  EXPECT_EQ(mild->components[0].points, 3);
  EXPECT_TRUE(HasRule(mild->trace.rules, "CALC-MIRELS"));
}

TEST(Mirels, BandBoundaries) {
  struct {
    MirelsInput in;
    int score;
    const char* band;
    const char* risk;
  } cases[] = {
      {{"upper_limb", "mild", "blastic", "under_one_third", {}, {}}, 4, "low", "< 4%"},
      {{"lower_limb", "moderate", "mixed", "under_one_third", {}, {}}, 7, "low", "< 4%"},
      {{"lower_limb", "moderate", "mixed", "one_to_two_thirds", {}, {}}, 8, "borderline", "15%"},
      {{"peritrochanteric", "moderate", "mixed", "one_to_two_thirds", {}, {}},
       9,
       "high",
       "33-100%"},
      {{"peritrochanteric", "functional", "lytic", "over_two_thirds", {}, {}},
       12,
       "high",
       "33-100%"},
  };
  for (const auto& c : cases) {
    auto r = MirelsScore(c.in, Pack());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->score, c.score);
    EXPECT_EQ(r->band.id, c.band) << c.score;
    EXPECT_EQ(r->band.risk, c.risk) << c.score;
  }
}

TEST(Mirels, CorticalInvolvementIsFlaggedWhateverTheScore) {
  auto r = MirelsScore({"upper_limb", "mild", "blastic", "under_one_third", 31.0, 51.0}, Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->band.id, "low");
  EXPECT_TRUE(HasNote(*r, "calc.note.mirels-axial-cortex"));
  EXPECT_TRUE(HasNote(*r, "calc.note.mirels-circumferential-cortex"));
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-MIRELS-CORTEX"));
  // At the limits (30 mm, 50%) nothing is flagged: the series reported "over".
  auto at = MirelsScore({"upper_limb", "mild", "blastic", "under_one_third", 30.0, 50.0}, Pack());
  EXPECT_FALSE(HasNote(*at, "calc.note.mirels-axial-cortex"));
  EXPECT_FALSE(HasNote(*at, "calc.note.mirels-circumferential-cortex"));
}

TEST(Mirels, BadAnswersNameTheField) {
  auto r = MirelsScore({"femur", "", "lytic", "huge", -1.0, 120.0}, Pack());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "site",
                       "'femur' is not one of upper_limb, lower_limb or "
                       "peritrochanteric"));
  EXPECT_TRUE(HasError(r.errors(), "pain", "is required"));
  EXPECT_TRUE(HasError(r.errors(), "size", "'huge'"));
  EXPECT_TRUE(HasError(r.errors(), "axial-cortical-mm"));
  EXPECT_TRUE(HasError(r.errors(), "circumferential-percent"));
  // Choices are read leniently: case, spaces and hyphens.
  EXPECT_TRUE(
      MirelsScore({"Upper-Limb", "MILD", " lytic ", "one to two thirds", {}, {}}, Pack()).ok());
}

// §2.2 worked example: T12 (junctional 3) + mechanical 3 + lytic 2 + normal 0 + collapse
// under 50% 2 + unilateral 1 = 11 -> potentially unstable -> surgical consultation.
TEST(Sins, WorkedExample) {
  SinsInput in{"", "T12", "mechanical", "lytic", "normal", "under_half", "unilateral"};
  auto r = SinsScore(in, Pack());
  ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_EQ(r->score, 11);
  EXPECT_EQ(r->band.id, "potentially_unstable");
  EXPECT_EQ(r->components[0].option, "junctional");
  EXPECT_TRUE(HasNote(*r, "calc.advice.sins.surgical_consultation"));
  in.level.clear();
  in.location = "junctional";
  EXPECT_EQ(SinsScore(in, Pack())->score, 11);
}

TEST(Sins, LevelsMapToTheirRegion) {
  struct {
    const char* level;
    const char* location;
  } cases[] = {
      {"C1", "junctional"},  {"C2", "junctional"}, {"C3", "mobile"},     {"C6", "mobile"},
      {"C7", "junctional"},  {"T2", "junctional"}, {"T3", "semi_rigid"}, {"T10", "semi_rigid"},
      {"T11", "junctional"}, {"L1", "junctional"}, {"L2", "mobile"},     {"L4", "mobile"},
      {"L5", "junctional"},  {"S1", "junctional"}, {"S2", "rigid"},      {"s5", "rigid"}};
  for (const auto& c : cases) {
    auto r = SinsScore({"", c.level, "none", "blastic", "normal", "none", "none"}, Pack());
    ASSERT_TRUE(r.ok()) << c.level;
    EXPECT_EQ(r->components[0].option, c.location) << c.level;
  }
  auto bad = SinsScore({"", "T13", "none", "blastic", "normal", "none", "none"}, Pack());
  EXPECT_TRUE(HasError(bad.errors(), "level", "not a vertebral level"));
  auto clash = SinsScore({"rigid", "T12", "none", "blastic", "normal", "none", "none"}, Pack());
  EXPECT_TRUE(HasError(clash.errors(), "location", "does not match level T12"));
}

TEST(Sins, BandBoundaries) {
  struct {
    SinsInput in;
    int score;
    const char* band;
  } cases[] = {
      {{"rigid", "", "none", "blastic", "normal", "none", "none"}, 0, "stable"},
      {{"junctional", "", "mechanical", "blastic", "normal", "none", "none"}, 6, "stable"},
      {{"junctional", "", "mechanical", "blastic", "normal", "none_over_half_involved", "none"},
       7,
       "potentially_unstable"},
      {{"junctional", "", "mechanical", "lytic", "normal", "under_half", "unilateral"},
       11,
       "potentially_unstable"},
      {{"junctional", "", "mechanical", "lytic", "de_novo_deformity", "under_half", "none"},
       12,
       "potentially_unstable"},
      {{"junctional", "", "mechanical", "lytic", "de_novo_deformity", "under_half", "unilateral"},
       13,
       "unstable"},
      {{"junctional", "", "mechanical", "lytic", "subluxation", "over_half", "bilateral"},
       18,
       "unstable"},
  };
  for (const auto& c : cases) {
    auto r = SinsScore(c.in, Pack());
    ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
    EXPECT_EQ(r->score, c.score);
    EXPECT_EQ(r->band.id, c.band) << c.score;
    EXPECT_EQ(HasNote(*r, "calc.advice.sins.surgical_consultation"), c.score >= 7) << c.score;
  }
}

TokuhashiInput Tokuhashi(double kps, double extraspinal, double vertebral, const char* organs,
                         const char* frankel) {
  TokuhashiInput in;
  in.karnofsky = kps;
  in.extraspinal_bone_mets = extraspinal;
  in.vertebral_mets = vertebral;
  in.organ_mets = organs;
  in.frankel = frankel;
  return in;
}

TEST(Tokuhashi, BreastScoresFiveAndBandsFollowTheTable) {
  struct {
    TokuhashiInput in;
    int score;
    const char* band;
  } cases[] = {
      // good 2 + none 2 + one 2 + none 2 + breast 5 + Frankel E 2 = 15
      {Tokuhashi(90, 0, 1, "none", "E"), 15, "1_year_or_more"},
      // moderate 1 + 1-2 foci 1 + two 1 + none 2 + breast 5 + E 2 = 12
      {Tokuhashi(70, 2, 2, "none", "E"), 12, "1_year_or_more"},
      // moderate 1 + 1 + 1 + removable 1 + 5 + E 2 = 11
      {Tokuhashi(50, 1, 2, "removable", "E"), 11, "6_months_or_more"},
      // poor 0 + 1 + 1 + 1 + 5 + incomplete (D) 1 = 9
      {Tokuhashi(40, 1, 2, "removable", "D"), 9, "6_months_or_more"},
      // poor 0 + >=3 0 + >=3 0 + removable 1 + 5 + E 2 = 8
      {Tokuhashi(30, 3, 3, "removable", "E"), 8, "under_6_months"},
      // 0 + 0 + 0 + unremovable 0 + 5 + A 0 = 5
      {Tokuhashi(10, 12, 5, "unremovable", "A"), 5, "under_6_months"},
  };
  for (const auto& c : cases) {
    auto r = TokuhashiScore(c.in, Pack());
    ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
    EXPECT_EQ(r->score, c.score);
    EXPECT_EQ(r->band.id, c.band) << c.score;
    EXPECT_EQ(r->components[4].option, "breast");
    EXPECT_EQ(r->components[4].points, 5);
  }
  auto r = TokuhashiScore(Tokuhashi(90, 0, 1, "none", "E"), Pack());
  EXPECT_EQ(r->min_score, 0);
  EXPECT_EQ(r->max_score, 15);
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-TOKUHASHI"));
  EXPECT_TRUE(HasNote(*r, "calc.note.tokuhashi-survival-only"));
}

TEST(Tokuhashi, OtherPrimariesAndWordAnswers) {
  TokuhashiInput in;
  in.condition = "good";
  in.extraspinal_bone_mets = 0;
  in.vertebral_mets = 1;
  in.organ_mets = "none";
  in.palsy = "none";
  in.primary = "lung";
  EXPECT_EQ(TokuhashiScore(in, Pack())->score, 10);
  in.primary = "rectum";
  EXPECT_EQ(TokuhashiScore(in, Pack())->score, 14);
  in.primary = "other";
  EXPECT_EQ(TokuhashiScore(in, Pack())->score, 12);
}

TEST(Tokuhashi, BadAnswers) {
  TokuhashiInput in = Tokuhashi(55, 1.5, 0, "some", "F");
  in.condition = "good";
  auto r = TokuhashiScore(in, Pack());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "kps", "not both"));
  EXPECT_TRUE(HasError(r.errors(), "kps", "in tens"));
  EXPECT_TRUE(HasError(r.errors(), "extraspinal-bone-mets", "whole number"));
  auto zero = TokuhashiScore(Tokuhashi(0, 0, 0, "none", "E"), Pack());
  ASSERT_FALSE(zero.ok());
  EXPECT_TRUE(HasError(zero.errors(), "kps", "outside the ranges"));
  EXPECT_TRUE(HasError(zero.errors(), "vertebral-mets", "outside the ranges"));
  auto frankel = TokuhashiScore(Tokuhashi(80, 0, 1, "none", "F"), Pack());
  EXPECT_TRUE(HasError(frankel.errors(), "frankel", "'F'"));
  auto negative = TokuhashiScore(Tokuhashi(80, -1, 1, "none", "E"), Pack());
  EXPECT_TRUE(HasError(negative.errors(), "extraspinal-bone-mets", "outside the accepted range"));
}

KatagiriInput Katagiri(const char* primary, const char* visceral, const char* lab, double ecog,
                       bool chemo, bool multiple) {
  return {primary, visceral, lab, ecog, chemo, multiple};
}

TEST(Katagiri, GroupsAndTheUnverifiedCaveat) {
  struct {
    KatagiriInput in;
    int score;
    const char* band;
  } cases[] = {
      {Katagiri("slow", "none", "normal", 0, false, false), 0, "low"},
      {Katagiri("breast_hormone_dependent", "nodular", "normal", 1, true, true), 3, "low"},
      {Katagiri("moderate", "nodular", "abnormal", 2, false, false), 4, "intermediate"},
      {Katagiri("breast-hormone-independent", "disseminated", "abnormal", 3, false, false), 6,
       "intermediate"},
      {Katagiri("rapid", "disseminated", "normal", 3, true, false), 7, "high"},
      {Katagiri("rapid", "disseminated", "critical", 4, true, true), 10, "high"},
  };
  for (const auto& c : cases) {
    auto r = KatagiriScore(c.in, Pack());
    ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
    EXPECT_EQ(r->score, c.score);
    EXPECT_EQ(r->band.id, c.band) << c.score;
    EXPECT_TRUE(HasRule(r->trace.rules, "CALC-KATAGIRI-POINTS"));
    EXPECT_TRUE(HasNote(*r, "calc.note.unverified")) << "every Katagiri result is unverified";
    EXPECT_EQ(WeakestEvidence(r->trace.rules, Pack()), Evidence::kUnverified);
  }
  auto high = KatagiriScore(Katagiri("rapid", "disseminated", "critical", 4, true, true), Pack());
  ASSERT_EQ(high->band.survival.size(), 2u);
  EXPECT_EQ(high->band.survival[0].months, 6);
  EXPECT_EQ(high->band.survival[0].percent, 27);
  auto low = KatagiriScore(Katagiri("slow", "none", "normal", 0, false, false), Pack());
  EXPECT_EQ(low->band.survival[0].percent, 91);
  EXPECT_EQ(low->band.survival[1].percent, 78);
}

TEST(Katagiri, BadAnswers) {
  auto dead = KatagiriScore(Katagiri("slow", "none", "normal", 5, false, false), Pack());
  EXPECT_TRUE(HasError(dead.errors(), "ecog", "outside the ranges"));
  auto half = KatagiriScore(Katagiri("slow", "none", "normal", 1.5, false, false), Pack());
  EXPECT_TRUE(HasError(half.errors(), "ecog", "whole number"));
  KatagiriInput missing;
  auto r = KatagiriScore(missing, Pack());
  ASSERT_FALSE(r.ok());
  for (const char* f :
       {"primary", "visceral", "lab", "ecog", "previous-chemotherapy", "multiple-bone-mets"}) {
    EXPECT_TRUE(HasError(r.errors(), f, "is required")) << f;
  }
}

}  // namespace
}  // namespace oncnav
