// FHIR export: every native example exported and imported again gives back the record in
// every field the mapping carries (FhirCarriedRecord lists the losses, docs/fhir-mapping.md),
// with no import warning but the documented ones; the codes written are the codes read.
#include "oncnav/fhir/export/bundle_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "fhir_roundtrip_support.h"
#include "fhir_test_support.h"
#include "oncnav/fhir/export/export_codes.h"
#include "oncnav/record/load_record.h"
#include "oncnav/record/native_writer.h"

namespace oncnav {
namespace {

namespace fs = std::filesystem;
namespace ec = fhir::exportcodes;
using testing::AsOf;
using testing::Pack;

std::vector<fs::path> NativeExamples() {
  std::vector<fs::path> out;
  for (const auto& item : fs::directory_iterator(fs::path(ONCNAV_SOURCE_DIR) / "examples/native")) {
    if (item.path().extension() == ".json") out.push_back(item.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FhirExport, EveryNativeExampleRoundTrips) {
  auto examples = NativeExamples();
  ASSERT_GE(examples.size(), 6u);
  fs::path dir = fs::path(ONCNAV_TEST_OUTPUT_DIR) / "fhir-export";
  fs::create_directories(dir);
  for (const auto& path : examples) {
    auto loaded = LoadRecordFile(path.string(), Pack(), AsOf());
    ASSERT_TRUE(loaded.ok()) << path;
    testing::RoundTrip rt = testing::RunRoundTrip(loaded->record);
    EXPECT_EQ(rt.difference, "") << path.filename();
    for (const auto& w : rt.warnings) {
      // C77.9 names lymph nodes without saying regional or distant (docs/fhir-mapping.md).
      bool documented =
          w.element == "code" && w.message.find("regional or distant") != std::string::npos;
      EXPECT_TRUE(documented) << path.filename() << ": " << w.resource << " " << w.element << ": "
                              << w.message;
    }
    // For the JSON Schema oracle (tests/oracle/validate_fhir.mjs, run by scripts/test.sh).
    std::ofstream(dir / path.filename()) << rt.bundle.dump(1) << '\n';
  }
}

TEST(FhirExport, TheSameRecordGivesTheSameBytes) {
  auto loaded = LoadRecordFile(NativeExamples().front().string(), Pack(), AsOf());
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(ExportFhirBundle(loaded->record, Pack()).dump(),
            ExportFhirBundle(loaded->record, Pack()).dump());
}

TEST(FhirExport, BundleIsACollectionWithValidUniqueIds) {
  auto loaded = LoadRecordFile(
      (fs::path(ONCNAV_SOURCE_DIR) / "examples/native/typical-long-history.json").string(), Pack(),
      AsOf());
  ASSERT_TRUE(loaded.ok());
  auto bundle = ExportFhirBundle(loaded->record, Pack());
  EXPECT_EQ(bundle["resourceType"], "Bundle");
  EXPECT_EQ(bundle["type"], "collection");
  const std::regex id_pattern("[A-Za-z0-9\\-\\.]{1,64}");
  std::set<std::string> urls;
  for (const auto& entry : bundle["entry"]) {
    const auto& resource = entry["resource"];
    std::string id = resource["id"];
    EXPECT_TRUE(std::regex_match(id, id_pattern)) << id;
    EXPECT_TRUE(urls.insert(entry["fullUrl"].get<std::string>()).second) << entry["fullUrl"];
    std::string type = resource["resourceType"];
    EXPECT_EQ(entry["fullUrl"], std::string(ec::kBaseUrl) + type + "/" + id);
  }
  EXPECT_GT(urls.size(), 100u);
}

TEST(FhirExport, LongAndOddPatientIdsBecomeValidFhirIds) {
  PatientRecord r;
  r.demographics.id = std::string(80, 'x') + " / ünïcode";
  r.labs.push_back({Date::FromYmd(2025, 1, 1), "creatinine", 1, "mg/dL", 1, "mg/dL"});
  auto bundle = ExportFhirBundle(r, Pack());
  const std::regex id_pattern("[A-Za-z0-9\\-\\.]{1,64}");
  for (const auto& entry : bundle["entry"]) {
    std::string id = entry["resource"]["id"];
    EXPECT_TRUE(std::regex_match(id, id_pattern)) << id;
  }
  EXPECT_EQ(FhirCarriedRecord(r, Pack()).demographics.id, std::string(64, 'x'));
}

// Every code the export writes is one the import maps to the intended concept.
TEST(FhirExport, CodesWrittenAreCodesRead) {
  const CodeMap& codes = Pack().codes;
  auto expect = [&](CodeTable table, std::string_view system, const ec::Code& code,
                    std::string_view concept_name) {
    EXPECT_EQ(codes.Lookup(table, system, code.code), concept_name) << code.code;
  };
  expect(CodeTable::kPrimaryCancer, ec::kSnomed, ec::kPrimaryLeft, "breast");
  expect(CodeTable::kPrimaryCancer, ec::kSnomed, ec::kPrimaryBreast, "breast");
  expect(CodeTable::kLaterality, ec::kSnomed, ec::kLeft, "left");
  expect(CodeTable::kLaterality, ec::kSnomed, ec::kRight, "right");
  expect(CodeTable::kLaterality, ec::kSnomed, ec::kBilateral, "bilateral");
  expect(CodeTable::kConfirmation, ec::kSnomed, ec::kImagingEvidence, "imaging");
  expect(CodeTable::kConfirmation, ec::kSnomed, ec::kClinicalEvidence, "clinical");
  for (const auto& s : ec::kMetastasisCodes) {
    std::string_view want = s.site == "distant_lymph_node" ? "ambiguous_lymph_node" : s.site;
    expect(CodeTable::kMetastaticSite, ec::kIcd10Cm, s.icd10cm, want);
  }
  expect(CodeTable::kObservation, ec::kLoinc, ec::kErPercent, "er_percent");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kPgrPercent, "pgr_percent");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kKi67, "ki67");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kErPresence, "er_presence");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kPgrPresence, "pgr_presence");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kHer2Status, "her2_status");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kHer2Ihc, "her2_ihc");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kIshRatio, "her2_ish_ratio");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kIshCopies, "her2_ish_copies");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kPdl122c3, "pdl1_22c3");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kPdl1Sp142, "pdl1_sp142");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kCa153, "ca15_3");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kCa2729, "ca27_29");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kCea, "cea");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kBodyWeight, "body_weight");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kBodyHeight, "body_height");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kEcog, "ecog");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kKarnofsky, "karnofsky");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kTumorSize, "tumor_size");
  expect(CodeTable::kObservation, ec::kLoinc, ec::kVariant, "genomic_variant");
  expect(CodeTable::kComponent, ec::kLoinc, ec::kLongestDimension, "longest_dimension");
  expect(CodeTable::kComponent, ec::kLoinc, ec::kGeneStudied, "gene_studied");
  expect(CodeTable::kComponent, ec::kLoinc, ec::kHgvsProtein, "hgvs_protein");
  expect(CodeTable::kComponent, ec::kLoinc, ec::kGenomicSource, "genomic_source");
  expect(CodeTable::kComponent, ec::kLoinc, ec::kSignificance, "clinical_significance");
  expect(CodeTable::kAnswer, ec::kLoinc, ec::kPositive, "positive");
  expect(CodeTable::kAnswer, ec::kLoinc, ec::kNegative, "negative");
  const char* ihc[] = {"ihc_0", "ihc_1", "ihc_2", "ihc_3"};
  for (size_t i = 0; i < ec::kIhcAnswers.size(); ++i) {
    expect(CodeTable::kAnswer, ec::kLoinc, ec::kIhcAnswers[i], ihc[i]);
  }
  expect(CodeTable::kAnswer, ec::kLoinc, ec::kPresent, "present");
  expect(CodeTable::kAnswer, ec::kLoinc, ec::kAbsent, "absent");
  expect(CodeTable::kAnswer, ec::kLoinc, ec::kGermline, "germline");
  expect(CodeTable::kAnswer, ec::kLoinc, ec::kSomatic, "somatic");
  expect(CodeTable::kAnswer, ec::kLoinc, ec::kUncertain, "uncertain_significance");
  expect(CodeTable::kStopReason, ec::kSnomed, ec::kNoResponse, "progression");
  expect(CodeTable::kStopReason, ec::kSnomed, ec::kNotTolerated, "toxicity");
  expect(CodeTable::kStopReason, ec::kSnomed, ec::kRefused, "patient_choice");
  expect(CodeTable::kIntent, ec::kSnomed, ec::kCurative, "curative");
  expect(CodeTable::kIntent, ec::kSnomed, ec::kPalliative, "palliative");
  expect(CodeTable::kIntent, ec::kSnomed, ec::kSupportive, "supportive");
  expect(CodeTable::kProcedure, ec::kSnomed, ec::kLumpectomy, "surgery");
  expect(CodeTable::kProcedure, ec::kSnomed, ec::kBreastExcision, "surgery");
  expect(CodeTable::kProcedure, ec::kSnomed, ec::kRadiotherapy, "radiotherapy");
  for (const auto& [name, code] : ec::kImagingMethods) {
    expect(CodeTable::kImagingMethod, ec::kSnomed, code, name);
  }
  for (const auto& c : ec::kRxNormIngredients) {
    const Drug* d = Pack().drugs.FindByRxNorm(c.code);
    ASSERT_NE(d, nullptr) << c.code;
    EXPECT_EQ(d->inn, c.display);
  }
  for (const auto& test : Pack().labs.tests()) {
    EXPECT_EQ(Pack().labs.FindByLoinc(test.loinc.front()), &test) << test.id;
  }
}

