// Running calculators from text fields (what the CLI and later a form or API give): names,
// unknown fields, unparsable numbers, and every calculator reachable by name.
#include "oncnav/calc/calc_request.h"

#include "calc_test_support.h"

namespace oncnav {
namespace {

using calc_test::HasError;
using calc_test::Pack;

TEST(CalcRequest, EveryCalculatorRunsFromFields) {
  const std::map<std::string, CalcFields> examples = {
      {"cockcroft-gault",
       {{"age", "45"},
        {"sex", "female"},
        {"weight", "60"},
        {"creatinine", "0.9"},
        {"creatinine-unit", "mg/dL"}}},
      {"corrected-calcium",
       {{"calcium", "8.0"},
        {"calcium-unit", "mg/dL"},
        {"albumin", "2.5"},
        {"albumin-unit", "g/dL"}}},
      {"ctcae-hypocalcemia", {{"corrected-calcium", "7.5"}, {"calcium-unit", "mg/dL"}}},
      {"ctcae-hypercalcemia",
       {{"corrected-calcium", "12.6"}, {"calcium-unit", "mg/dL"}, {"uln", "10.5"}}},
      {"ctcae-creatinine", {{"creatinine", "2.0"}, {"creatinine-unit", "mg/dL"}, {"uln", "1.0"}}},
      {"ctcae-neutrophils", {{"neutrophils", "800"}, {"neutrophils-unit", "/mm3"}}},
      {"mirels",
       {{"site", "peritrochanteric"},
        {"pain", "mild"},
        {"lesion", "lytic"},
        {"size", "over-two-thirds"}}},
      {"sins",
       {{"level", "T12"},
        {"pain", "mechanical"},
        {"lesion", "lytic"},
        {"alignment", "normal"},
        {"collapse", "under-half"},
        {"posterolateral", "unilateral"}}},
      {"bilsky", {{"grade", "1c"}}},
      {"tokuhashi",
       {{"kps", "80"},
        {"extraspinal-bone-mets", "0"},
        {"vertebral-mets", "1"},
        {"organ-mets", "none"},
        {"frankel", "E"}}},
      {"katagiri",
       {{"primary", "breast-hormone-dependent"},
        {"visceral", "none"},
        {"lab", "normal"},
        {"ecog", "1"},
        {"previous-chemotherapy", "no"},
        {"multiple-bone-mets", "yes"}}},
      {"performance-status", {{"ecog", "2"}}},
  };
  ASSERT_EQ(examples.size(), Calculators().size()) << "an example per calculator";
  for (const auto& info : Calculators()) {
    auto it = examples.find(info.name);
    ASSERT_NE(it, examples.end()) << info.name;
    auto out = RunCalculator(info.name, it->second, Pack());
    ASSERT_TRUE(out.ok()) << info.name << ": " << calc_test::Describe(out.errors());
    EXPECT_EQ(out->calculator, info.name);
    EXPECT_FALSE(TraceOf(out->report).rules.empty()) << info.name;
  }
}

TEST(CalcRequest, UnknownCalculatorAndFieldsAreUsageErrors) {
  auto name = RunCalculator("apgar", {}, Pack());
  ASSERT_FALSE(name.ok());
  EXPECT_EQ(name.error().code, ErrorCode::kUsage);
  EXPECT_TRUE(HasError(name.errors(), "calculator", "cockcroft-gault"));
  auto field = RunCalculator("bilsky", {{"grade", "2"}, {"colour", "red"}}, Pack());
  ASSERT_FALSE(field.ok());
  EXPECT_TRUE(HasError(field.errors(), "colour", "is not a field of bilsky"));
}

TEST(CalcRequest, UnparsableValuesNameTheirField) {
  auto r = RunCalculator("cockcroft-gault",
                         {{"age", "forty"},
                          {"sex", "f"},
                          {"weight", "60kg"},
                          {"creatinine", "0.9"},
                          {"creatinine-unit", "mg/dL"},
                          {"round-creatinine", "maybe"}},
                         Pack());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(HasError(r.errors(), "age", "'forty' is not a number"));
  EXPECT_TRUE(HasError(r.errors(), "sex", "female or male"));
  EXPECT_TRUE(HasError(r.errors(), "weight", "'60kg' is not a number"));
  EXPECT_TRUE(HasError(r.errors(), "round-creatinine", "yes or no"));
  // A field that did not parse is reported once, not again as missing.
  int age_errors = 0;
  for (const auto& e : r.errors()) age_errors += e.field == "age" ? 1 : 0;
  EXPECT_EQ(age_errors, 1);
}

TEST(CalcRequest, UnitWithoutValueAndValueWithoutUnit) {
  auto unit_only = RunCalculator("ctcae-neutrophils", {{"neutrophils-unit", "/mm3"}}, Pack());
  ASSERT_FALSE(unit_only.ok());
  EXPECT_TRUE(HasError(unit_only.errors(), "neutrophils-unit", "without neutrophils"));
  auto value_only = RunCalculator("ctcae-neutrophils", {{"neutrophils", "800"}}, Pack());
  ASSERT_FALSE(value_only.ok());
  EXPECT_TRUE(HasError(value_only.errors(), "neutrophils-unit", "is required"));
}

}  // namespace
}  // namespace oncnav
