// The text report shows the bone plan, the pending checks and the patient guidance in English,
// Japanese and Chinese.
#include <gtest/gtest.h>

#include "../calc/calc_test_support.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/json_output.h"
#include "oncnav/report/text_output.h"

namespace oncnav {
namespace {

using calc_test::Pack;

constexpr const char* kRecord = R"({
  "format": "oncnav-patient", "format_version": 1,
  "patient": {"id": "bone-text", "sex": "female", "birth_date": "1981-01-01", "weight_kg": 60,
              "menopausal_status": "premenopausal"},
  "metastases": [{"site": "bone", "date": "2026-10-01", "confirmed_by": "imaging"}],
  "labs": [{"date": "2026-11-10", "test": "creatinine", "value": 0.9, "unit": "mg/dL"},
           {"date": "2026-11-10", "test": "calcium", "value": 9.2, "unit": "mg/dL"},
           {"date": "2026-11-10", "test": "albumin", "value": 4.0, "unit": "g/dL"}]
})";

struct Rendered {
  std::string text;
  Json json;
};

Rendered Render(const std::string& lang) {
  simdjson::dom::parser parser;
  auto record = LoadRecord(kRecord, Pack(), *Date::Parse("2026-11-21"), parser);
  EXPECT_TRUE(record.ok()) << (record.ok() ? "" : record.error().ToString());
  EvaluateOptions options;
  options.as_of = *Date::Parse("2026-11-21");
  options.region = "jp";
  options.lang = lang;
  Evaluation ev = Evaluate(*record, Pack(), options);
  return {EvaluationToText(ev, Pack()), EvaluationToJson(ev, Pack())};
}

TEST(BoneText, ShowsPlanPendingChecksAndGuidanceInEveryLanguage) {
  for (const std::string lang : {"en", "ja", "zh"}) {
    Rendered r = Render(lang);
    const auto& t = r.text;
    auto has = [&](const std::string& key, const Texts::Params& params = {}) {
      std::string s = Pack().texts.Render(lang, key, params);
      EXPECT_NE(t.find(s), std::string::npos) << lang << ": missing " << key << " = " << s;
    };
    has("bone.section");
    has("bone.label.options");
    has("bone.label.pending");
    has("bone.check.dental_examination");
    has("bone.guide.jaw");
    has("bone.guide.dentist", {{"drug", "@drug.denosumab"}});
    has("bone.guide.numbness");
    has("bone.label.guidance", {{"drug", "@drug.zoledronic acid"}});
    has("bone.reason.za-dose", {{"crcl", "74.8"},
                                {"date", "2026-11-10"},
                                {"basis", "@bone.crcl-basis.latest"},
                                {"dose", "4"}});
    EXPECT_EQ(r.json["bone"]["bma"]["options"][0]["dose_mg"], 4.0) << lang;
    EXPECT_EQ(r.json["calculations"]["results"][0]["calculator"], "cockcroft-gault") << lang;
    // No template placeholder or missing key is left in the report.
    EXPECT_EQ(t.find("[bone."), std::string::npos) << lang;
    EXPECT_EQ(t.find("{drug}"), std::string::npos) << lang;
  }
}

}  // namespace
}  // namespace oncnav
