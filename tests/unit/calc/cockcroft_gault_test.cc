// Cockcroft-Gault (supportive-care.md §4.1): the test vectors, the SI form, the weight
// options and bad values.
#include "oncnav/calc/cockcroft_gault.h"

#include "calc_test_support.h"

namespace oncnav {
namespace {

using calc_test::HasError;
using calc_test::Pack;

CockcroftGaultInput Input(double age, Sex sex, double weight, double scr,
                          const char* unit = "mg/dL") {
  CockcroftGaultInput in;
  in.age_years = age;
  in.sex = sex;
  in.weight_kg = weight;
  in.creatinine = Quantity{scr, unit};
  return in;
}

// §4.1 test vector (V [CG4]): female, 45 y, 60 kg, SCr 0.9 -> 74.8 mL/min.
TEST(CockcroftGault, FemaleVectorFromTheSpec) {
  auto r = CockcroftGault(Input(45, Sex::kFemale, 60, 0.9), Pack());
  ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_NEAR(r->crcl_ml_min, 74.8, 0.05);
  EXPECT_EQ(r->weight_basis, WeightBasis::kActual);
  EXPECT_FALSE(r->weight_computed);
  EXPECT_TRUE(calc_test::HasRule(r->trace.rules, "CALC-CG"));
}

// §4.1 derived vector: female, 70 y, 50 kg, SCr 1.2 -> (70 x 50)/86.4 x 0.85 = 34.4 mL/min.
TEST(CockcroftGault, SecondVectorFromTheSpec) {
  auto r = CockcroftGault(Input(70, Sex::kFemale, 50, 1.2), Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->crcl_ml_min, 34.4, 0.05);
}

TEST(CockcroftGault, MaleHasNoSexFactor) {
  auto r = CockcroftGault(Input(45, Sex::kMale, 60, 0.9), Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->crcl_ml_min, 95.0 * 60 / (72 * 0.9), 1e-9);
}

// SI form (D): CrCl = (140 - age) x wt x 1.2278 / SCr[umol/L] for men, x 1.0436 for women.
TEST(CockcroftGault, MicromolePerLitreGivesTheSameClearance) {
  double umol = 0.9 * 88.4;
  auto si = CockcroftGault(Input(45, Sex::kFemale, 60, umol, "umol/L"), Pack());
  ASSERT_TRUE(si.ok());
  EXPECT_NEAR(si->crcl_ml_min, 74.8, 0.05);
  EXPECT_NEAR(si->crcl_ml_min, 95.0 * 60 * 1.0436 / umol, 0.05);
  EXPECT_NEAR(si->creatinine_mg_dl, 0.9, 1e-6);
  EXPECT_TRUE(calc_test::HasRule(si->trace.rules, "LAB-UNITS"));
  auto male = CockcroftGault(Input(45, Sex::kMale, 60, umol, "µmol/L"), Pack());
  ASSERT_TRUE(male.ok());
  EXPECT_NEAR(male->crcl_ml_min, 95.0 * 60 * 1.2278 / umol, 0.05);
}

TEST(CockcroftGault, IdealBodyWeightForWomenFromHeight) {
  CockcroftGaultInput in = Input(45, Sex::kFemale, 0, 0.9);
  in.weight_kg.reset();
  in.weight_basis = WeightBasis::kIdeal;
  in.height_cm = 165.1;  // 65 inches -> 45.5 + 2.3 x 5 = 57.0 kg
  auto r = CockcroftGault(in, Pack());
  ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_NEAR(r->weight_kg, 57.0, 1e-6);
  EXPECT_TRUE(r->weight_computed);
  EXPECT_EQ(r->weight_basis, WeightBasis::kIdeal);
  EXPECT_TRUE(calc_test::HasRule(r->trace.rules, "CALC-CG-IBW"));
  EXPECT_NEAR(r->crcl_ml_min, 95.0 * 57.0 / (72 * 0.9) * 0.85, 1e-6);
}

TEST(CockcroftGault, NoIdealWeightFormulaForMen) {
  CockcroftGaultInput in = Input(45, Sex::kMale, 0, 0.9);
  in.weight_kg.reset();
  in.weight_basis = WeightBasis::kIdeal;
  in.height_cm = 180;
  auto r = CockcroftGault(in, Pack());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "weight", "women only"));
}

