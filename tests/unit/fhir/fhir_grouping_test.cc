// Whole-record steps of the FHIR import: tumour sizes grouped per scan (FHIR-IMAGING-GROUP),
// regimens from drug exposures (FHIR-REGIMEN-GROUP) and the specimen kind of a pathology report
// (FHIR-SPECIMEN-KIND). The demo bundles exercise the same rules end to end
// (examples_roundtrip_test.cc); these cases pin the encodings the demos do not use.
#include <algorithm>
#include <string>
#include <vector>

#include "fhir_test_support.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

using testing::BundleOf;
using testing::Entry;
using testing::ImportText;

ImportedRecord Import(const std::vector<std::string>& resources) {
  std::string joined = Entry(R"({"resourceType":"Patient","id":"p1","birthDate":"1960-01-01"})");
  for (const auto& r : resources) joined += Cat({",", Entry(r)});
  auto result = ImportText(BundleOf(joined));
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().ToString());
  return result.ok() ? std::move(result).value() : ImportedRecord{};
}

bool Has(const ImportedRecord& r, const std::string& id) {
  return std::count(r.rules.begin(), r.rules.end(), id) == 1;
}

std::string TumorSize(const std::string& id, const std::string& date, double mm,
                      const std::string& extra) {
  return Cat(
      {R"({"resourceType":"Observation","id":")", id,
       R"(","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"21889-1"}]},)",
       R"("effectiveDateTime":")", date,
       R"(","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"33728-7"}]},)",
       R"("valueQuantity":{"value":)", std::to_string(mm), R"(,"unit":"mm","code":"mm"}}])", extra,
       "}"});
}

const char* kCt = R"(,"method":{"coding":[{"system":"http://snomed.info/sct","code":"77477000"}]})";

TEST(FhirImagingGroup, OneAssessmentPerScanWithStableLesionIds) {
  auto r = Import({
      R"({"resourceType":"BodyStructure","id":"t1","identifier":[{"value":"L1"}],
          "location":{"text":"liver"}})",
      TumorSize("a", "2025-01-10", 30,
                std::string(kCt) + R"(,"focus":[{"reference":"BodyStructure/t1"}])"),
      TumorSize("b", "2025-01-10", 15, Cat({kCt, R"(,"bodySite":{"text":"lung"})"})),
      TumorSize("c", "2025-01-10", 12, Cat({kCt, R"(,"bodySite":{"text":"lung"})"})),
      TumorSize("d", "2025-04-10", 25,
                std::string(kCt) + R"(,"focus":[{"reference":"BodyStructure/t1"}])"),
      TumorSize("e", "2025-04-10", 14, R"(,"bodySite":{"text":"lung"})"),
      // Same day, another method: another scan.
      TumorSize(
          "f", "2025-04-10", 9,
          R"(,"method":{"coding":[{"system":"http://snomed.info/sct","code":"113091000"}]},"bodySite":{"text":"brain"})"),
  });
  const auto& imaging = r.record.imaging;
  ASSERT_EQ(imaging.size(), 3u);
  EXPECT_EQ(imaging[0].date, Date::FromYmd(2025, 1, 10));
  EXPECT_EQ(imaging[0].modality, "CT");
  ASSERT_EQ(imaging[0].lesions.size(), 3u);
  EXPECT_EQ(imaging[0].lesions[0].id, "L1");  // the BodyStructure's identifier
  EXPECT_EQ(imaging[0].lesions[0].organ, "liver");
  EXPECT_EQ(imaging[0].lesions[1].id, "site:lung");
  EXPECT_EQ(imaging[0].lesions[2].id, "site:lung#2");
  ASSERT_EQ(imaging[1].lesions.size(), 2u);
  EXPECT_EQ(imaging[1].lesions[0].id, "L1");
  EXPECT_EQ(imaging[1].lesions[1].id, "site:lung");  // no method: joins the CT of that day
  EXPECT_EQ(imaging[2].modality, "MRI");
  EXPECT_TRUE(Has(r, "FHIR-IMAGING-GROUP"));
}

