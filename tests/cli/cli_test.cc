// End-to-end tests of the oncnav command line: exit statuses, error messages and languages,
// as a user sees them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string out;  // stdout and stderr together
};

Run Oncnav(const std::string& args) {
  std::string cmd = std::string(ONCNAV_CLI) + " " + args + " 2>&1";
  Run r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  r.status = WEXITSTATUS(pclose(pipe));
  return r;
}

const std::string kExample =
    std::string(ONCNAV_SOURCE_DIR) + "/examples/native/hr-positive-her2-low-second-line.json";

TEST(Cli, HelpListsCommands) {
  auto r = Oncnav("--help");
  EXPECT_EQ(r.status, 0);
  for (const char* c : {"evaluate", "classify", "recist", "knowledge", "errors"}) {
    EXPECT_NE(r.out.find(c), std::string::npos) << c;
  }
}

TEST(Cli, UnknownCommandIsAUsageError) {
  auto r = Oncnav("frobnicate");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("unknown command 'frobnicate'"), std::string::npos);
}

TEST(Cli, ErrorCatalogueIsPrinted) {
  auto r = Oncnav("errors");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("invalid-value"), std::string::npos);
  EXPECT_NE(r.out.find("knowledge-invalid"), std::string::npos);
}

TEST(Cli, KnowledgeCheckPassesOnTheBundledPack) {
  auto r = Oncnav("knowledge check");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("OK"), std::string::npos);
}

TEST(Cli, KnowledgeCheckNamesFilePathAndReason) {
  fs::path dir = fs::temp_directory_path() / "oncnav-broken-pack";
  fs::remove_all(dir);
  fs::copy(DEFAULT_PACK, dir, fs::copy_options::recursive);
  {
    std::ifstream in(dir / "classification.json");
    auto doc = nlohmann::json::parse(in);
    doc["hormone_receptor"]["er_positive_min_percent"] = "one";
    doc["rules"][0]["sources"] = {"NO-SUCH-SOURCE"};
    std::ofstream(dir / "classification.json") << doc.dump(1);
  }
  auto r = Oncnav("knowledge check --knowledge " + dir.string());
  fs::remove_all(dir);
  EXPECT_EQ(r.status, 3) << r.out;
  EXPECT_NE(
      r.out.find(
          "classification.json: $.hormone_receptor.er_positive_min_percent: must be a number"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("NO-SUCH-SOURCE"), std::string::npos) << r.out;
}

TEST(Cli, KnowledgeSourcesListsWhatReliesOnEachSource) {
  auto r = Oncnav("knowledge sources");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("[R6]"), std::string::npos);
  EXPECT_NE(r.out.find("used by:"), std::string::npos);
}

