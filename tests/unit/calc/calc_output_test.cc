// The JSON and text renderings of calculator results (docs/output.md, "Calculators").
#include "calc_test_support.h"
#include "oncnav/calc/calc_request.h"
#include "oncnav/report/calc_json.h"
#include "oncnav/report/calc_text.h"

namespace oncnav {
namespace {

using calc_test::Pack;

CalcOutput RunCalc(const std::string& name, const CalcFields& fields) {
  auto out = RunCalculator(name, fields, Pack());
  EXPECT_TRUE(out.ok()) << calc_test::Describe(out.errors());
  return std::move(out).value();
}

TEST(CalcJson, CockcroftGaultShape) {
  CalcOutput out = RunCalc("cockcroft-gault", {{"age", "45"},
                                               {"sex", "female"},
                                               {"weight", "60"},
                                               {"creatinine", "79.56"},
                                               {"creatinine-unit", "umol/L"}});
  Json j = CalcOutputToJson(out, Pack(), "en");
  EXPECT_EQ(j["calculator"], "cockcroft-gault");
  EXPECT_EQ(j["label"], "Creatinine clearance (Cockcroft-Gault)");
  EXPECT_EQ(j["result"]["crcl_ml_min"], 74.8);
  EXPECT_EQ(j["result"]["weight"]["basis"], "actual");
  EXPECT_EQ(j["result"]["weight"]["kg"], 60.0);
  EXPECT_EQ(j["result"]["creatinine"]["unit"], "umol/L");
  EXPECT_EQ(j["result"]["creatinine"]["mg_dl"], 0.9);
  EXPECT_EQ(j["result"]["normalised_to_bsa"], false);
  EXPECT_EQ(j["evidence"], "derived") << "the umol/L conversion (LAB-UNITS) is derived";
  EXPECT_NE(j["summary"].get<std::string>().find("74.8 mL/min"), std::string::npos);
  EXPECT_NE(j["summary"].get<std::string>().find("actual weight 60 kg"), std::string::npos);
  ASSERT_FALSE(j["notes"].empty());
  for (const auto& n : j["notes"]) {
    for (const char* k : {"code", "severity", "message", "rule"}) EXPECT_TRUE(n.contains(k)) << k;
  }
}

TEST(CalcJson, WordsFollowTheLanguage) {
  CalcOutput out =
      RunCalc("ctcae-hypocalcemia", {{"corrected-calcium", "7.5"}, {"calcium-unit", "mg/dL"}});
  Json en = CalcOutputToJson(out, Pack(), "en");
  Json ja = CalcOutputToJson(out, Pack(), "ja");
  Json zh = CalcOutputToJson(out, Pack(), "zh");
  EXPECT_EQ(en["result"], ja["result"]) << "numbers and codes do not depend on the language";
  EXPECT_EQ(en["result"]["lab_grade"], 2);
  EXPECT_EQ(en["result"]["grade_range"], Json({2, 2}));
  EXPECT_NE(en["summary"].get<std::string>().find("Hypocalcaemia: grade 2"), std::string::npos);
  EXPECT_NE(ja["summary"].get<std::string>().find("低カルシウム血症"), std::string::npos);
  EXPECT_NE(zh["summary"].get<std::string>().find("低钙血症"), std::string::npos);
  for (const auto* j : {&en, &ja, &zh}) {
    EXPECT_EQ((*j)["summary"].get<std::string>().find('['), std::string::npos)
        << "a missing text renders as [key]: " << (*j)["summary"];
  }
}

TEST(CalcJson, RangeNamesWhatWouldSettleIt) {
  CalcOutput out =
      RunCalc("ctcae-hypocalcemia", {{"corrected-calcium", "8.4"}, {"calcium-unit", "mg/dL"}});
  Json j = CalcOutputToJson(out, Pack(), "en");
  EXPECT_TRUE(j["result"]["lab_grade"].is_null());
  EXPECT_EQ(j["result"]["grade_range"], Json({0, 1}));
  EXPECT_EQ(j["result"]["needs"], Json({"lln"}));
  EXPECT_NE(j["summary"].get<std::string>().find("lower limit of normal"), std::string::npos);
}

TEST(CalcJson, KatagiriIsUnverifiedAndSaysSo) {
  CalcOutput out = RunCalc("katagiri", {{"primary", "rapid"},
                                        {"visceral", "disseminated"},
                                        {"lab", "critical"},
                                        {"ecog", "3"},
                                        {"previous-chemotherapy", "yes"},
                                        {"multiple-bone-mets", "no"}});
  Json j = CalcOutputToJson(out, Pack(), "en");
  EXPECT_EQ(j["evidence"], "unverified");
  EXPECT_EQ(j["result"]["score"], 9);
  EXPECT_EQ(j["result"]["band"], "high");
  EXPECT_EQ(j["result"]["survival"][0]["percent"], 27);
  bool caveat = false;
  for (const auto& n : j["notes"]) caveat |= n["code"] == "calc.note.unverified";
  EXPECT_TRUE(caveat);
  EXPECT_NE(j["summary"].get<std::string>().find("27% alive at 6 months"), std::string::npos);
}

TEST(CalcText, ScoresListTheirFactorsInTheLanguage) {
  CalcOutput out = RunCalc("sins", {{"level", "T12"},
                                    {"pain", "mechanical"},
                                    {"lesion", "lytic"},
                                    {"alignment", "normal"},
                                    {"collapse", "under-half"},
                                    {"posterolateral", "unilateral"}});
  std::string en = CalcOutputToText(out, Pack(), "en");
  EXPECT_NE(en.find("11 of 18: potentially unstable"), std::string::npos) << en;
  EXPECT_NE(en.find("Location: junctional"), std::string::npos) << en;
  EXPECT_NE(en.find("[CALC-SINS]"), std::string::npos) << en;
  std::string ja = CalcOutputToText(out, Pack(), "ja");
  EXPECT_NE(ja.find("移行部"), std::string::npos) << ja;
  EXPECT_EQ(ja.find("junctional"), std::string::npos) << ja;
}

TEST(CalcJson, RecordCalculationsShape) {
  PatientRecord r;
  r.demographics.sex = Sex::kFemale;
  r.performance = {{*Date::Parse("2026-10-01"), PerformanceScale::kEcog, 1}};
  auto calcs = CalculatorsFromRecord(r, Pack(), *Date::Parse("2026-11-21"));
  Json j = RecordCalculationsToJson(calcs, Pack(), "en");
  EXPECT_EQ(j["as_of"], "2026-11-21");
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["calculator"], "performance-status");
  EXPECT_EQ(j["results"][0]["inputs"][0]["name"], "ecog");
  EXPECT_EQ(j["results"][0]["inputs"][0]["date"], "2026-10-01");
  EXPECT_EQ(j["results"][0]["inputs"][0]["value"], 1.0);
  bool found = false;
  for (const auto& c : j["cannot_compute"]) {
    if (c["calculator"] != "cockcroft-gault") continue;
    found = true;
    EXPECT_EQ(c["missing"], Json({"creatinine", "weight", "birth_date"}));
    EXPECT_TRUE(c["reason"].is_null());
    EXPECT_EQ(c["message"],
              "Creatinine clearance (Cockcroft-Gault) cannot be computed: missing a serum "
              "creatinine, the body weight, the date of birth.");
  }
  EXPECT_TRUE(found);
  std::string text = RecordCalculationsToText(calcs, Pack(), "zh");
  EXPECT_NE(text.find("无法计算"), std::string::npos) << text;
}

}  // namespace
}  // namespace oncnav
