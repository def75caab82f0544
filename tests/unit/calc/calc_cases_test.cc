// The calculator cases (tests/calc_cases) through the library, and the check that every rule of
// calculators.json fires in one of them (the vignette coverage check leaves these rules here).
#include "../../calc_cases/calc_cases.h"

#include <set>

#include "calc_test_support.h"
#include "oncnav/calc/calc_request.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/calc_json.h"

namespace oncnav {
namespace {

using calc_cases::CalcCase;
using calc_test::Pack;

// Runs one case as `oncnav calc` would and returns its JSON, or the errors.
Result<nlohmann::json> RunCase(const CalcCase& c, std::vector<std::string>& rules) {
  if (c.calculator == "record") {
    auto as_of = *Date::Parse(c.spec["as_of"].get<std::string>());
    auto record = LoadRecordFile(
        std::string(ONCNAV_SOURCE_DIR) + "/" + c.spec["patient_file"].get<std::string>(), Pack(),
        as_of);
    if (!record) return record.errors();
    auto calcs = CalculatorsFromRecord(record->record, Pack(), as_of);
    rules = calcs.rules;
    Json j;
    j["calculators"] = RecordCalculationsToJson(calcs, Pack(), "en");
    j["provenance"] = ProvenanceToJson(calcs.rules, Pack());
    return nlohmann::json::parse(j.dump());
  }
  CalcFields fields;
  for (const auto& [k, v] : c.spec["fields"].items()) fields[k] = v.get<std::string>();
  auto out = RunCalculator(c.calculator, fields, Pack());
  if (!out) return out.errors();
  rules = TraceOf(out->report).rules;
  Json j = CalcOutputToJson(*out, Pack(), "en");
  j["provenance"] = ProvenanceToJson(rules, Pack());
  return nlohmann::json::parse(j.dump());
}

const std::vector<CalcCase>& Cases() {
  static const auto cases = calc_cases::ReadCases(ONCNAV_SOURCE_DIR);
  return cases;
}

TEST(CalcCases, ThroughTheLibrary) {
  ASSERT_FALSE(Cases().empty());
  for (const auto& c : Cases()) {
    std::vector<std::string> rules;
    auto out = RunCase(c, rules);
    if (c.spec.contains("expect_error")) {
      ASSERT_FALSE(out.ok()) << c.Where() << ": expected an error";
      const auto& want = c.spec["expect_error"];
      bool found = false;
      for (const auto& e : out.errors()) {
        found |= std::string(Describe(e.code).name) == want["code"] && e.field == want["field"];
      }
      EXPECT_TRUE(found) << c.Where() << ": got " << calc_test::Describe(out.errors());
      continue;
    }
    ASSERT_TRUE(out.ok()) << c.Where() << ": " << calc_test::Describe(out.errors());
    calc_cases::CheckExpectations(*out, c);
  }
}

TEST(CalcCoverage, EveryCalculatorRuleFiresInACase) {
  std::set<std::string> fired;
  for (const auto& c : Cases()) {
    std::vector<std::string> rules;
    if (RunCase(c, rules).ok()) fired.insert(rules.begin(), rules.end());
  }
  std::string missing;
  for (const auto& [id, rule] : Pack().rules) {
    if (rule.file == "calculators.json" && !fired.count(id)) missing += "\n  " + id;
  }
  EXPECT_TRUE(missing.empty()) << "calculator rules that fire in no case:" << missing;
}

}  // namespace
}  // namespace oncnav
