// Items 4-5 of issue 4: markers are trends that never change the RECIST response or the
// therapy options; the local-therapy and symptom report is rendered in English, Japanese and
// Chinese without a missing key.
#include <gtest/gtest.h>

#include <string>

#include "../calc/calc_test_support.h"
#include "oncnav/common/text.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/json_output.h"
#include "oncnav/report/text_output.h"

namespace oncnav {
namespace {

using calc_test::Pack;

// A baseline and a follow-up CT: the target shrinks by 40% (PR) while CA 15-3 rises.
constexpr const char* kImaging = R"(
  "format": "oncnav-patient", "format_version": 1,
  "patient": {"id": "lt-unit", "sex": "female", "birth_date": "1962-01-01", "weight_kg": 60,
              "menopausal_status": "postmenopausal"},
  "metastases": [{"site": "liver", "date": "2026-06-01", "confirmed_by": "biopsy"},
                 {"site": "bone", "date": "2026-06-01", "confirmed_by": "imaging"}],
  "pathology": [{"date": "2026-06-01", "specimen": {"kind": "metastasis"}, "er_percent": 90,
                 "pgr_percent": 30, "her2_ihc": "1+"}],
  "regimens": [{"id": "m1", "drugs": ["letrozole", "palbociclib"], "setting": "metastatic",
                "start": "2026-06-10"}],
  "imaging": [
    {"date": "2026-06-05", "modality": "CT", "baseline": true, "slice_thickness_mm": 5,
     "lesions": [{"id": "L1", "organ": "liver", "diameter_mm": 50, "role": "target"}]},
    {"date": "2026-11-01", "modality": "CT", "slice_thickness_mm": 5,
     "lesions": [{"id": "L1", "organ": "liver", "diameter_mm": 30, "role": "target"}]}])";

constexpr const char* kMarkers = R"(,
  "tumor_markers": [{"date": "2026-06-05", "marker": "CA15-3", "value": 30, "unit": "U/mL"},
                    {"date": "2026-08-05", "marker": "CA15-3", "value": 20, "unit": "U/mL"},
                    {"date": "2026-11-01", "marker": "CA15-3", "value": 90, "unit": "U/mL"},
                    {"date": "2026-11-01", "marker": "BAP", "value": 60, "unit": "ug/L"}])";

constexpr const char* kLocal = R"(,
  "bone_assessments": [{"date": "2026-11-10", "site": "left femur",
                        "mirels": {"site": "peritrochanteric", "pain": "functional",
                                   "lesion": "lytic", "size": "over_two_thirds"}}],
  "skeletal_events": [{"date": "2026-10-01", "type": "pathological_fracture",
                       "site": "left femur"}],
  "symptoms": [{"date": "2026-11-12", "code": "headache", "severity": "moderate"}])";

Json EvaluateRecord(const std::string& text, const std::string& lang,
                    std::string* report = nullptr) {
  simdjson::dom::parser parser;
  auto record = LoadRecord(text, Pack(), *Date::Parse("2026-11-21"), parser);
  EXPECT_TRUE(record.ok()) << (record.ok() ? "" : record.errors().front().ToString());
  if (!record.ok()) return Json();
  EvaluateOptions options;
  options.as_of = *Date::Parse("2026-11-21");
  options.region = "jp";
  options.lang = lang;
  Evaluation ev = Evaluate(*record, Pack(), options);
  if (report) *report = EvaluationToText(ev, Pack());
  return EvaluationToJson(ev, Pack());
}

TEST(Markers, RisingMarkersNeverChangeTheResponseOrTheTherapy) {
  Json without = EvaluateRecord(Cat({"{", kImaging, "}"}), "en");
  Json with = EvaluateRecord(Cat({"{", kImaging, kMarkers, "}"}), "en");
  ASSERT_TRUE(with["bone"]["markers"][0]["rising"].get<bool>());
  ASSERT_TRUE(with["bone"]["markers"][1]["rising"].is_boolean());
  EXPECT_EQ(with["response"]["time_points"].back()["overall"], "PR");
  EXPECT_EQ(with["response"].dump(), without["response"].dump());
  EXPECT_EQ(with["decision"].dump(), without["decision"].dump());
  EXPECT_EQ(with["options"].dump(), without["options"].dump());
  EXPECT_EQ(with["course"]["progression"], without["course"]["progression"]);
  EXPECT_EQ(with["bone"]["bma"].dump(), without["bone"]["bma"].dump());
}

TEST(LocalTherapyText, PromptsChecklistsAndMarkersInEveryLanguage) {
  for (const std::string lang : {"en", "ja", "zh"}) {
    std::string t;
    Json j = EvaluateRecord(Cat({"{", kImaging, kMarkers, kLocal, "}"}), lang, &t);
    auto has = [&](const std::string& key, const Texts::Params& params = {}) {
      std::string s = Pack().texts.Render(lang, key, params);
      EXPECT_NE(t.find(s), std::string::npos) << lang << ": missing " << key << " = " << s;
    };
    has("lt.label.section");
    has("lt.mirels-fixation", {{"site", "left femur"}, {"score", "12"}});
    has("lt.fracture-surgery", {{"site", "left femur"}, {"date", "2026-10-01"}});
    has("lt.brain-mri", {{"symptom", "@sym.code.headache"}});
    has("sym.site.brain");
    has("lt.label.markers");
    has("sym.marker-rising", {{"marker", "CA15-3"}, {"nadir_date", "2026-08-05"}});
    has("sym.who-step-2");
    EXPECT_EQ(j["bone"]["analgesia"]["who_step"], 2) << lang;
    EXPECT_EQ(t.find("[lt."), std::string::npos) << lang;
    EXPECT_EQ(t.find("[sym."), std::string::npos) << lang;
    EXPECT_EQ(t.find("{site}"), std::string::npos) << lang;
  }
}

}  // namespace
}  // namespace oncnav
