#include <fstream>
#include <sstream>

#include "fhir_test_support.h"

namespace oncnav {
namespace {

using testing::FindWarning;

class FhirJennyM : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(testing::McodeExample("Bundle-mcode-patient-bundle-jenny-m.json"));
    std::ostringstream text;
    text << in.rdbuf();
    auto result = testing::ImportText(text.str());
    ASSERT_TRUE(result.ok()) << result.error().ToString();
    imported_ = std::move(result).value();
  }
  ImportedRecord imported_;
};

TEST_F(FhirJennyM, Demographics) {
  const auto& demo = imported_.record.demographics;
  EXPECT_EQ(imported_.format, "fhir");
  EXPECT_EQ(demo.id, "cancer-patient-jenny-m");
  EXPECT_EQ(demo.sex, Sex::kFemale);
  EXPECT_EQ(demo.birth_date, Date::FromYmd(1965, 1, 1));
  ASSERT_TRUE(demo.weight_kg.has_value());
  EXPECT_NEAR(*demo.weight_kg, 155 * 0.45359237, 1e-9);  // 155 [lb_av]
  EXPECT_EQ(demo.menopausal_status, MenopausalStatus::kUnknown);
}

TEST_F(FhirJennyM, ReceptorsFromTumorMarkerTests) {
  ASSERT_EQ(imported_.record.pathology.size(), 1u);  // ER, PgR and HER2 share one specimen
  const auto& report = imported_.record.pathology[0];
  EXPECT_EQ(report.date, Date::FromYmd(2018, 3, 10));
  EXPECT_EQ(report.er_status, Presence::kPositive);
  EXPECT_EQ(report.pgr_status, Presence::kNegative);
  EXPECT_EQ(report.her2_status, Presence::kNegative);
  EXPECT_FALSE(report.her2_ihc.has_value());  // a reported call is never turned into a score
  EXPECT_FALSE(report.er_percent.has_value());
}

TEST_F(FhirJennyM, PrimaryCancerAndNoMetastases) {
  const auto& record = imported_.record;
  EXPECT_TRUE(record.metastases.empty());
  ASSERT_TRUE(record.primary.has_value());
  EXPECT_EQ(record.primary->diagnosis_date, Date::FromYmd(2018, 3, 16));
  EXPECT_EQ(record.primary->histology, "Infiltrating duct carcinoma");
  EXPECT_EQ(record.primary->laterality, "left");
  EXPECT_FALSE(record.primary->stage.empty());
}

TEST_F(FhirJennyM, ImplausibleNeutrophilsAreReportedAndNotUsed) {
  const auto* w = FindWarning(imported_, "Observation/us-core-observation-lab-neutrophils-jenny-m");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->element, "valueQuantity");
  EXPECT_NE(w->message.find("3000"), std::string::npos) << w->message;
  EXPECT_NE(w->message.find("plausible"), std::string::npos) << w->message;
  for (const auto& lab : imported_.record.labs) EXPECT_NE(lab.test, "neutrophils");
}

TEST_F(FhirJennyM, AdjuvantRegimensFromMedicationRequests) {
  const auto& regimens = imported_.record.regimens;
  ASSERT_EQ(regimens.size(), 2u);
  EXPECT_EQ(regimens[0].drugs,
            (std::vector<std::string>{"cyclophosphamide", "doxorubicin", "paclitaxel"}));
  EXPECT_EQ(regimens[0].setting, Setting::kAdjuvant);  // starts with the surgery, not before
  EXPECT_EQ(regimens[0].start, Date::FromYmd(2018, 4, 1));
  EXPECT_EQ(regimens[1].drugs, std::vector<std::string>{"anastrozole"});
  EXPECT_EQ(regimens[1].start, Date::FromYmd(2018, 9, 30));
  EXPECT_FALSE(regimens[1].stop.has_value());  // still active
}

TEST_F(FhirJennyM, ProceduresPerformanceAndUnmappedObservations) {
  const auto& record = imported_.record;
  bool surgery = false, radiotherapy = false, biopsy = false;
  for (const auto& p : record.procedures) {
    surgery |= p.kind == ProcedureKind::kSurgery;
    radiotherapy |= p.kind == ProcedureKind::kRadiotherapy;
    biopsy |= p.kind == ProcedureKind::kBiopsy;
  }
  EXPECT_TRUE(surgery);
  EXPECT_TRUE(radiotherapy);
  EXPECT_TRUE(biopsy);
  ASSERT_EQ(record.performance.size(), 1u);
  EXPECT_EQ(record.performance[0].scale, PerformanceScale::kEcog);
  EXPECT_EQ(record.performance[0].value, 0);
  // Clinical content oncnav does not use is reported, never dropped silently.
  EXPECT_NE(FindWarning(imported_, "Observation/us-core-smokingstatus-jenny-m", "code"), nullptr);
  EXPECT_NE(FindWarning(imported_, "Observation/cancer-disease-status-jenny-m"), nullptr);
  EXPECT_NE(FindWarning(imported_, "Observation/tumor-size-jenny-m", "specimen"), nullptr);
  // Administrative resources are skipped without a warning.
  EXPECT_EQ(FindWarning(imported_, "Practitioner/us-core-practitioner-owen-oncologist"), nullptr);
}

TEST_F(FhirJennyM, PalbVariantIsSomatic) {
  ASSERT_EQ(imported_.record.variants.size(), 1u);
  EXPECT_EQ(imported_.record.variants[0].gene, "PALB2");
  EXPECT_TRUE(imported_.record.variants[0].detected);
  EXPECT_TRUE(imported_.record.germline.empty());
}

}  // namespace
}  // namespace oncnav
