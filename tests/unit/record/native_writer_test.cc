// The native writer against the native reader: every shipped native record (examples and the
// vignette patients) read, written and read again gives the same record, and the writer's
// output is a fixed point (writing the re-read record gives the same bytes).
#include "oncnav/record/native_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../test_pack.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/record/load_record.h"

namespace oncnav {
namespace {

namespace fs = std::filesystem;

using testing::Pack;

const Date kAsOf = Date::FromYmd(2026, 11, 21);

std::vector<std::pair<std::string, std::string>> NativeRecords() {
  std::vector<std::pair<std::string, std::string>> out;
  const fs::path root(ONCNAV_SOURCE_DIR);
  for (const auto& dir : {root / "examples" / "native", root / "tests" / "vignettes"}) {
    for (const auto& item : fs::recursive_directory_iterator(dir)) {
      if (item.path().extension() != ".json") continue;
      std::ifstream in(item.path());
      std::stringstream text;
      text << in.rdbuf();
      auto doc = nlohmann::json::parse(text.str(), nullptr, false);
      if (doc.is_discarded()) continue;
      if (doc.contains("patient") && doc["patient"].is_object() &&
          doc["patient"].value("format", "") == "oncnav-patient") {
        out.emplace_back(item.path().string(), doc["patient"].dump());
      } else if (doc.value("format", "") == "oncnav-patient") {
        out.emplace_back(item.path().string(), text.str());
      }
    }
  }
  return out;
}

TEST(NativeWriter, EveryShippedRecordRoundTrips) {
  auto records = NativeRecords();
  ASSERT_GT(records.size(), 50u);
  simdjson::dom::parser parser;
  for (const auto& [path, text] : records) {
    auto first = LoadRecord(text, Pack(), kAsOf, parser);
    if (!first) continue;  // bad-input vignettes are expected to fail
    std::string written = NativeRecordToJson(first->record).dump();
    auto second = LoadRecord(written, Pack(), kAsOf, parser);
    ASSERT_TRUE(second.ok()) << path << ": " << second.errors().front().ToString();
    EXPECT_EQ(NativeRecordToJson(second->record).dump(), written) << path;
    // Only warnings the original already had (unknown drugs keep their name).
    EXPECT_LE(second->warnings.size(), first->warnings.size()) << path;
  }
}

TEST(NativeWriter, LeavesOutWhatWasNotRecorded) {
  PatientRecord r;
  r.demographics.id = "p1";
  PathologyReport p;
  p.date = Date::FromYmd(2024, 1, 2);
  p.er_percent = 90;
  r.pathology.push_back(p);
  auto j = NativeRecordToJson(r);
  EXPECT_EQ(j["format"], "oncnav-patient");
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["patient"], nlohmann::ordered_json({{"id", "p1"}}));
  EXPECT_EQ(j["pathology"][0].dump(), R"({"date":"2024-01-02","er_percent":90})");
  EXPECT_FALSE(j.contains("regimens"));
  EXPECT_FALSE(j.contains("goals"));
}

TEST(NativeWriter, LabsAreWrittenAsRecorded) {
  PatientRecord r;
  r.labs.push_back({Date::FromYmd(2024, 1, 2), "creatinine", 0.8, "mg/dL", 71, "umol/L"});
  auto j = NativeRecordToJson(r);
  EXPECT_EQ(j["labs"][0]["value"], 71);
  EXPECT_EQ(j["labs"][0]["unit"], "umol/L");
}

}  // namespace
}  // namespace oncnav
