// CTCAE v5 lab grades (supportive-care.md §4.3): every boundary exactly at its threshold and
// just beyond it, in each unit the spec lists; grades that depend on a missing reference.
#include "calc_test_support.h"
#include "oncnav/calc/ctcae_calcium.h"
#include "oncnav/calc/ctcae_creatinine.h"
#include "oncnav/calc/ctcae_neutrophils.h"

namespace oncnav {
namespace {

using calc_test::HasError;
using calc_test::HasRule;
using calc_test::Pack;

struct Case {
  double value;
  int grade;
};

int Hypo(double v, const char* unit, std::optional<double> lln, bool ionised = false) {
  CalciumGradeInput in;
  (ionised ? in.ionized_calcium : in.corrected_calcium) = Quantity{v, unit};
  in.references.lln = lln;
  auto r = GradeHypocalcemia(in, Pack());
  EXPECT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_TRUE(r->grade.has_value()) << v << " " << unit;
  return r->grade.value_or(-1);
}

int Hyper(double v, const char* unit, std::optional<double> uln, bool ionised = false) {
  CalciumGradeInput in;
  (ionised ? in.ionized_calcium : in.corrected_calcium) = Quantity{v, unit};
  in.references.uln = uln;
  auto r = GradeHypercalcemia(in, Pack());
  EXPECT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_TRUE(r->grade.has_value()) << v << " " << unit;
  return r->grade.value_or(-1);
}

int Creatinine(double v, const char* unit, std::optional<double> uln,
               std::optional<double> baseline = std::nullopt) {
  CreatinineGradeInput in;
  in.creatinine = Quantity{v, unit};
  in.references.uln = uln;
  in.references.baseline = baseline;
  auto r = GradeCreatinineIncreased(in, Pack());
  EXPECT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_TRUE(r->grade.has_value()) << v << " " << unit;
  return r->grade.value_or(-1);
}

int Neutrophils(double v, const char* unit, std::optional<double> lln) {
  NeutrophilGradeInput in;
  in.neutrophils = Quantity{v, unit};
  in.references.lln = lln;
  auto r = GradeNeutrophilCountDecreased(in, Pack());
  EXPECT_TRUE(r.ok()) << calc_test::Describe(r.errors());
  EXPECT_TRUE(r->grade.has_value()) << v << " " << unit;
  return r->grade.value_or(-1);
}

TEST(CtcaeHypocalcemia, CorrectedMgPerDlBoundaries) {
  for (Case c : {Case{8.6, 0},
                 {8.5, 0},
                 {8.49, 1},
                 {8.0, 1},
                 {7.99, 2},
                 {7.0, 2},
                 {6.99, 3},
                 {6.0, 3},
                 {5.99, 4},
                 {3.0, 4}}) {
    EXPECT_EQ(Hypo(c.value, "mg/dL", 8.5), c.grade) << c.value << " mg/dL";
  }
}

// §8 test vector: corrected Ca 7.5 mg/dL -> lab grade 2, whatever the LLN.
TEST(CtcaeHypocalcemia, SpecVectorSevenPointFiveIsGradeTwo) {
  EXPECT_EQ(Hypo(7.5, "mg/dL", std::nullopt), 2);
  EXPECT_EQ(Hypo(7.5, "mg/dL", 8.6), 2);
}

TEST(CtcaeHypocalcemia, CorrectedMmolPerLitreBoundaries) {
  for (Case c :
       {Case{2.1, 0}, {2.09, 1}, {2.0, 1}, {1.99, 2}, {1.75, 2}, {1.74, 3}, {1.5, 3}, {1.49, 4}}) {
    EXPECT_EQ(Hypo(c.value, "mmol/L", 2.1), c.grade) << c.value << " mmol/L";
  }
}

TEST(CtcaeHypocalcemia, IonisedBoundaries) {
  for (Case c :
       {Case{1.1, 0}, {1.09, 1}, {1.0, 1}, {0.99, 2}, {0.9, 2}, {0.89, 3}, {0.8, 3}, {0.79, 4}}) {
    EXPECT_EQ(Hypo(c.value, "mmol/L", 1.1, true), c.grade) << c.value << " mmol/L ionised";
  }
}

TEST(CtcaeHypercalcemia, CorrectedMgPerDlBoundaries) {
  for (Case c : {Case{10.5, 0},
                 {10.51, 1},
                 {11.5, 1},
                 {11.51, 2},
                 {12.5, 2},
                 {12.51, 3},
                 {13.5, 3},
                 {13.51, 4},
                 {16.0, 4}}) {
    EXPECT_EQ(Hyper(c.value, "mg/dL", 10.5), c.grade) << c.value << " mg/dL";
  }
}

TEST(CtcaeHypercalcemia, CorrectedMmolPerLitreBoundaries) {
  for (Case c :
       {Case{2.6, 0}, {2.61, 1}, {2.9, 1}, {2.91, 2}, {3.1, 2}, {3.11, 3}, {3.4, 3}, {3.41, 4}}) {
    EXPECT_EQ(Hyper(c.value, "mmol/L", 2.6), c.grade) << c.value << " mmol/L";
  }
}

TEST(CtcaeHypercalcemia, IonisedBoundaries) {
  for (Case c :
       {Case{1.3, 0}, {1.31, 1}, {1.5, 1}, {1.51, 2}, {1.6, 2}, {1.61, 3}, {1.8, 3}, {1.81, 4}}) {
    EXPECT_EQ(Hyper(c.value, "mmol/L", 1.3, true), c.grade) << c.value << " mmol/L ionised";
  }
}

TEST(CtcaeCreatinine, UlnBoundaries) {
  for (Case c :
       {Case{1.0, 0}, {1.01, 1}, {1.5, 1}, {1.51, 2}, {3.0, 2}, {3.01, 3}, {6.0, 3}, {6.01, 4}}) {
    EXPECT_EQ(Creatinine(c.value, "mg/dL", 1.0), c.grade) << c.value << " mg/dL, ULN 1.0";
  }
}

// Multiples of a ULN that is not a round binary number land exactly on the boundary.
TEST(CtcaeCreatinine, BoundariesSurviveFloatingPoint) {
  for (Case c : {Case{1.1, 0}, {1.65, 1}, {3.3, 2}, {6.6, 3}, {6.61, 4}}) {
    EXPECT_EQ(Creatinine(c.value, "mg/dL", 1.1), c.grade) << c.value << " mg/dL, ULN 1.1";
  }
  for (Case c : {Case{132, 1}, {133, 2}, {264, 2}, {265, 3}, {528, 3}, {529, 4}}) {
    EXPECT_EQ(Creatinine(c.value, "umol/L", 88), c.grade) << c.value << " umol/L, ULN 88";
  }
}

TEST(CtcaeCreatinine, BaselineCriteria) {
  // Above 1.5 x baseline is grade 2 even below the ULN; exactly 1.5 x is not.
  EXPECT_EQ(Creatinine(0.9, "mg/dL", 1.0, 0.6), 0);
  EXPECT_EQ(Creatinine(0.95, "mg/dL", 1.0, 0.6), 2);
  // Above 3.0 x baseline is grade 3 while the ULN alone would give grade 2.
  EXPECT_EQ(Creatinine(1.8, "mg/dL", 1.0, 0.6), 2);
  EXPECT_EQ(Creatinine(1.81, "mg/dL", 1.0, 0.6), 3);
  // The baseline never reaches grade 4.
  EXPECT_EQ(Creatinine(5.0, "mg/dL", 1.0, 0.6), 3);
}

TEST(CtcaeCreatinine, BaselineWithoutUlnGivesARange) {
  CreatinineGradeInput in;
  in.creatinine = Quantity{2.0, "mg/dL"};
  in.references.baseline = 0.6;
  auto r = GradeCreatinineIncreased(in, Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->grade.has_value());
  EXPECT_EQ(r->min_grade, 3);
  EXPECT_EQ(r->max_grade, 4);
  EXPECT_EQ(r->needs, std::vector<std::string>{"uln"});
}

TEST(CtcaeCreatinine, NeedsUlnOrBaseline) {
  CreatinineGradeInput in;
  in.creatinine = Quantity{2.0, "mg/dL"};
  auto r = GradeCreatinineIncreased(in, Pack());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "uln", "upper limit of normal"));
}

