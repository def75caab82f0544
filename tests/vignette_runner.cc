// Runs every golden vignette (tests/vignettes/**.json and tests/bad_input/**.json) twice:
// through the library and through the `oncnav` command line, with the same expectations.
// A vignette states a patient, a date and what must be true of the evaluation; see
// tests/vignettes/README.md for the format.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "oncnav/engine/evaluate.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/json_output.h"

namespace oncnav {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> VignetteFiles() {
  std::vector<fs::path> out;
  for (const char* dir : {"tests/vignettes", "tests/bad_input"}) {
    fs::path root = fs::path(ONCNAV_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.path().extension() == ".json") out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const KnowledgePack& Pack() {
  static const KnowledgePack pack = [] {
    auto p = LoadKnowledgePack(DefaultKnowledgeDir());
    if (!p) {
      for (const auto& e : p.errors()) std::fprintf(stderr, "%s\n", e.ToString().c_str());
      std::abort();
    }
    return std::move(p).value();
  }();
  return pack;
}

// The patient text of a vignette: inline "patient", raw "patient_text", or "patient_file"
// (relative to the repository root).
std::string PatientText(const json& v) {
  if (v.contains("patient")) return v["patient"].dump();
  if (v.contains("patient_text")) return v["patient_text"].get<std::string>();
  return ReadFile(fs::path(ONCNAV_SOURCE_DIR) / v["patient_file"].get<std::string>());
}

// Follows "a.b[2].c" into `doc`; nullptr when the path does not exist.
const json* At(const json& doc, const std::string& path) {
  const json* cur = &doc;
  size_t i = 0;
  while (i < path.size()) {
    size_t end = path.find_first_of(".[", i);
    std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (!key.empty()) {
      if (!cur->is_object() || !cur->contains(key)) return nullptr;
      cur = &(*cur)[key];
    }
    if (end == std::string::npos) break;
    if (path[end] == '[') {
      size_t close = path.find(']', end);
      size_t index = std::stoul(path.substr(end + 1, close - end - 1));
      if (!cur->is_array() || index >= cur->size()) return nullptr;
      cur = &(*cur)[index];
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
    } else {
      i = end + 1;
    }
  }
  return cur;
}

bool Same(const json& actual, const json& expected) {
  if (actual.is_number() && expected.is_number()) {
    return std::fabs(actual.get<double>() - expected.get<double>()) < 0.051;
  }
  return actual == expected;
}

std::vector<std::string> Codes(const json& list, const char* field) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& item : list) out.push_back(item[field].get<std::string>());
  return out;
}

void CheckSet(const std::string& what, const std::vector<std::string>& actual, const json& expect,
              const std::string& where) {
  std::set<std::string> have(actual.begin(), actual.end());
  for (const auto& c : expect.value("includes", json::array())) {
    EXPECT_TRUE(have.count(c)) << where << ": " << what << " should include " << c;
  }
  for (const auto& c : expect.value("excludes", json::array())) {
    EXPECT_FALSE(have.count(c)) << where << ": " << what << " should not include " << c;
  }
  if (expect.contains("exactly")) {
    std::set<std::string> want;
    for (const auto& c : expect["exactly"]) want.insert(c.get<std::string>());
    EXPECT_EQ(have, want) << where << ": " << what << " differ";
  }
}

// Options are matched as "ID", "ID:<status>" (eligible|pending), "ID:<approval status>" and
// "ID:rank<N>"; exclusions as "ID" and "ID:<reason_code>".
std::vector<std::string> OptionKeys(const json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& o : list) {
    std::string id = o["id"].get<std::string>();
    out.push_back(id);
    out.push_back(id + ":" + o["status"].get<std::string>());
    out.push_back(id + ":" + o["approval"]["status"].get<std::string>());
    out.push_back(id + ":rank" + std::to_string(o["rank"].get<int>()));
  }
  return out;
}

std::vector<std::string> ExcludedKeys(const json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& e : list) {
    out.push_back(e["id"].get<std::string>());
    out.push_back(e["id"].get<std::string>() + ":" + e["reason_code"].get<std::string>());
  }
  return out;
}

void CheckExpectations(const json& output, const json& expect, const std::string& where) {
  for (const auto& [key, want] : expect.items()) {
    if (key == "rules") {
      CheckSet("rules", Codes(output["provenance"]["rules"], "id"), want, where);
    } else if (key == "alerts" || key == "tests_needed") {
      CheckSet(key, Codes(output[key], "code"), want, where);
    } else if (key == "options") {
      CheckSet(key, OptionKeys(output[key]), want, where);
    } else if (key == "excluded") {
      CheckSet(key, ExcludedKeys(output[key]), want, where);
    } else if (key == "import_warnings") {
      const auto& list = output["import_warnings"];
      if (want.contains("min_count")) {
        EXPECT_GE(list.size(), want["min_count"].get<size_t>()) << where << ": import_warnings";
      }
      for (const auto& needle : want.value("mention", json::array())) {
        bool found = false;
        for (const auto& w : list)
          found |= w.dump().find(needle.get<std::string>()) != std::string::npos;
        EXPECT_TRUE(found) << where << ": no import warning mentions " << needle;
      }
    } else {
      const json* got = At(output, key);
      if (!got) {
        ADD_FAILURE() << where << ": output has no " << key;
      } else {
        EXPECT_TRUE(Same(*got, want))
            << where << ": " << key << " is " << got->dump() << ", expected " << want.dump();
      }
    }
  }
}

