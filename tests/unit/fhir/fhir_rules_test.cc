// ImportedRecord::rules: each FHIR-* / LAB-* rule is recorded once, and only when the import
// applied it (docs/fhir-mapping.md, "Provenance").
#include <algorithm>
#include <fstream>
#include <sstream>

#include "fhir_test_support.h"

namespace oncnav {
namespace {

using testing::BundleOf;
using testing::Entry;
using testing::ImportText;

bool Has(const ImportedRecord& r, const std::string& id) {
  return std::count(r.rules.begin(), r.rules.end(), id) == 1;
}

ImportedRecord Import(const std::string& resources) {
  auto result = ImportText(BundleOf(resources));
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().ToString());
  return result.ok() ? std::move(result).value() : ImportedRecord{};
}

const char* kPatient = R"({"resourceType":"Patient","id":"p1","birthDate":"1960-01-01"})";

std::string Weight(const std::string& id, double value, const std::string& unit) {
  std::ostringstream s;
  s << R"({"resourceType":"Observation","id":")" << id
    << R"(","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},)"
    << R"("effectiveDateTime":"2025-01-01","valueQuantity":{"value":)" << value << R"(,"code":")"
    << unit << R"("}})";
  return s.str();
}

TEST(FhirRules, EmptyBundleAppliesNoRule) {
  auto r = Import("");
  EXPECT_TRUE(r.rules.empty());
}

TEST(FhirRules, UnitsOnlyWhenConverted) {
  auto canonical = Import(Entry(kPatient) + "," + Entry(Weight("w1", 60, "kg")));
  EXPECT_FALSE(Has(canonical, "FHIR-UNITS"));
  EXPECT_TRUE(Has(canonical, "FHIR-DATE"));
  auto pounds = Import(Entry(kPatient) + "," + Entry(Weight("w1", 132, "[lb_av]")) + "," +
                       Entry(Weight("w2", 133, "[lb_av]")));
  EXPECT_TRUE(Has(pounds, "FHIR-UNITS"));  // twice applied, recorded once
  EXPECT_FALSE(Has(pounds, "FHIR-IMPLAUSIBLE"));
}

TEST(FhirRules, ImplausibleOnlyWhenRejected) {
  auto r = Import(Entry(kPatient) + "," + Entry(Weight("w1", 4000, "kg")));
  EXPECT_TRUE(Has(r, "FHIR-IMPLAUSIBLE"));
  EXPECT_FALSE(r.record.demographics.weight_kg.has_value());
}

TEST(FhirRules, AdministrativeSkipAndUnmappedType) {
  auto r = Import(Entry(R"({"resourceType":"Practitioner","id":"d1"})"));
  EXPECT_EQ(r.rules, std::vector<std::string>{"FHIR-ADMIN-SKIP"});
  auto unused = Import(Entry(R"({"resourceType":"Immunization","id":"i1"})") + "," +
                       Entry(R"({"resourceType":"Immunization","id":"i2"})"));
  EXPECT_EQ(unused.rules, std::vector<std::string>{"FHIR-UNMAPPED"});
  ASSERT_EQ(unused.warnings.size(), 1u);  // grouped, naming the first and the count
  EXPECT_EQ(unused.warnings[0].resource, "Immunization/i1");
  EXPECT_NE(unused.warnings[0].message.find("2 resources"), std::string::npos);
}

TEST(FhirRules, SiteByCodeAndByText) {
  auto by_code = Import(Entry(
      R"({"resourceType":"Condition","id":"m1","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C79.51"}]},"onsetDateTime":"2024-01-01"})"));
  EXPECT_TRUE(Has(by_code, "FHIR-SITE-CODES"));
  EXPECT_FALSE(Has(by_code, "FHIR-SITE-TEXT"));
  // A delimiter other than )" because the display ends in "(disorder)".
  auto by_text = Import(Entry(R"j({"resourceType":"Condition","id":"m1","code":{"coding":[
      {"system":"http://snomed.info/sct","code":"94381002",
       "display":"Secondary malignant neoplasm of liver (disorder)"}]},
      "onsetDateTime":"2024-01-01"})j"));
  EXPECT_TRUE(Has(by_text, "FHIR-SITE-TEXT"));
  EXPECT_FALSE(Has(by_text, "FHIR-SITE-CODES"));
  ASSERT_EQ(by_text.record.metastases.size(), 1u);
  EXPECT_EQ(by_text.record.metastases[0].site, "liver");
}

TEST(FhirRules, RegimenGroupingSettingAndStopReason) {
  auto r = Import(Entry(kPatient) + "," + Entry(R"({"resourceType":"MedicationRequest","id":"m1",
      "status":"stopped","intent":"order",
      "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"200064"}]},
      "statusReason":{"coding":[{"system":"http://snomed.info/sct","code":"266721009"}]},
      "authoredOn":"2024-02-01"})"));
  ASSERT_EQ(r.record.regimens.size(), 1u);
  EXPECT_EQ(r.record.regimens[0].stop_reason, StopReason::kProgression);
  EXPECT_TRUE(Has(r, "FHIR-REGIMEN-GROUP"));
  EXPECT_TRUE(Has(r, "FHIR-REGIMEN-SETTING"));
  EXPECT_TRUE(Has(r, "FHIR-STOP-REASON"));
}

TEST(FhirRules, JennyMRecordsEachRuleOnce) {
  std::ifstream in(testing::McodeExample("Bundle-mcode-patient-bundle-jenny-m.json"));
  std::ostringstream text;
  text << in.rdbuf();
  auto result = ImportText(text.str());
  ASSERT_TRUE(result.ok());
  const auto& rules = result->rules;
  for (const char* id : {"FHIR-MARKER-CODES", "FHIR-PATHOLOGY-GROUP", "FHIR-REGIMEN-GROUP",
                         "FHIR-REGIMEN-SETTING", "FHIR-UNITS", "FHIR-IMPLAUSIBLE", "LAB-PLAUSIBLE",
                         "FHIR-UNMAPPED", "FHIR-ADMIN-SKIP", "FHIR-PROCEDURE-KIND", "FHIR-DATE"}) {
    EXPECT_TRUE(Has(*result, id)) << id;
  }
  EXPECT_FALSE(Has(*result, "FHIR-SITE-CODES"));  // no metastasis
  std::vector<std::string> sorted = rules;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
}

}  // namespace
}  // namespace oncnav