TEST(CtcaeNeutrophils, BillionPerLitreBoundaries) {
  for (Case c : {Case{2.0, 0},
                 {1.99, 1},
                 {1.5, 1},
                 {1.49, 2},
                 {1.0, 2},
                 {0.99, 3},
                 {0.5, 3},
                 {0.49, 4},
                 {0.0, 4}}) {
    EXPECT_EQ(Neutrophils(c.value, "10*9/L", 2.0), c.grade) << c.value << " x10^9/L";
  }
}

TEST(CtcaeNeutrophils, PerCubicMillimetreBoundaries) {
  for (Case c :
       {Case{2000, 0}, {1999, 1}, {1500, 1}, {1499, 2}, {1000, 2}, {999, 3}, {500, 3}, {499, 4}}) {
    EXPECT_EQ(Neutrophils(c.value, "/mm3", 2000), c.grade) << c.value << " /mm3";
    EXPECT_EQ(Neutrophils(c.value, "/uL", 2000), c.grade) << c.value << " /uL";
  }
}

TEST(CtcaeGrade, WithoutTheLowerLimitGradeZeroOrOneIsARange) {
  CalciumGradeInput in;
  in.corrected_calcium = Quantity{8.5, "mg/dL"};
  auto r = GradeHypocalcemia(in, Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->grade.has_value());
  EXPECT_EQ(r->min_grade, 0);
  EXPECT_EQ(r->max_grade, 1);
  EXPECT_EQ(r->needs, std::vector<std::string>{"lln"});
  EXPECT_TRUE(HasRule(r->trace.rules, "CTCAE5-HYPOCALCEMIA"));
  EXPECT_TRUE(HasRule(r->trace.rules, "CTCAE-LAB-GRADE"));
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-CA-GRADE-BASIS"));
}

