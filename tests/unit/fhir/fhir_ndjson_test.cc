#include <algorithm>

#include "fhir_test_support.h"
#include "oncnav/fhir/ndjson_import.h"

namespace oncnav {
namespace {

const std::string kBulkDir =
    std::string(ONCNAV_SHARED_DATA_DIR) + "/bulk-fhir-10-patients/10-patients";

TEST(FhirNdjson, BulkExportImportsEveryPatient) {
  auto result = ImportNdjsonDirectory(kBulkDir, testing::Pack(), testing::AsOf());
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_GE(result->size(), 10u);
  for (const auto& r : *result) {
    EXPECT_EQ(r.format, "fhir");
    EXPECT_FALSE(r.record.demographics.id.empty());
  }
  // The one breast-cancer patient: HER2 tests (recorded as procedures in this export, which
  // has no Observation file) and chemotherapy.
  auto breast = std::find_if(result->begin(), result->end(),
                             [](const ImportedRecord& r) { return r.record.primary.has_value(); });
  ASSERT_NE(breast, result->end());
  EXPECT_EQ(breast->record.demographics.id, "129c6ac7-8d06-89de-ad63-0204a93e76c3");
  EXPECT_EQ(breast->record.primary->diagnosis_date, Date::FromYmd(1989, 4, 10));
  int her2_tests = 0;
  for (const auto& p : breast->record.procedures) {
    if (p.description.find("Human epidermal growth factor receptor 2") != std::string::npos) {
      ++her2_tests;
    }
  }
  EXPECT_EQ(her2_tests, 2);
  ASSERT_FALSE(breast->record.regimens.empty());
  bool paclitaxel = false;
  for (const auto& regimen : breast->record.regimens) {
    paclitaxel |=
        std::find(regimen.drugs.begin(), regimen.drugs.end(), "paclitaxel") != regimen.drugs.end();
    EXPECT_TRUE(regimen.start.has_value());
  }
  EXPECT_TRUE(paclitaxel);
  // Medications outside the catalogue are reported once per medication, not per order.
  int acetaminophen = 0;
  for (const auto& w : breast->warnings) {
    if (w.message.find("Acetaminophen 325 MG Oral Tablet") != std::string::npos) ++acetaminophen;
  }
  EXPECT_EQ(acetaminophen, 1);
}

TEST(FhirNdjson, MissingDirectoryIsFileNotFound) {
  auto result = ImportNdjsonDirectory("/nonexistent/export", testing::Pack(), testing::AsOf());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kFileNotFound);
  EXPECT_EQ(result.error().field, "/nonexistent/export");
}

}  // namespace
}  // namespace oncnav