TEST(FhirImagingGroup, ARepeatedLesionInOneScanIsReported) {
  auto r = Import({
      TumorSize("a", "2025-01-10", 30, R"(,"focus":[{"reference":"BodyStructure/t1"}])"),
      TumorSize("b", "2025-01-10", 31, R"(,"focus":[{"reference":"BodyStructure/t1"}])"),
  });
  ASSERT_EQ(r.record.imaging.size(), 1u);
  ASSERT_EQ(r.record.imaging[0].lesions.size(), 1u);
  EXPECT_EQ(r.record.imaging[0].lesions[0].diameter_mm, 30);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].resource, "Observation/b");
}

std::string Request(const std::string& id, const std::string& drug, const std::string& status,
                    const std::string& start, const std::string& end,
                    const std::string& extra = "") {
  std::string bounds = end.empty() ? Cat({R"({"start":")", start, R"("})"})
                                   : Cat({R"({"start":")", start, R"(","end":")", end, R"("})"});
  return Cat({R"({"resourceType":"MedicationRequest","id":")", id, R"(","status":")", status,
              R"(","intent":"order","medicationCodeableConcept":{"text":")", drug,
              R"("},"dosageInstruction":[{"timing":{"repeat":{"boundsPeriod":)", bounds, "}}}]",
              extra, "}"});
}

const char* kToxicity =
    R"(,"statusReason":{"coding":[{"system":"http://snomed.info/sct","code":"407563006"}]})";
const char* kProgression =
    R"(,"statusReason":{"coding":[{"system":"http://snomed.info/sct","code":"266721009"}]})";
const char* kSupportive =
    R"(,"extension":[{"url":"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-procedure-intent",)"
    R"("valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"399707004"}]}}])";

TEST(FhirRegimenGroup, APartnerReplacedForToxicityCarriesTheContinuingDrug) {
  // One continuous anastrozole order; ribociclib stopped for toxicity, palbociclib started.
  auto r = Import({
      Request("a", "anastrozole", "active", "2021-05-03", ""),
      Request("r", "ribociclib", "stopped", "2021-05-03", "2021-06-20", kToxicity),
      Request("p", "palbociclib", "active", "2021-07-01", ""),
  });
  const auto& regimens = r.record.regimens;
  ASSERT_EQ(regimens.size(), 2u);
  EXPECT_EQ(regimens[0].drugs, (std::vector<std::string>{"anastrozole", "ribociclib"}));
  EXPECT_EQ(regimens[0].stop, Date::FromYmd(2021, 6, 20));
  EXPECT_EQ(regimens[0].stop_reason, StopReason::kToxicity);
  EXPECT_EQ(regimens[1].drugs, (std::vector<std::string>{"anastrozole", "palbociclib"}));
  EXPECT_EQ(regimens[1].start, Date::FromYmd(2021, 7, 1));
  EXPECT_FALSE(regimens[1].stop.has_value());
}

TEST(FhirRegimenGroup, ChemotherapyDroppedWhileAntibodiesContinue) {
  auto r = Import({
      Request("d", "docetaxel", "completed", "2021-07-05", "2021-11-15"),
      Request("t", "trastuzumab", "stopped", "2021-07-05", "2023-01-20", kProgression),
      Request("p", "pertuzumab", "stopped", "2021-07-05", "2023-01-20", kProgression),
  });
  const auto& regimens = r.record.regimens;
  ASSERT_EQ(regimens.size(), 2u);
  EXPECT_EQ(regimens[0].drugs.size(), 3u);
  EXPECT_EQ(regimens[0].stop, Date::FromYmd(2021, 11, 15));
  EXPECT_EQ(regimens[0].stop_reason, StopReason::kCompleted);
  EXPECT_EQ(regimens[1].drugs, (std::vector<std::string>{"trastuzumab", "pertuzumab"}));
  EXPECT_EQ(regimens[1].start, Date::FromYmd(2021, 11, 15));
  EXPECT_EQ(regimens[1].stop_reason, StopReason::kProgression);
}