// Calcium is graded on the corrected value: 7.0 mg/dL with albumin 2.0 g/dL corrects to 8.6.
TEST(CtcaeGrade, TotalCalciumIsCorrectedBeforeGrading) {
  CalciumGradeInput in;
  in.calcium = Quantity{7.0, "mg/dL"};
  in.albumin = Quantity{2.0, "g/dL"};
  in.references.lln = 8.5;
  auto r = GradeHypocalcemia(in, Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->grade, 0);
  ASSERT_TRUE(r->correction.has_value());
  EXPECT_NEAR(r->correction->corrected, 8.6, 1e-9);
  EXPECT_TRUE(HasRule(r->trace.rules, "CALC-CA-08"));
  EXPECT_EQ(r->basis, "corrected_calcium");
}

TEST(CtcaeGrade, TotalCalciumWithoutAlbuminIsRefused) {
  CalciumGradeInput in;
  in.calcium = Quantity{7.0, "mg/dL"};
  auto r = GradeHypocalcemia(in, Pack());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "albumin", "never on total calcium"));
}

TEST(CtcaeGrade, BadReferencesAndValues) {
  CalciumGradeInput two;
  two.corrected_calcium = Quantity{8.0, "mg/dL"};
  two.ionized_calcium = Quantity{1.0, "mmol/L"};
  auto both = GradeHypocalcemia(two, Pack());
  ASSERT_FALSE(both.ok());
  EXPECT_TRUE(HasError(both.errors(), "calcium", "exactly one"));

  CalciumGradeInput in;
  in.corrected_calcium = Quantity{8.0, "mg/dL"};
  in.references.lln = -1;
  EXPECT_TRUE(HasError(GradeHypocalcemia(in, Pack()).errors(), "lln", "positive"));
  in.references.lln = 85;  // a mg/L figure typed as mg/dL
  EXPECT_TRUE(HasError(GradeHypocalcemia(in, Pack()).errors(), "lln", "not a possible"));

  NeutrophilGradeInput anc;
  anc.neutrophils = Quantity{-0.5, "10*9/L"};
  EXPECT_TRUE(HasError(GradeNeutrophilCountDecreased(anc, Pack()).errors(), "neutrophils",
                       "cannot be negative"));
  anc.neutrophils = Quantity{1.2, "cells"};
  EXPECT_TRUE(HasError(GradeNeutrophilCountDecreased(anc, Pack()).errors(), "neutrophils-unit"));

  CreatinineGradeInput scr;
  scr.creatinine = Quantity{2.0, "mg/dL"};
  scr.references.uln = 0;
  EXPECT_TRUE(HasError(GradeCreatinineIncreased(scr, Pack()).errors(), "uln", "positive"));
}

TEST(CtcaeGrade, ResultCarriesVersionUnitAndLabOnlyCaveat) {
  NeutrophilGradeInput in;
  in.neutrophils = Quantity{800, "/mm3"};
  auto r = GradeNeutrophilCountDecreased(in, Pack());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->version, "5.0");
  EXPECT_EQ(r->unit, "/mm3");
  EXPECT_EQ(r->grade, 3);
  bool caveat = false;
  for (const auto& n : r->trace.notes) caveat |= n.code == "calc.note.ctcae-lab-only";
  EXPECT_TRUE(caveat);
}

}  // namespace
}  // namespace oncnav