class Vignette : public ::testing::TestWithParam<fs::path> {
 protected:
  void SetUp() override {
    v_ = json::parse(ReadFile(GetParam()));
    ASSERT_TRUE(v_.contains("title") && v_.contains("source"))
        << "a vignette states its title and source";
    ASSERT_TRUE(v_.contains("expect") || v_.contains("expect_error"));
    as_of_ = *Date::Parse(v_.value("as_of", "2026-11-21"));
  }
  json v_;
  Date as_of_;
};

TEST_P(Vignette, ThroughLibrary) {
  simdjson::dom::parser parser;
  std::string text = PatientText(v_);
  auto record = LoadRecord(text, Pack(), as_of_, parser);
  std::string where = GetParam().filename().string() + " (library)";
  if (v_.contains("expect_error")) {
    ASSERT_FALSE(record.ok()) << where << ": expected an error";
    std::vector<std::string> fields, codes;
    for (const auto& e : record.errors()) {
      fields.push_back(e.field);
      codes.emplace_back(Describe(e.code).name);
    }
    const auto& want = v_["expect_error"];
    EXPECT_NE(std::find(codes.begin(), codes.end(), want["code"].get<std::string>()), codes.end())
        << where << ": code " << want["code"] << " not among the errors";
    if (want.contains("field")) {
      EXPECT_NE(std::find(fields.begin(), fields.end(), want["field"].get<std::string>()),
                fields.end())
          << where << ": no error names field " << want["field"]
          << " (first: " << record.error().ToString() << ")";
    }
    return;
  }
  ASSERT_TRUE(record.ok()) << where << ": " << record.error().ToString();
  EvaluateOptions options;
  options.as_of = as_of_;
  options.region = v_.value("region", "jp");
  options.lang = v_.value("lang", "en");
  Evaluation ev = Evaluate(*record, Pack(), options);
  json out = json::parse(EvaluationToJson(ev, Pack()).dump());
  CheckExpectations(out, v_["expect"], where);
  // A misspelt field is ignored with a warning; in a vignette that would silently test nothing.
  if (!v_["expect"].contains("import_warnings")) {
    for (const auto& w : record->warnings) {
      EXPECT_EQ(w.message.find("is not a field oncnav knows"), std::string::npos)
          << where << ": " << w.element << " " << w.message;
    }
  }
}

TEST_P(Vignette, ThroughCli) {
  fs::path tmp =
      fs::temp_directory_path() / ("oncnav-vignette-" + GetParam().stem().string() + ".json");
  { std::ofstream(tmp, std::ios::binary) << PatientText(v_); }
  std::string cmd = std::string(ONCNAV_CLI) + " evaluate '" + tmp.string() +
                    "' --format json --as-of " + as_of_.ToString() + " --region " +
                    v_.value("region", "jp") + " --lang " + v_.value("lang", "en") + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  int status = pclose(pipe);
  fs::remove(tmp);
  int exit_code = WEXITSTATUS(status);
  std::string where = GetParam().filename().string() + " (cli)";
  json out = json::parse(output, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << where << ": output is not JSON: " << output.substr(0, 300);
  if (v_.contains("expect_error")) {
    EXPECT_EQ(exit_code, 2) << where;
    ASSERT_TRUE(out.contains("errors")) << where;
    bool found = false;
    for (const auto& e : out["errors"]) {
      bool code_ok = e["code"] == v_["expect_error"]["code"];
      bool field_ok =
          !v_["expect_error"].contains("field") || e["field"] == v_["expect_error"]["field"];
      found |= code_ok && field_ok;
    }
    EXPECT_TRUE(found) << where << ": " << out.dump();
    return;
  }
  EXPECT_EQ(exit_code, 0) << where;
  CheckExpectations(out, v_["expect"], where);
}

INSTANTIATE_TEST_SUITE_P(Golden, Vignette, ::testing::ValuesIn(VignetteFiles()),
                         [](const auto& param_info) {
                           std::string name = param_info.param.parent_path().filename().string() +
                                              "_" + param_info.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// Every rule in the pack must be exercised by at least one vignette: evaluates the whole
// corpus again (it is fast) so the check does not depend on test order.
TEST(VignetteCoverage, EveryPackRuleFiresInSomeVignette) {
  std::set<std::string> fired;
  simdjson::dom::parser parser;
  for (const auto& file : VignetteFiles()) {
    json v = json::parse(ReadFile(file));
    std::string text = PatientText(v);
    auto record = LoadRecord(text, Pack(), *Date::Parse(v.value("as_of", "2026-11-21")), parser);
    if (!record) continue;
    EvaluateOptions options;
    options.as_of = *Date::Parse(v.value("as_of", "2026-11-21"));
    options.region = v.value("region", "jp");
    Evaluation ev = Evaluate(*record, Pack(), options);
    fired.insert(ev.rules.begin(), ev.rules.end());
  }
  std::string missing;
  for (const auto& [id, rule] : Pack().rules) {
    // Calculator rules fire in the calculator cases: CalcCoverage (tests/calc_cases).
    if (rule.file == "calculators.json") continue;
    if (!fired.count(id)) missing += "\n  " + id + " (" + rule.file + ")";
  }
  EXPECT_TRUE(missing.empty()) << "rules that fire in no vignette:" << missing;
}

}  // namespace
}  // namespace oncnav
