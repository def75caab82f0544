#include "fhir_test_support.h"

namespace oncnav {
namespace {

using testing::BundleOf;
using testing::Entry;
using testing::FindWarning;
using testing::ImportText;

// One Observation with LOINC `code` and the given value[x] member (`"valueX": ...`).
std::string Obs(const std::string& id, const std::string& code, const std::string& value,
                const std::string& extra = "") {
  return Entry(R"({"resourceType":"Observation","id":")" + id +
               R"(","status":"final","code":{"coding":[{"system":"http://loinc.org","code":")" +
               code + R"("}]},"effectiveDateTime":"2024-02-01")" + extra + "," + value + "}");
}

ImportedRecord ImportOk(const std::string& entries) {
  auto result = ImportText(BundleOf(entries));
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().ToString());
  return result.ok() ? std::move(result).value() : ImportedRecord{};
}

TEST(FhirValueForms, Her2IhcLoincAnswer) {
  auto r = ImportOk(Obs(
      "h", "85319-2",
      R"("valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA11842-4"}]})"));
  ASSERT_EQ(r.record.pathology.size(), 1u);
  EXPECT_EQ(r.record.pathology[0].her2_ihc, Her2Ihc::k2Plus);
}

TEST(FhirValueForms, Her2IhcText) {
  auto r = ImportOk(Obs("h", "85319-2", R"("valueString":"2+")"));
  ASSERT_EQ(r.record.pathology.size(), 1u);
  EXPECT_EQ(r.record.pathology[0].her2_ihc, Her2Ihc::k2Plus);
}

TEST(FhirValueForms, Her2IhcNumber) {
  auto r = ImportOk(Obs("h", "85319-2", R"("valueInteger":1)"));
  ASSERT_EQ(r.record.pathology.size(), 1u);
  EXPECT_EQ(r.record.pathology[0].her2_ihc, Her2Ihc::k1Plus);
  auto zero = ImportOk(Obs("h", "85319-2", R"("valueQuantity":{"value":0})"));
  ASSERT_EQ(zero.record.pathology.size(), 1u);
  EXPECT_EQ(zero.record.pathology[0].her2_ihc, Her2Ihc::k0);
}

TEST(FhirValueForms, Her2IhcOutOfScaleIsWarned) {
  auto r = ImportOk(Obs("h", "85319-2", R"("valueInteger":4)"));
  ASSERT_EQ(r.record.pathology.size(), 1u);
  EXPECT_FALSE(r.record.pathology[0].her2_ihc.has_value());
  const auto* w = FindWarning(r, "Observation/h", "valueInteger");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("HER2 IHC"), std::string::npos) << w->message;
}

TEST(FhirValueForms, SnomedPositiveNegative) {
  auto r = ImportOk(
      Obs("er", "85337-4",
          R"("valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"10828004"}]})") +
      "," +
      Obs("pr", "85339-0",
          R"("valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"260385009"}]})"));
  ASSERT_EQ(r.record.pathology.size(), 1u);  // same date, no specimen: one report
  EXPECT_EQ(r.record.pathology[0].er_status, Presence::kPositive);
  EXPECT_EQ(r.record.pathology[0].pgr_status, Presence::kNegative);
}

TEST(FhirValueForms, TextAnswersAndPercentages) {
  auto r = ImportOk(Obs("er", "85337-4", R"("valueString":"85%")") + "," +
                    Obs("pr", "85325-9", R"("valueQuantity":{"value":5,"unit":"%","code":"%"})") +
                    "," + Obs("her2", "48676-1", R"("valueString":"Positive")") + "," +
                    Obs("ki", "85330-9", R"("valueInteger":30)"));
  ASSERT_EQ(r.record.pathology.size(), 1u);
  const auto& p = r.record.pathology[0];
  EXPECT_EQ(p.er_percent, 85);
  EXPECT_EQ(p.er_status, Presence::kUnknown);
  EXPECT_EQ(p.pgr_percent, 5);
  EXPECT_EQ(p.her2_status, Presence::kPositive);
  EXPECT_EQ(p.ki67_percent, 30);
}