TEST(CockcroftGault, AdjustedWeightMustBeGivenAndIsLabelled) {
  CockcroftGaultInput in = Input(60, Sex::kFemale, 70, 1.0);
  in.weight_basis = WeightBasis::kAdjusted;
  auto r = CockcroftGault(in, Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->weight_basis, WeightBasis::kAdjusted);
  in.weight_kg.reset();
  auto missing = CockcroftGault(in, Pack());
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(HasError(missing.errors(), "weight", "adjusted"));
}

TEST(CockcroftGault, RoundingUpIsOffByDefaultAndSaidWhenOn) {
  auto plain = CockcroftGault(Input(45, Sex::kFemale, 60, 0.6), Pack());
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->creatinine_rounded_up);
  EXPECT_DOUBLE_EQ(plain->creatinine_used_mg_dl, 0.6);
  CockcroftGaultInput in = Input(45, Sex::kFemale, 60, 0.6);
  in.round_creatinine = true;
  auto rounded = CockcroftGault(in, Pack());
  ASSERT_TRUE(rounded.ok());
  EXPECT_TRUE(rounded->creatinine_rounded_up);
  EXPECT_DOUBLE_EQ(rounded->creatinine_used_mg_dl, 1.0);
  EXPECT_NEAR(rounded->crcl_ml_min, 95.0 * 60 / 72 * 0.85, 1e-9);
  EXPECT_TRUE(calc_test::HasRule(rounded->trace.rules, "CALC-CG-ROUND"));
  // At or above 1.0 nothing changes.
  in.creatinine = Quantity{1.0, "mg/dL"};
  EXPECT_FALSE(CockcroftGault(in, Pack())->creatinine_rounded_up);
}

TEST(CockcroftGault, BadValuesNameTheFieldAndTheReason) {
  auto negative = CockcroftGault(Input(45, Sex::kFemale, 60, -1), Pack());
  ASSERT_FALSE(negative.ok());
  EXPECT_TRUE(HasError(negative.errors(), "creatinine", "cannot be negative"));

  auto zero_weight = CockcroftGault(Input(45, Sex::kFemale, 0, 0.9), Pack());
  ASSERT_FALSE(zero_weight.ok());
  EXPECT_TRUE(HasError(zero_weight.errors(), "weight", "outside the accepted range"));

  auto zero_scr = CockcroftGault(Input(45, Sex::kFemale, 60, 0), Pack());
  ASSERT_FALSE(zero_scr.ok());
  EXPECT_TRUE(HasError(zero_scr.errors(), "creatinine", "not a possible creatinine value"));

  // 80 "mg/dL" is a micromolar value typed with the wrong unit.
  auto wrong_unit = CockcroftGault(Input(45, Sex::kFemale, 60, 80), Pack());
  ASSERT_FALSE(wrong_unit.ok());
  EXPECT_TRUE(HasError(wrong_unit.errors(), "creatinine", "was it given in umol/L?"));

  auto bad_unit = CockcroftGault(Input(45, Sex::kFemale, 60, 0.9, "mg"), Pack());
  ASSERT_FALSE(bad_unit.ok());
  EXPECT_TRUE(HasError(bad_unit.errors(), "creatinine-unit", "not a unit for creatinine"));

  auto child = CockcroftGault(Input(12, Sex::kFemale, 40, 0.5), Pack());
  ASSERT_FALSE(child.ok());
  EXPECT_TRUE(HasError(child.errors(), "age", "outside the accepted range 18 to 120"));

  auto unknown_sex = CockcroftGault(Input(45, Sex::kUnknown, 60, 0.9), Pack());
  ASSERT_FALSE(unknown_sex.ok());
  EXPECT_TRUE(HasError(unknown_sex.errors(), "sex", "female or male"));
}

TEST(CockcroftGault, EveryProblemIsReportedAtOnce) {
  CockcroftGaultInput in;
  in.sex = Sex::kOther;
  auto r = CockcroftGault(in, Pack());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "age"));
  EXPECT_TRUE(HasError(r.errors(), "sex"));
  EXPECT_TRUE(HasError(r.errors(), "weight"));
  EXPECT_TRUE(HasError(r.errors(), "creatinine"));
}

}  // namespace
}  // namespace oncnav