TEST(Cli, MissingFileNamesThePath) {
  auto r = Oncnav("evaluate /no/such/patient.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("/no/such/patient.json: cannot be read"), std::string::npos) << r.out;
}

TEST(Cli, BadOptionValuesAreRefused) {
  EXPECT_EQ(Oncnav("evaluate " + kExample + " --lang fr").status, 2);
  EXPECT_EQ(Oncnav("evaluate " + kExample + " --region mars").status, 2);
  EXPECT_EQ(Oncnav("evaluate " + kExample + " --as-of 2026-13-01").status, 2);
  EXPECT_EQ(Oncnav("evaluate " + kExample + " --bogus 1").status, 2);
  auto r = Oncnav("evaluate " + kExample + " --format yaml");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--format: must be json or text"), std::string::npos);
}

TEST(Cli, JsonOutputCarriesTheContractFields) {
  auto r = Oncnav("evaluate " + kExample + " --as-of 2026-11-21");
  ASSERT_EQ(r.status, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  for (const char* k : {"subtype", "course", "response", "tests_needed", "alerts",
                        "import_warnings", "provenance"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_EQ(j["subtype"]["group"], "HR+/HER2-");
  EXPECT_EQ(j["provenance"]["knowledge_pack"], "breast");
}

TEST(Cli, TextReportIsTranslated) {
  auto ja = Oncnav("evaluate " + kExample + " --as-of 2026-11-21 --format text --lang ja");
  ASSERT_EQ(ja.status, 0);
  EXPECT_NE(ja.out.find("サブタイプ"), std::string::npos);
  EXPECT_NE(ja.out.find("HER2低発現"), std::string::npos);
  EXPECT_EQ(ja.out.find("Hormone receptor"), std::string::npos) << "English label left in ja";
  auto zh = Oncnav("evaluate " + kExample + " --as-of 2026-11-21 --format text --lang zh");
  ASSERT_EQ(zh.status, 0);
  EXPECT_NE(zh.out.find("激素受体"), std::string::npos);
  EXPECT_EQ(zh.out.find("Hormone receptor"), std::string::npos) << "English label left in zh";
}

TEST(Cli, ClassifyAndRecistPrintTheirParts) {
  auto c = nlohmann::json::parse(Oncnav("classify " + kExample + " --as-of 2026-11-21").out);
  EXPECT_EQ(c["subtype"]["her2"], "low");
  EXPECT_FALSE(c.contains("course"));
  auto r = nlohmann::json::parse(Oncnav("recist " + kExample + " --as-of 2026-11-21").out);
  EXPECT_EQ(r["response"]["overall"], "PR");
}

TEST(Cli, InputErrorsFollowLang) {
  fs::path file = fs::temp_directory_path() / "oncnav-cli-er-140.json";
  std::ofstream(file) << R"({"format":"oncnav-patient","format_version":1,
    "patient":{"id":"x","sex":"female","birth_date":"1960-01-01"},
    "pathology":[{"date":"2026-01-01","er_percent":140}]})";
  auto en = Oncnav("evaluate " + file.string() + " --as-of 2026-11-21 --format text");
  EXPECT_EQ(en.status, 2);
  EXPECT_NE(en.out.find("pathology[0].er_percent: 140 is outside the possible range 0 to 100"),
            std::string::npos)
      << en.out;
  auto ja = Oncnav("evaluate " + file.string() + " --as-of 2026-11-21 --format text --lang ja");
  EXPECT_EQ(ja.status, 2);
  EXPECT_NE(ja.out.find("pathology[0].er_percent: 140 は取りうる範囲 0〜100 の外にあります"),
            std::string::npos)
      << ja.out;
  EXPECT_EQ(ja.out.find("outside the possible range"), std::string::npos) << ja.out;
  // JSON keeps the English reason and adds the message in the requested language.
  auto zh = Oncnav("evaluate " + file.string() + " --as-of 2026-11-21 --lang zh");
  fs::remove(file);
  EXPECT_EQ(zh.status, 2);
  // stdout carries the JSON document; stderr (merged by Oncnav) the one-line form before it.
  ASSERT_NE(zh.out.find('{'), std::string::npos) << zh.out;
  auto j = nlohmann::json::parse(zh.out.substr(zh.out.find('{')));
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["code"], "invalid-value");
  EXPECT_EQ(j["errors"][0]["field"], "pathology[0].er_percent");
  EXPECT_EQ(j["errors"][0]["reason"], "140 is outside the possible range 0 to 100");
  EXPECT_EQ(j["errors"][0]["message"], "140 超出可能范围 0–100");
  EXPECT_EQ(j["errors"][0]["message_key"], "input.out-of-range");
}

TEST(Cli, FhirImportWarningsFollowLang) {
  const std::string bundle =
      std::string(ONCNAV_SOURCE_DIR) +
      "/../shared/data/mcode-stu4/package/example/Bundle-mcode-patient-bundle-jenny-m.json";
  auto en = nlohmann::json::parse(Oncnav("evaluate " + bundle + " --as-of 2026-11-21").out);
  auto ja =
      nlohmann::json::parse(Oncnav("evaluate " + bundle + " --as-of 2026-11-21 --lang ja").out);
  ASSERT_FALSE(en["import_warnings"].empty());
  ASSERT_EQ(en["import_warnings"].size(), ja["import_warnings"].size());
  for (size_t i = 0; i < en["import_warnings"].size(); ++i) {
    const auto& e = en["import_warnings"][i];
    const auto& t = ja["import_warnings"][i];
    EXPECT_TRUE(e.contains("code")) << e.dump();
    EXPECT_EQ(e["code"], t["code"]);
    EXPECT_NE(e["message"], t["message"]) << "untranslated: " << t.dump();
  }
}

TEST(Cli, ImagingIntervalIsConfigurable) {
  auto j = nlohmann::json::parse(
      Oncnav("evaluate " + kExample + " --as-of 2026-11-21 --imaging-interval-months 2").out);
  EXPECT_EQ(j["course"]["next_imaging_due"], "2026-12-15");
}

// ---- oncnav synth ---------------------------------------------------------------------------

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

TEST(CliSynth, WritesNdjsonThatIsTheSameForTheSameSeed) {
  auto a = Oncnav("synth --count 3 --seed 5");
  ASSERT_EQ(a.status, 0) << a.out;
  auto lines = Lines(a.out);
  ASSERT_EQ(lines.size(), 3u);
  for (const auto& line : lines) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["format"], "oncnav-patient");
    EXPECT_EQ(j["format_version"], 1);
  }
  EXPECT_EQ(Oncnav("synth --count 3 --seed 5").out, a.out);
  EXPECT_NE(Oncnav("synth --count 3 --seed 6").out, a.out);
  EXPECT_NE(Oncnav("--help").out.find("synth"), std::string::npos);
}