TEST(FhirValueForms, IshRatioFromValueRatioAndBoolean) {
  auto r = ImportOk(Obs("ratio", "49683-6",
                        R"("valueRatio":{"numerator":{"value":4.4},"denominator":{"value":2}})") +
                    "," + Obs("fish", "85318-4", R"("valueBoolean":true)") + "," +
                    Obs("copies", "74860-8", R"("valueQuantity":{"value":6.5})"));
  ASSERT_EQ(r.record.pathology.size(), 1u);
  const auto& p = r.record.pathology[0];
  EXPECT_DOUBLE_EQ(*p.her2_ish_ratio, 2.2);
  EXPECT_EQ(p.ish_probe, IshProbe::kDual);
  EXPECT_DOUBLE_EQ(*p.her2_ish_copies, 6.5);
  EXPECT_EQ(p.her2_status, Presence::kPositive);  // from the ISH call, no other call made
}

TEST(FhirValueForms, SpecimenSeparatesReports) {
  auto r = ImportOk(Obs("er1", "85337-4", R"("valueString":"Positive")",
                        R"(,"specimen":{"reference":"Specimen/primary"})") +
                    "," +
                    Obs("er2", "85337-4", R"("valueString":"Negative")",
                        R"(,"specimen":{"reference":"Specimen/liver-biopsy"})"));
  ASSERT_EQ(r.record.pathology.size(), 2u);
  EXPECT_EQ(r.record.pathology[0].er_status, Presence::kPositive);
  EXPECT_EQ(r.record.pathology[1].er_status, Presence::kNegative);
}

TEST(FhirValueForms, UnsupportedFormIsWarnedNotUsed) {
  auto r = ImportOk(Obs("er", "85337-4", R"("valuePeriod":{"start":"2020-01-01"})"));
  ASSERT_EQ(r.record.pathology.size(), 1u);
  EXPECT_EQ(r.record.pathology[0].er_status, Presence::kUnknown);
  const auto* w = FindWarning(r, "Observation/er", "valuePeriod");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("not used"), std::string::npos);
}

TEST(FhirValueForms, LabUnitConversionAndUnknownUnit) {
  auto r = ImportOk(
      Obs("cr", "2160-0", R"("valueQuantity":{"value":88.4,"unit":"umol/L","code":"umol/L"})") +
      "," + Obs("ca", "17861-6", R"("valueQuantity":{"value":2.5,"unit":"mEq/L","code":"meq/L"})"));
  ASSERT_EQ(r.record.labs.size(), 1u);
  EXPECT_EQ(r.record.labs[0].test, "creatinine");
  EXPECT_NEAR(r.record.labs[0].value, 1.0, 1e-3);
  EXPECT_EQ(r.record.labs[0].original_unit, "umol/L");
  const auto* w = FindWarning(r, "Observation/ca", "valueQuantity");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("meq/L"), std::string::npos) << w->message;
}

TEST(FhirValueForms, TumorMarkersAndPdL1) {
  auto r = ImportOk(
      Obs("ca", "6875-9", R"("valueQuantity":{"value":48,"unit":"U/mL","code":"U/mL"})") + "," +
      Obs("cea", "2039-6", R"("valueQuantity":{"value":3.1,"unit":"ng/mL","code":"ng/mL"})") + "," +
      Obs("pd", "83052-1", R"("valueQuantity":{"value":12,"unit":"CPS","code":"{CPS}"})") + "," +
      Obs("pd2", "83057-0", R"("valueQuantity":{"value":1,"unit":"%","code":"%"})"));
  ASSERT_EQ(r.record.tumor_markers.size(), 2u);
  EXPECT_EQ(r.record.tumor_markers[0].marker, "CA15-3");
  EXPECT_EQ(r.record.tumor_markers[1].marker, "CEA");
  ASSERT_EQ(r.record.pdl1.size(), 1u);
  EXPECT_EQ(r.record.pdl1[0].assay, "22C3");
  EXPECT_EQ(r.record.pdl1[0].score_type, "CPS");
  EXPECT_NE(FindWarning(r, "Observation/pd2"), nullptr);  // scale not stated: never guessed
}