TEST(FhirExport, ProcedureTextNamesTheKindWhenNoCodeDoes) {
  Procedure p;
  p.kind = ProcedureKind::kDentalExamination;
  p.description = "before denosumab";
  EXPECT_EQ(ExportedProcedureText(p), "dental examination: before denosumab");
  p.description = "dental examination before denosumab";
  EXPECT_EQ(ExportedProcedureText(p), "dental examination before denosumab");
  p.kind = ProcedureKind::kBiopsy;
  p.description = "liver core";
  EXPECT_EQ(ExportedProcedureText(p), "biopsy: liver core");
  p.kind = ProcedureKind::kRadiotherapy;
  p.description = "";
  EXPECT_EQ(ExportedProcedureText(p), "radiotherapy");
}

TEST(FhirExport, CarriedRecordStatesTheLosses) {
  auto loaded = LoadRecordFile((fs::path(ONCNAV_SOURCE_DIR) /
                                "examples/native/her2-positive-brain-metastases-third-line.json")
                                   .string(),
                               Pack(), AsOf());
  ASSERT_TRUE(loaded.ok());
  PatientRecord carried = FhirCarriedRecord(loaded->record, Pack());
  EXPECT_EQ(carried.demographics.menopausal_status, MenopausalStatus::kUnknown);
  EXPECT_TRUE(carried.goals.statement.empty());
  for (const auto& scan : carried.imaging) {
    EXPECT_FALSE(scan.baseline);
    for (const auto& lesion : scan.lesions) {
      EXPECT_EQ(lesion.role, LesionRole::kNonTarget);
      EXPECT_FALSE(lesion.previously_irradiated);
      EXPECT_TRUE(lesion.diameter_mm.has_value());
    }
  }
  for (const auto& r : carried.regimens) {
    EXPECT_TRUE(r.id.empty());
    EXPECT_TRUE(r.best_response.empty());
  }
}

}  // namespace
}  // namespace oncnav
