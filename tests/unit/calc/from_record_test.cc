// CalculatorsFromRecord: what a record allows, the latest values on or before the date, and
// "cannot compute" entries naming what is missing.
#include "oncnav/calc/from_record.h"

#include "calc_test_support.h"

namespace oncnav {
namespace {

using calc_test::HasRule;
using calc_test::Pack;

Date D(const char* s) { return *Date::Parse(s); }

LabResult Lab(const char* date, const char* test, double value, const char* unit,
              double canonical) {
  return {D(date), test, canonical, Pack().labs.Find(test)->canonical_unit, value, unit};
}

PatientRecord Full() {
  PatientRecord r;
  r.demographics.sex = Sex::kFemale;
  r.demographics.birth_date = D("1981-06-01");
  r.demographics.weight_kg = 60;
  r.labs = {
      Lab("2026-01-10", "creatinine", 1.4, "mg/dL", 1.4),
      Lab("2026-10-02", "creatinine", 0.9, "mg/dL", 0.9),
      Lab("2026-12-01", "creatinine", 3.0, "mg/dL", 3.0),  // after as_of: ignored
      Lab("2026-10-02", "calcium", 8.0, "mg/dL", 8.0),
      Lab("2026-10-02", "albumin", 25, "g/L", 2.5),
      Lab("2026-10-02", "neutrophils", 900, "/mm3", 0.9),
  };
  r.performance = {{D("2026-09-01"), PerformanceScale::kEcog, 2},
                   {D("2026-10-01"), PerformanceScale::kKarnofsky, 80},
                   {D("2026-10-01"), PerformanceScale::kEcog, 1}};
  return r;
}

const RecordCalc* Find(const RecordCalculations& c, const std::string& name) {
  for (const auto& r : c.results) {
    if (r.output.calculator == name) return &r;
  }
  return nullptr;
}

const CannotCompute* Missing(const RecordCalculations& c, const std::string& name) {
  for (const auto& m : c.cannot_compute) {
    if (m.calculator == name) return &m;
  }
  return nullptr;
}

TEST(CalculatorsFromRecord, ComputesWhatTheRecordAllows) {
  auto calcs = CalculatorsFromRecord(Full(), Pack(), D("2026-11-21"));
  // Age 45 at the creatinine of 2026-10-02: the spec's female vector, 74.8 mL/min.
  const RecordCalc* cg = Find(calcs, "cockcroft-gault");
  ASSERT_NE(cg, nullptr);
  const auto& crcl = std::get<CockcroftGaultResult>(cg->output.report);
  EXPECT_NEAR(crcl.crcl_ml_min, 74.8, 0.05);
  EXPECT_EQ(crcl.age_years, 45);
  ASSERT_EQ(cg->inputs.size(), 4u);
  EXPECT_EQ(cg->inputs[0].name, "creatinine");
  EXPECT_EQ(cg->inputs[0].date, D("2026-10-02"));

  // Albumin recorded in g/L, calcium in mg/dL: 9.2 mg/dL with the default formula.
  const RecordCalc* ca = Find(calcs, "corrected-calcium");
  ASSERT_NE(ca, nullptr);
  EXPECT_NEAR(std::get<CorrectedCalciumResult>(ca->output.report).corrected, 9.2, 1e-9);

  // Calcium grades on the corrected value; without reference limits 9.2 is grade 0 or 1.
  const RecordCalc* hypo = Find(calcs, "ctcae-hypocalcemia");
  ASSERT_NE(hypo, nullptr);
  const auto& g = std::get<CtcaeGradeResult>(hypo->output.report);
  EXPECT_EQ(g.basis, "corrected_calcium");
  EXPECT_NEAR(g.value, 9.2, 1e-9);
  EXPECT_EQ(g.min_grade, 0);
  EXPECT_EQ(g.max_grade, 1);
  EXPECT_TRUE(g.correction.has_value());
  ASSERT_NE(Find(calcs, "ctcae-hypercalcemia"), nullptr);

  // Neutrophils 900/mm3 graded on the /mm3 scale: grade 3.
  const RecordCalc* anc = Find(calcs, "ctcae-neutrophils");
  ASSERT_NE(anc, nullptr);
  EXPECT_EQ(std::get<CtcaeGradeResult>(anc->output.report).grade, 3);
  EXPECT_EQ(std::get<CtcaeGradeResult>(anc->output.report).unit, "/mm3");

  // Latest performance date has both scales: both kept.
  const RecordCalc* ps = Find(calcs, "performance-status");
  ASSERT_NE(ps, nullptr);
  const auto& p = std::get<PerformanceStatusResult>(ps->output.report);
  EXPECT_EQ(p.ecog_given, 1);
  EXPECT_EQ(p.karnofsky_given, 80);
  EXPECT_TRUE(p.consistent);

  // No ULN for creatinine in a record: cannot grade it.
  const CannotCompute* scr = Missing(calcs, "ctcae-creatinine");
  ASSERT_NE(scr, nullptr);
  EXPECT_EQ(scr->missing, std::vector<std::string>{"creatinine_uln"});

  EXPECT_TRUE(HasRule(calcs.rules, "CALC-RECORD"));
  EXPECT_TRUE(HasRule(calcs.rules, "CALC-CG"));
  EXPECT_TRUE(HasRule(calcs.rules, "CTCAE5-NEUTROPHILS"));
}

TEST(CalculatorsFromRecord, ReferenceLimitsFromTheOptions) {
  RecordCalcOptions options;
  options.as_of = D("2026-11-21");
  options.references["creatinine"] = {std::nullopt, 0.8, std::nullopt};
  options.references["calcium"] = {8.6, 10.2, std::nullopt};
  auto calcs = CalculatorsFromRecord(Full(), Pack(), options);
  const RecordCalc* scr = Find(calcs, "ctcae-creatinine");
  ASSERT_NE(scr, nullptr);
  EXPECT_EQ(std::get<CtcaeGradeResult>(scr->output.report).grade, 1);  // 0.9 > ULN 0.8
  const RecordCalc* hypo = Find(calcs, "ctcae-hypocalcemia");
  EXPECT_EQ(std::get<CtcaeGradeResult>(hypo->output.report).grade, 0);
}

TEST(CalculatorsFromRecord, MillimolarCalciumIsGradedOnTheMillimolarScale) {
  PatientRecord r;
  r.labs = {Lab("2026-10-02", "calcium", 1.83, "mmol/L", 1.83 * 4.008),
            Lab("2026-10-02", "albumin", 26, "g/L", 2.6)};
  auto calcs = CalculatorsFromRecord(r, Pack(), D("2026-11-21"));
  const RecordCalc* ca = Find(calcs, "corrected-calcium");
  ASSERT_NE(ca, nullptr);
  const auto& c = std::get<CorrectedCalciumResult>(ca->output.report);
  EXPECT_NEAR(c.corrected, 2.11, 1e-9);
  EXPECT_EQ(c.formula, "si_0_02");
  const RecordCalc* hyper = Find(calcs, "ctcae-hypercalcemia");
  EXPECT_EQ(std::get<CtcaeGradeResult>(hyper->output.report).unit, "mmol/L");
}

TEST(CalculatorsFromRecord, IonisedCalciumIsPreferredWhenAsRecent) {
  PatientRecord r = Full();
  r.labs.push_back(Lab("2026-10-02", "ionized_calcium", 0.85, "mmol/L", 0.85));
  auto calcs = CalculatorsFromRecord(r, Pack(), D("2026-11-21"));
  const auto& g = std::get<CtcaeGradeResult>(Find(calcs, "ctcae-hypocalcemia")->output.report);
  EXPECT_EQ(g.basis, "ionized_calcium");
  EXPECT_EQ(g.grade, 3);
}

TEST(CalculatorsFromRecord, ListsWhatIsMissing) {
  PatientRecord r;
  r.demographics.sex = Sex::kUnknown;
  r.labs = {Lab("2026-10-02", "calcium", 8.0, "mg/dL", 8.0),
            Lab("2026-09-30", "albumin", 2.5, "g/dL", 2.5)};  // not the same day
  auto calcs = CalculatorsFromRecord(r, Pack(), D("2026-11-21"));
  EXPECT_TRUE(calcs.results.empty());
  const CannotCompute* cg = Missing(calcs, "cockcroft-gault");
  ASSERT_NE(cg, nullptr);
  EXPECT_EQ(cg->missing, (std::vector<std::string>{"creatinine", "weight", "sex", "birth_date"}));
  EXPECT_EQ(Missing(calcs, "corrected-calcium")->missing, std::vector<std::string>{"albumin"});
  EXPECT_EQ(Missing(calcs, "ctcae-hypocalcemia")->missing, std::vector<std::string>{"albumin"});
  EXPECT_EQ(Missing(calcs, "ctcae-neutrophils")->missing, std::vector<std::string>{"neutrophils"});
  EXPECT_EQ(Missing(calcs, "performance-status")->missing, std::vector<std::string>{"performance"});
}

TEST(CalculatorsFromRecord, ValuesOutsideTheCalculatorsRangeGiveAReason) {
  PatientRecord r = Full();
  r.demographics.birth_date = D("2010-01-01");  // 16 at the creatinine date
  auto calcs = CalculatorsFromRecord(r, Pack(), D("2026-11-21"));
  const CannotCompute* cg = Missing(calcs, "cockcroft-gault");
  ASSERT_NE(cg, nullptr);
  EXPECT_TRUE(cg->missing.empty());
  EXPECT_NE(cg->reason.find("age"), std::string::npos);
}

}  // namespace
}  // namespace oncnav
