// Albumin-corrected calcium (supportive-care.md §4.2): the test vectors in mg/dL and mmol/L,
// the formula stated with every result, the high-albumin default and bad values.
#include "oncnav/calc/corrected_calcium.h"

#include "calc_test_support.h"

namespace oncnav {
namespace {

using calc_test::HasError;
using calc_test::HasRule;
using calc_test::Pack;

Result<CorrectedCalciumResult> Correct(double ca, const char* ca_unit, double alb,
                                       const char* alb_unit, std::string formula = "") {
  return CorrectCalcium({Quantity{ca, ca_unit}, Quantity{alb, alb_unit}, std::move(formula), {}},
                        Pack());
}

// Ca 8.0 mg/dL, Alb 2.5 g/dL -> 9.2 with the 0.8 formula [PAY3] (the default).
TEST(CorrectedCalcium, DefaultFormulaVector) {
  auto r = Correct(8.0, "mg/dL", 2.5, "g/dL");
  ASSERT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_NEAR(r->corrected, 9.2, 1e-9);
  EXPECT_EQ(r->unit, "mg/dL");
  EXPECT_EQ(r->formula, "payne_0_8");
  EXPECT_EQ(r->formula_requested, "payne_0_8");
  EXPECT_TRUE(r->applied);
  EXPECT_FALSE(r->converted);
  EXPECT_NEAR(r->corrected_mmol_l, 9.2 / 4.008, 1e-9);
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-CA-08"));
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-CA-LIMITS"));
}

// The same with Payne's original formula -> 9.5 (D).
TEST(CorrectedCalcium, PayneOriginalVector) {
  auto r = Correct(8.0, "mg/dL", 2.5, "g/dL", "payne_original");
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->corrected, 9.5, 1e-9);
  EXPECT_EQ(r->formula, "payne_original");
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-CA-PAYNE"));
}

// SI: 1.83 mmol/L, Alb 26 g/L -> 2.11 mmol/L [PAY2]; the 0.8 formula is applied in its SI form.
TEST(CorrectedCalcium, SiVector) {
  auto r = Correct(1.83, "mmol/L", 26, "g/L");
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->corrected, 2.11, 1e-9);
  EXPECT_EQ(r->unit, "mmol/L");
  EXPECT_EQ(r->formula_requested, "payne_0_8");
  EXPECT_EQ(r->formula, "si_0_02");
  EXPECT_FALSE(r->converted);
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-CA-SI"));
  auto explicit_si = Correct(1.83, "mmol/L", 26, "g/L", "si-0-02");
  ASSERT_TRUE(explicit_si.ok());
  EXPECT_NEAR(explicit_si->corrected, 2.11, 1e-9);
}

// The SI and 0.8 variants agree (0.02 mmol/L per g/L = 0.08 mg/dL per g/L ~ 0.8 per g/dL).
TEST(CorrectedCalcium, SiAndConventionalFormsAgree) {
  auto mg = Correct(8.0, "mg/dL", 2.5, "g/dL");
  auto si = Correct(8.0 / 4.008, "mmol/L", 25, "g/L");
  ASSERT_TRUE(mg.ok() && si.ok());
  EXPECT_NEAR(si->corrected_mg_dl, mg->corrected_mg_dl, 0.01);
  // Mixed units: calcium mg/dL with albumin g/L uses the mg/dL formula.
  auto mixed = Correct(8.0, "mg/dL", 25, "g/L");
  ASSERT_TRUE(mixed.ok());
  EXPECT_NEAR(mixed->corrected, 9.2, 1e-9);
  EXPECT_EQ(mixed->formula, "payne_0_8");
}

TEST(CorrectedCalcium, PayneOriginalInMillimolesIsConvertedAndSaysSo) {
  auto r = Correct(2.0, "mmol/L", 25, "g/L", "payne_original");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->converted);
  EXPECT_EQ(r->formula, "payne_original");
  EXPECT_NEAR(r->corrected_mg_dl, 2.0 * 4.008 - 2.5 + 4.0, 1e-9);
  EXPECT_NEAR(r->corrected, (2.0 * 4.008 + 1.5) / 4.008, 1e-9);
  bool noted = false;
  for (const auto& n : r->trace.notes) noted |= n.code == "calc.note.ca-converted";
  EXPECT_TRUE(noted);
}

// Albumin >= 4.0 g/dL: no correction by default (U), and the caveat says it is unverified.
TEST(CorrectedCalcium, HighAlbuminIsNotCorrectedByDefault) {
  auto r = Correct(10.0, "mg/dL", 4.5, "g/dL");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->applied);
  EXPECT_DOUBLE_EQ(r->corrected, 10.0);
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-CA-HIGH-ALB"));
  bool unverified = false;
  for (const auto& n : r->trace.notes) unverified |= n.code == "calc.note.unverified";
  EXPECT_TRUE(unverified);
  // Exactly 4.0 counts as high; just below is corrected.
  EXPECT_FALSE(Correct(10.0, "mg/dL", 4.0, "g/dL")->applied);
  EXPECT_TRUE(Correct(10.0, "mg/dL", 3.99, "g/dL")->applied);
  // A site may correct anyway.
  auto forced = CorrectCalcium({Quantity{10.0, "mg/dL"}, Quantity{4.5, "g/dL"}, "", true}, Pack());
  ASSERT_TRUE(forced.ok());
  EXPECT_TRUE(forced->applied);
  EXPECT_NEAR(forced->corrected, 9.6, 1e-9);
  EXPECT_FALSE(HasRule(forced->trace.rules, "CALC-CA-HIGH-ALB"));
}

TEST(CorrectedCalcium, BadValuesNameTheField) {
  // Albumin 40 given as g/dL: a g/L value with the wrong unit.
  auto r = Correct(8.0, "mg/dL", 40, "g/dL");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "albumin", "not a possible albumin value"));
  EXPECT_TRUE(HasError(r.errors(), "albumin", "was it given in g/L?"));

  auto negative = Correct(-8.0, "mg/dL", 3.0, "g/dL");
  ASSERT_FALSE(negative.ok());
  EXPECT_TRUE(HasError(negative.errors(), "calcium", "cannot be negative"));

  auto unit = Correct(8.0, "mg/L", 3.0, "g/dL");
  ASSERT_FALSE(unit.ok());
  EXPECT_TRUE(HasError(unit.errors(), "calcium-unit", "mg/dL, mmol/L"));

  auto formula = Correct(8.0, "mg/dL", 3.0, "g/dL", "orrell");
  ASSERT_FALSE(formula.ok());
  EXPECT_TRUE(HasError(formula.errors(), "formula", "payne_original, payne_0_8, si_0_02"));

  auto missing = CorrectCalcium({}, Pack());
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(HasError(missing.errors(), "calcium", "is required"));
  EXPECT_TRUE(HasError(missing.errors(), "albumin", "is required"));
}

}  // namespace
}  // namespace oncnav
