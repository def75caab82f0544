// Every demo patient exists twice: examples/native/X.json and its FHIR R4 / mCODE STU4 form
// examples/fhir/X.json (written by tools/native_to_fhir.py). Evaluated as of the same date, both
// must reach the same clinical picture, except where the FHIR form cannot carry a native field
// (listed in docs/fhir-mapping.md and the header of tools/native_to_fhir.py). Every such
// difference is asserted below with its reason; nothing is skipped silently.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fhir_test_support.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/json_output.h"

namespace oncnav {
namespace {

namespace fs = std::filesystem;

const fs::path kExamples = fs::path(ONCNAV_SOURCE_DIR) / "examples";

// The benchmark patient keeps a descriptive FHIR name; every other pair shares its file name.
const std::map<std::string, std::string> kFhirName = {
    {"typical-long-history.json", "typical-200-resources.json"}};

using testing::AsOf;
using testing::Pack;

// A difference between the native and the FHIR evaluation of one field, with its reason.
struct Difference {
  Json fhir;        // what the FHIR form gives
  std::string why;  // a documented loss (docs/fhir-mapping.md, tools/native_to_fhir.py)
};

struct Example {
  std::string native;  // file name in examples/native
  // Fields compared: see kFields.
  std::map<std::string, Difference> differences;
  // The native response.overall (RECIST), as recorded.
  Json native_overall;
  // The FHIR response.overall, with its reason. FHIR never carries target/non-target roles,
  // baseline flags or non-target status (mCODE TumorSize has no element for them), so every
  // imported lesion is non-target and the FHIR overall can never be CR/PR/SD; a lesion without
  // a measured diameter (blastic bone, an unmeasured non-target lesion) cannot be a TumorSize
  // Observation at all.
  Difference fhir_overall;
  // Import warnings the FHIR form is expected to produce: {resource, element}.
  std::set<std::pair<std::string, std::string>> expected_warnings;
};

const char* kAllNonTarget =
    "documented loss: no target roles in FHIR, so the measured lesions are non-target";
const char* kNoImaging =
    "documented loss: the bone-only lesions have no measured diameter, so no TumorSize "
    "Observation carries them; without imaging there is no response, the imaging is not "
    "overdue and staging imaging is asked for";
const char* kMembraneStaining =
    "documented loss: her2_membrane_staining has no LOINC code in the shared material, so IHC 0 "
    "cannot be told from HER2-ultralow";

const char* kBrainNotAssessed =
    "documented loss: the brain lesion has no diameter at follow-up, so the FHIR time point is "
    "NE; an NE time point leaves progression unknown and does not say the regimen is working";

const std::vector<Example>& Examples() {
  static const std::vector<Example> examples = {
      {"her2-positive-brain-metastases-third-line.json",
       {{"course.progression", {"unknown", kBrainNotAssessed}},
        {"alerts", {Json::array({"alert.mdt-local-therapy"}), kBrainNotAssessed}}},
       "SD",
       {"NE",
        "documented loss: brain lesion C1 has no diameter at follow-up (non-target, present), so "
        "no TumorSize Observation carries it there and it is not assessed"},
       {}},
      {"hr-positive-bone-only-first-line.json",
       {{"course.progression", {"unknown", kNoImaging}},
        {"alerts", {Json::array({"alert.markers-adjunct"}), kNoImaging}},
        {"tests_needed",
         {Json::array({"test.staging-imaging", "test.pik3ca-akt1-pten", "test.pik3ca",
                       "test.esr1-plasma", "test.gbrca", "test.her2-low-rereview",
                       "test.her2-membrane-staining"}),
          kNoImaging}},
        {"subtype.history",
         {Json::array({{{"date", "2026-01-12"},
                        {"specimen", "primary"},
                        {"hr", "positive"},
                        {"her2", "negative"}},
                       {{"date", "2026-01-28"},
                        {"specimen", "metastasis"},
                        {"site", "bone"},
                        {"hr", "positive"},
                        {"her2", "negative"}}}),
          "documented loss: a metastatic specimen's site comes from its SecondaryCancerCondition "
          "(bone), not the finer native site 'bone (iliac crest)'"}}},
       "non-CR/non-PD",
       {nullptr, kNoImaging},
       {}},
      {"hr-positive-her2-gain-at-progression.json", {}, "PD", {"non-CR/non-PD", kAllNonTarget}, {}},
      {"hr-positive-her2-low-second-line.json", {}, "PR", {"non-CR/non-PD", kAllNonTarget}, {}},
      {"tnbc-first-line-relapse-after-neoadjuvant.json",
       {{"subtype.her2", {"negative", kMembraneStaining}},
        {"subtype.history",
         {Json::array({{{"date", "2022-01-10"},
                        {"specimen", "primary"},
                        {"hr", "negative"},
                        {"her2", "low"}},
                       {{"date", "2026-09-10"},
                        {"specimen", "metastasis"},
                        {"site", "lung"},
                        {"hr", "negative"},
                        {"her2", "negative"}}}),
          kMembraneStaining}},
        // low -> negative is not a discordance: negative may still be HER2-ultralow.
        {"alerts", {Json::array(), kMembraneStaining}},
        {"tests_needed",
         {Json::array({"test.pdl1-sp142", "test.her2-membrane-staining"}), kMembraneStaining}}},
       nullptr,  // baseline only: no follow-up time point in either form
       {nullptr, "baseline only: no follow-up time point in either form"},
       // distant_lymph_node is written as ICD-10-CM C77.9; the importer reports C77 codes and
       // drops them (regional vs distant nodes unknown, FHIR-SITE-CODES).
       {{"Condition/demo-tnbc-1l-metastasis-2", "code"}}},
      {"typical-long-history.json", {}, "PR", {"non-CR/non-PD", kAllNonTarget}, {}},
  };
  return examples;
}

// subtype.history, course.regimens (every regimen of every line: drugs, dates, stop reason),
// alerts (the clinical alert.* codes; RECIST findings are checked below) and tests_needed
// (codes) are compared as a whole.
const char* const kFields[] = {"subtype.hr",        "subtype.her2", "subtype.group",
                               "subtype.history",   "course.line",  "course.progression",
                               "course.metastatic", "course.lines", "course.current_regimen.drugs",
                               "course.regimens",   "alerts",       "tests_needed"};

Json Field(const Json& out, const std::string& name) {
  if (name == "course.lines") return static_cast<int>(out["course"]["lines"].size());
  if (name == "course.current_regimen.drugs") {
    const Json& current = out["course"]["current_regimen"];
    return current.is_null() ? Json(nullptr) : current["drugs"];
  }
  if (name == "course.regimens") {
    Json regimens = Json::array();
    for (const auto& line : out["course"]["lines"]) {
      for (const auto& r : line["regimens"]) {
        regimens.push_back({{"line", line["number"]},
                            {"drugs", r["drugs"]},
                            {"start", r["start"]},
                            {"stop", r["stop"]},
                            {"stop_reason", r.value("stop_reason", Json(nullptr))}});
      }
    }
    return regimens;
  }
  if (name == "alerts") {
    Json codes = Json::array();
    for (const auto& a : out["alerts"]) {
      std::string code = a["code"];
      if (code.rfind("alert.", 0) == 0) codes.push_back(code);
    }
    return codes;
  }
  if (name == "tests_needed") {
    Json codes = Json::array();
    for (const auto& t : out["tests_needed"]) codes.push_back(t["code"]);
    return codes;
  }
  auto dot = name.find('.');
  return out[name.substr(0, dot)][name.substr(dot + 1)];
}

struct Evaluated {
  ImportedRecord record;
  Json out;
};

Evaluated LoadAndEvaluate(const fs::path& path) {
  Evaluated result;
  auto loaded = LoadRecordFile(path.string(), Pack(), AsOf());
  if (!loaded) {
    for (const auto& e : loaded.errors()) ADD_FAILURE() << path << ": " << e.ToString();
    return result;
  }
  result.record = std::move(loaded).value();
  EvaluateOptions options;
  options.as_of = AsOf();
  result.out = EvaluationToJson(Evaluate(result.record, Pack(), options), Pack());
  return result;
}

TEST(FhirExamplesRoundTrip, EveryNativeExampleHasAFhirFormAndAnExpectation) {
  std::set<std::string> listed;
  for (const auto& e : Examples()) listed.insert(e.native);
  std::set<std::string> fhir_files;
  for (const auto& item : fs::directory_iterator(kExamples / "native")) {
    if (item.path().extension() != ".json") continue;
    std::string name = item.path().filename().string();
    EXPECT_TRUE(listed.count(name)) << name << " has no entry in Examples()";
    std::string fhir = kFhirName.count(name) ? kFhirName.at(name) : name;
    EXPECT_TRUE(fs::exists(kExamples / "fhir" / fhir))
        << name << ": run tools/native_to_fhir.py to write examples/fhir/" << fhir;
    fhir_files.insert(fhir);
  }
  for (const auto& item : fs::directory_iterator(kExamples / "fhir")) {
    EXPECT_TRUE(fhir_files.count(item.path().filename().string()))
        << item.path() << " has no native counterpart";
  }
}

void PrintTo(const Example& e, std::ostream* os) { *os << e.native; }

class RoundTrip : public ::testing::TestWithParam<Example> {};

TEST_P(RoundTrip, SameClinicalPictureExceptDocumentedDifferences) {
  const Example& ex = GetParam();
  std::string fhir_name = kFhirName.count(ex.native) ? kFhirName.at(ex.native) : ex.native;
  Evaluated native = LoadAndEvaluate(kExamples / "native" / ex.native);
  Evaluated fhir = LoadAndEvaluate(kExamples / "fhir" / fhir_name);
  ASSERT_FALSE(native.out.is_null());
  ASSERT_FALSE(fhir.out.is_null());
  EXPECT_EQ(native.record.format, "oncnav");
  EXPECT_EQ(fhir.record.format, "fhir");

  for (const std::string field : kFields) {
    Json a = Field(native.out, field);
    Json b = Field(fhir.out, field);
    auto diff = ex.differences.find(field);
    if (diff == ex.differences.end()) {
      EXPECT_EQ(a, b) << field << ": native " << a.dump() << ", FHIR " << b.dump();
    } else {
      EXPECT_EQ(b, diff->second.fhir) << field << " (" << diff->second.why << ")";
      EXPECT_NE(a, b) << field << " is no longer different; remove the expectation ("
                      << diff->second.why << ")";
    }
  }

  // RECIST: the native overall as recorded; the FHIR form has no roles (see Example).
  const Json& nr = native.out["response"];
  const Json& fr = fhir.out["response"];
  EXPECT_EQ(nr["overall"], ex.native_overall);
  EXPECT_EQ(fr["overall"], ex.fhir_overall.fhir) << ex.fhir_overall.why;
  EXPECT_FALSE(fr["has_target_disease"].get<bool>())
      << "FHIR cannot mark target lesions; every imported lesion is non-target";
  for (const char* category : {"CR", "PR", "SD"}) {
    EXPECT_NE(fr["overall"], Json(category)) << "a target-based category without targets";
  }
  // FHIR-IMAGING-GROUP: one assessment per native scan that has a measured lesion, holding
  // exactly those lesions under their native ids (the Tumor BodyStructure identifier).
  std::vector<std::pair<Date, std::vector<std::string>>> native_scans, fhir_scans;
  for (const auto& scan : native.record.record.imaging) {
    std::vector<std::string> ids;
    for (const auto& lesion : scan.lesions) {
      if (lesion.diameter_mm || lesion.disappeared) ids.push_back(lesion.id);
    }
    if (!ids.empty()) native_scans.push_back({scan.date, ids});
  }
  for (const auto& scan : fhir.record.record.imaging) {
    std::vector<std::string> ids;
    for (const auto& lesion : scan.lesions) ids.push_back(lesion.id);
    fhir_scans.push_back({scan.date, ids});
  }
  EXPECT_EQ(fhir_scans, native_scans)
      << "tumour sizes are not grouped into one assessment per scan";
  if (native_scans.empty() && !native.record.record.imaging.empty()) {
    EXPECT_EQ(fr["status"], "no_imaging")
        << "lesions without a diameter cannot be TumorSize Observations";
  }
  std::vector<Json> native_dates, fhir_dates;
  for (const auto& tp : nr.value("time_points", Json::array())) native_dates.push_back(tp["date"]);
  for (const auto& tp : fr.value("time_points", Json::array())) fhir_dates.push_back(tp["date"]);
  if (!native_scans.empty()) {
    EXPECT_EQ(fhir_dates, native_dates) << "RECIST time points";
  }
  for (const auto& alert : fhir.out["alerts"]) {
    EXPECT_NE(alert["code"], "recist.lesion-not-at-baseline") << alert["message"];
  }

  // Import warnings: none but the expected ones.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& w : fhir.record.warnings) {
    seen.insert({w.resource, w.element});
    EXPECT_TRUE(ex.expected_warnings.count({w.resource, w.element}))
        << fhir_name << ": unexpected import warning " << w.resource << " " << w.element << ": "
        << w.message;
  }
  for (const auto& expected : ex.expected_warnings) {
    EXPECT_TRUE(seen.count(expected))
        << fhir_name << ": expected warning missing: " << expected.first << " " << expected.second;
  }
  EXPECT_TRUE(native.record.warnings.empty()) << ex.native << " has native reader warnings";
}

std::string ExampleName(const ::testing::TestParamInfo<Example>& info) {
  std::string name = info.param.native.substr(0, info.param.native.size() - 5);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Examples, RoundTrip, ::testing::ValuesIn(Examples()), ExampleName);

}  // namespace
}  // namespace oncnav
