// End-to-end tests of `oncnav calc`: every calculator case (tests/calc_cases) through the
// command line, exit statuses, the error JSON, text output and languages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "../calc_cases/calc_cases.h"

namespace {

using oncnav::calc_cases::CalcCase;

struct CliRun {
  int status = -1;
  std::string out;  // stdout only
};

CliRun Oncnav(const std::string& args, bool with_stderr = false) {
  std::string cmd = std::string(ONCNAV_CLI) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  CliRun r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  r.status = WEXITSTATUS(pclose(pipe));
  return r;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Args(const CalcCase& c) {
  if (c.calculator == "record") {
    return "calc record " +
           Quote(std::string(ONCNAV_SOURCE_DIR) + "/" + c.spec["patient_file"].get<std::string>()) +
           " --as-of " + c.spec["as_of"].get<std::string>() + " --format json";
  }
  std::string args = "calc " + c.calculator;
  for (const auto& [k, v] : c.spec["fields"].items())
    args += " --" + k + " " + Quote(v.get<std::string>());
  return args + " --format json";
}

TEST(CalcCli, EveryCaseThroughTheCommandLine) {
  auto cases = oncnav::calc_cases::ReadCases(ONCNAV_SOURCE_DIR);
  ASSERT_FALSE(cases.empty());
  for (const auto& c : cases) {
    auto r = Oncnav(Args(c));
    auto out = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(out.is_discarded()) << c.Where() << ": not JSON: " << r.out.substr(0, 300);
    if (c.spec.contains("expect_error")) {
      EXPECT_EQ(r.status, 2) << c.Where();
      ASSERT_TRUE(out.contains("errors")) << c.Where() << ": " << r.out;
      bool found = false;
      for (const auto& e : out["errors"]) {
        found |= e["code"] == c.spec["expect_error"]["code"] &&
                 e["field"] == c.spec["expect_error"]["field"];
      }
      EXPECT_TRUE(found) << c.Where() << ": " << out.dump();
      continue;
    }
    EXPECT_EQ(r.status, 0) << c.Where();
    oncnav::calc_cases::CheckExpectations(out, c);
  }
}

TEST(CalcCli, HelpAndListNameTheCalculators) {
  auto help = Oncnav("--help");
  EXPECT_NE(help.out.find("calc"), std::string::npos);
  auto list = Oncnav("calc list");
  EXPECT_EQ(list.status, 0);
  for (const char* c :
       {"cockcroft-gault", "corrected-calcium", "ctcae-hypocalcemia", "ctcae-hypercalcemia",
        "ctcae-creatinine", "ctcae-neutrophils", "mirels", "sins", "bilsky", "tokuhashi",
        "katagiri", "performance-status", "record"}) {
    EXPECT_NE(list.out.find(c), std::string::npos) << c;
  }
  EXPECT_EQ(Oncnav("calc").status, 2);
}

TEST(CalcCli, UsageErrorsExitTwo) {
  auto unknown = Oncnav("calc apgar --score 9", true);
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.out.find("'apgar' is not a calculator"), std::string::npos) << unknown.out;
  auto field = Oncnav("calc bilsky --grade 2 --colour red", true);
  EXPECT_EQ(field.status, 2);
  EXPECT_NE(field.out.find("--colour: is not an option of this command"), std::string::npos)
      << field.out;
  EXPECT_EQ(Oncnav("calc bilsky --grade 2 --lang fr").status, 2);
  EXPECT_EQ(Oncnav("calc bilsky --grade 2 --format yaml").status, 2);
  EXPECT_EQ(Oncnav("calc bilsky 2").status, 2);
}

TEST(CalcCli, BadValueGivesTheErrorJson) {
  auto r = Oncnav(
      "calc cockcroft-gault --age 45 --sex female --weight 60 --creatinine -1 "
      "--creatinine-unit mg/dL --format json");
  EXPECT_EQ(r.status, 2);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["code"], "invalid-value");
  EXPECT_EQ(j["errors"][0]["field"], "creatinine");
  EXPECT_NE(j["errors"][0]["reason"].get<std::string>().find("cannot be negative"),
            std::string::npos);
  // Text format: the error on stderr, nothing on stdout.
  auto text = Oncnav(
      "calc corrected-calcium --calcium 8 --calcium-unit mg/dL --albumin 40 --albumin-unit g/dL "
      "--format text",
      true);
  EXPECT_EQ(text.status, 2);
  EXPECT_NE(text.out.find("albumin: 40 g/dL is not a possible albumin value"), std::string::npos)
      << text.out;
}

TEST(CalcCli, TextOutputInEachLanguage) {
  const std::string args =
      "calc mirels --site peritrochanteric --pain mild --lesion lytic --size over-two-thirds "
      "--format text --lang ";
  auto en = Oncnav(args + "en");
  ASSERT_EQ(en.status, 0);
  EXPECT_NE(en.out.find("Mirels score"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("10 of 12: high risk"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("prophylactic fixation"), std::string::npos) << en.out;
  auto ja = Oncnav(args + "ja");
  ASSERT_EQ(ja.status, 0);
  EXPECT_NE(ja.out.find("Mirelsスコア"), std::string::npos) << ja.out;
  EXPECT_NE(ja.out.find("転子部周囲"), std::string::npos) << ja.out;
  auto zh = Oncnav(args + "zh");
  ASSERT_EQ(zh.status, 0);
  EXPECT_NE(zh.out.find("转子周围"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("预防性内固定"), std::string::npos) << zh.out;
}

TEST(CalcCli, JsonCarriesProvenanceAndLanguage) {
  auto r = Oncnav("calc performance-status --kps 70 --lang ja");
  ASSERT_EQ(r.status, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["lang"], "ja");
  EXPECT_EQ(j["result"]["ecog"], 1);
  EXPECT_EQ(j["provenance"]["knowledge_pack"], "breast");
  EXPECT_EQ(j["provenance"]["rules"][0]["id"], "CALC-PS-MAP");
  EXPECT_EQ(j["provenance"]["rules"][0]["evidence"], "verified");
  EXPECT_NE(j["label"].get<std::string>().find("全身状態"), std::string::npos);
}

TEST(CalcCli, RecordTextAndMissingFile) {
  auto text = Oncnav("calc record " +
                     Quote(std::string(ONCNAV_SOURCE_DIR) +
                           "/examples/native/hr-positive-her2-low-second-line.json") +
                     " --as-of 2026-11-21 --format text");
  ASSERT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("CALCULATORS (as of 2026-11-21)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("64.8 mL/min"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Cannot be computed from the record:"), std::string::npos) << text.out;
  EXPECT_EQ(Oncnav("calc record /no/such/file.json").status, 2);
}

}  // namespace