TEST(FhirValueForms, MetastaticSitesFromIcd10) {
  auto cond = [](const std::string& id, const std::string& code, const std::string& date) {
    return Entry(R"({"resourceType":"Condition","id":")" + id +
                 R"(","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":")" +
                 code + R"("}]},"onsetDateTime":")" + date + R"("})");
  };
  auto r = ImportOk(cond("b", "C79.51", "2023-01-10") + "," + cond("l", "C78.7", "2023-03-01") +
                    "," + cond("n", "C77.3", "2023-01-10") + "," +
                    cond("o", "C79.89", "2023-04-01") + "," + cond("p", "C50.912", "2015-06-01"));
  ASSERT_EQ(r.record.metastases.size(), 3u);
  EXPECT_EQ(r.record.metastases[0].site, "bone");
  EXPECT_EQ(r.record.metastases[0].date, Date::FromYmd(2023, 1, 10));
  EXPECT_EQ(r.record.metastases[1].site, "liver");
  EXPECT_EQ(r.record.metastases[2].site, "other");
  ASSERT_NE(FindWarning(r, "Condition/n", "code"), nullptr);  // regional or distant: unknown
  ASSERT_TRUE(r.record.primary.has_value());
  EXPECT_EQ(r.record.primary->diagnosis_date, Date::FromYmd(2015, 6, 1));
}

TEST(FhirValueForms, RegimenGroupingSettingAndStopReason) {
  auto med = [](const std::string& id, const std::string& name, const std::string& date,
                const std::string& status, const std::string& reason = "") {
    return Entry(
        R"({"resourceType":"MedicationAdministration","id":")" + id + R"(","status":")" + status +
        R"(","medicationCodeableConcept":{"text":")" + name + R"("},"effectiveDateTime":")" + date +
        R"(")" +
        (reason.empty()
             ? ""
             : R"(,"statusReason":[{"coding":[{"system":"http://snomed.info/sct","code":")" +
                   reason + R"("}]}])") +
        "}");
  };
  auto r = ImportOk(
      Entry(
          R"({"resourceType":"Condition","id":"m","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C79.51"}]},"onsetDateTime":"2023-01-10"})") +
      "," + med("a1", "Letrozole 2.5 MG Oral Tablet", "2023-01-20", "completed") + "," +
      med("a2", "Ibrance", "2023-02-01", "completed") + "," +
      med("a3", "letrozole", "2023-04-15", "stopped", "266721009") + "," +
      med("a4", "Paclitaxel 100 MG Injection", "2023-09-01", "completed") + "," +
      med("a5", "Mystery drug 5 MG", "2023-09-01", "completed"));
  ASSERT_EQ(r.record.regimens.size(), 2u);
  const auto& first = r.record.regimens[0];
  EXPECT_EQ(first.drugs, (std::vector<std::string>{"letrozole", "palbociclib"}));
  EXPECT_EQ(first.setting, Setting::kMetastatic);
  EXPECT_EQ(first.start, Date::FromYmd(2023, 1, 20));
  EXPECT_EQ(first.stop, Date::FromYmd(2023, 4, 15));
  EXPECT_EQ(first.stop_reason, StopReason::kProgression);
  EXPECT_EQ(r.record.regimens[1].drugs, std::vector<std::string>{"paclitaxel"});
  EXPECT_EQ(r.record.regimens[1].stop_reason, StopReason::kCompleted);
  const auto* w = FindWarning(r, "MedicationAdministration/a5", "medicationCodeableConcept");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("Mystery drug"), std::string::npos);
}

TEST(FhirValueForms, UnknownClinicalTypeWarnedOncePerType) {
  auto r = ImportOk(Entry(R"({"resourceType":"Immunization","id":"i1"})") + "," +
                    Entry(R"({"resourceType":"Immunization","id":"i2"})") + "," +
                    Entry(R"({"resourceType":"Encounter","id":"e1"})"));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].resource, "Immunization/i1");
  EXPECT_EQ(r.warnings[0].element, "resourceType");
  EXPECT_NE(r.warnings[0].message.find("2 resources"), std::string::npos) << r.warnings[0].message;
}

TEST(FhirValueForms, ResourceOfAnotherPatientIsNotUsed) {
  auto r = ImportOk(
      Entry(R"({"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1960-01-01"})") +
      "," +
      Obs("w", "29463-7", R"("valueQuantity":{"value":60,"unit":"kg","code":"kg"})",
          R"(,"subject":{"reference":"Patient/p2"})"));
  EXPECT_FALSE(r.record.demographics.weight_kg.has_value());
  EXPECT_NE(FindWarning(r, "Observation/w", "subject"), nullptr);
}

}  // namespace
}  // namespace oncnav