TEST(FhirRegimenGroup, SupportiveCareIsNeverPartOfAnAnticancerRegimen) {
  auto r = Import({
      Request("l", "letrozole", "stopped", "2022-11-14", "2024-08-19", kProgression),
      Request("d", "denosumab", "active", "2022-11-21", ""),  // a bone-modifying agent
      // Supportive intent: grouped with the other supportive drug, not with letrozole.
      Request("x", "zoledronic acid", "active", "2022-11-20", "", kSupportive),
  });
  const auto& regimens = r.record.regimens;
  ASSERT_EQ(regimens.size(), 2u);
  EXPECT_EQ(regimens[0].drugs, std::vector<std::string>{"letrozole"});
  EXPECT_EQ(regimens[0].stop, Date::FromYmd(2024, 8, 19));
  EXPECT_EQ(regimens[0].stop_reason, StopReason::kProgression);
  EXPECT_EQ(regimens[1].drugs, (std::vector<std::string>{"zoledronic acid", "denosumab"}));
}

std::string Marker(const std::string& id, const std::string& specimen,
                   const std::string& condition) {
  std::string extra;
  if (!specimen.empty()) extra += Cat({R"(,"specimen":{"reference":"Specimen/)", specimen, "\"}"});
  if (!condition.empty()) {
    extra += Cat({R"(,"extension":[{"url":"http://hl7.org/fhir/us/mcode/StructureDefinition/)",
                  R"(mcode-related-condition","valueReference":{"reference":"Condition/)",
                  condition, "\"}}]"});
  }
  return Cat(
      {R"({"resourceType":"Observation","id":")", id,
       R"(","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85329-1"}]},)",
       R"("effectiveDateTime":"2024-03-0)", id.substr(1),
       R"(","valueQuantity":{"value":80,"unit":"%","code":"%"})", extra, "}"});
}

std::string SpecimenAt(const std::string& id, const std::string& site) {
  return Cat({R"({"resourceType":"Specimen","id":")", id, R"(","collection":{"bodySite":{"text":")",
              site, "\"}}}"});
}

TEST(FhirSpecimenKind, FromTheRelatedConditionOrTheSpecimenBodySite) {
  auto r = Import({
      R"({"resourceType":"Condition","id":"prim","code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"onsetDateTime":"2020-01-01"})",
      R"({"resourceType":"Condition","id":"met","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C78.7"}]},"onsetDateTime":"2024-01-01"})",
      SpecimenAt("s2", "liver core biopsy"), SpecimenAt("s3", "breast"),
      SpecimenAt("s4", "right axilla"), SpecimenAt("s5", "right axilla"),
      Marker("m1", "", "met"),     // names the secondary cancer: metastasis (liver)
      Marker("m2", "s2", "prim"),  // the specimen's site beats a link to the primary
      Marker("m3", "s3", ""),      // breast specimen: primary
      Marker("m4", "s4", "prim"),  // site not known: the primary condition decides
      Marker("m5", "s5", ""),      // nothing known: unknown
  });
  const auto& pathology = r.record.pathology;
  ASSERT_EQ(pathology.size(), 5u);
  EXPECT_EQ(pathology[0].specimen.kind, SpecimenKind::kMetastasis);
  EXPECT_EQ(pathology[0].specimen.site, "liver");
  EXPECT_EQ(pathology[1].specimen.kind, SpecimenKind::kMetastasis);
  EXPECT_EQ(pathology[1].specimen.site, "liver");
  EXPECT_EQ(pathology[2].specimen.kind, SpecimenKind::kPrimary);
  EXPECT_EQ(pathology[3].specimen.kind, SpecimenKind::kPrimary);
  EXPECT_EQ(pathology[4].specimen.kind, SpecimenKind::kUnknown);
  EXPECT_TRUE(Has(r, "FHIR-SPECIMEN-KIND"));
}

}  // namespace
}  // namespace oncnav