TEST(CliSynth, FhirOutputIsOneBundlePerLine) {
  auto r = Oncnav("synth --count 2 --seed 5 --output-format fhir");
  ASSERT_EQ(r.status, 0) << r.out;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  for (const auto& line : lines) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["resourceType"], "Bundle");
    EXPECT_EQ(j["type"], "collection");
    EXPECT_EQ(j["entry"][0]["resource"]["resourceType"], "Patient");
  }
}

TEST(CliSynth, OutWritesOneFilePerPatientThatEvaluates) {
  fs::path dir = fs::temp_directory_path() / "oncnav-synth-cli-test";
  fs::remove_all(dir);
  auto r = Oncnav("synth --count 4 --seed 11 --out " + dir.string());
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("wrote 4 patient records"), std::string::npos) << r.out;
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(dir)) files.push_back(item.path());
  ASSERT_EQ(files.size(), 4u);
  EXPECT_TRUE(fs::exists(dir / "synth-11-0.json"));
  auto e = Oncnav("evaluate " + (dir / "synth-11-0.json").string() + " --as-of 2026-11-21");
  EXPECT_EQ(e.status, 0) << e.out;
  auto fhir =
      Oncnav("synth --count 1 --seed 11 --output-format fhir --out " + dir.string() + "/fhir");
  ASSERT_EQ(fhir.status, 0) << fhir.out;
  auto f =
      Oncnav("evaluate " + (dir / "fhir" / "synth-11-0.json").string() + " --as-of 2026-11-21");
  EXPECT_EQ(f.status, 0) << f.out;
  fs::remove_all(dir);
}

TEST(CliSynth, BadArgumentsAreRefusedWithTheReason) {
  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"synth --seed 1", "--count: is required"},
      {"synth --count 0 --seed 1", "--count: must be a whole number from 1 to 1000000 (got '0')"},
      {"synth --count 2000000 --seed 1", "--count: must be a whole number from 1 to 1000000"},
      {"synth --count ten --seed 1", "(got 'ten')"},
      {"synth --count -3 --seed 1", "(got '-3')"},
      {"synth --count 5", "--seed: is required"},
      {"synth --count 5 --seed -1", "--seed: must be a whole number"},
      {"synth --count 5 --seed 1 --output-format xml", "--output-format: must be native or fhir"},
      {"synth patients.json --count 5 --seed 1", "synth takes no file argument"},
      {"synth --count 5 --seed 1 --as-of 2026-02-30", "--as-of: must be a date YYYY-MM-DD"},
      {"synth --count 5 --seed 1 --bogus 2", "--bogus: is not an option of this command"},
  };
  for (const auto& c : cases) {
    auto r = Oncnav(c.args);
    EXPECT_EQ(r.status, 2) << c.args << "\n" << r.out;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << "\n" << r.out;
  }
  fs::path file = fs::temp_directory_path() / "oncnav-synth-not-a-dir";
  std::ofstream(file) << "x";
  auto r = Oncnav("synth --count 1 --seed 1 --out " + file.string());
  fs::remove(file);
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_NE(r.out.find("exists and is not a directory"), std::string::npos) << r.out;
}

}  // namespace
