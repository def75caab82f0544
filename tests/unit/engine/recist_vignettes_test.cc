// Replays the golden RECIST vignettes (tests/vignettes/recist/*.json) against the engine
// directly, so the goldens are checked even before the CLI runner reads them. Only the
// imaging part of the native record is read here; the full reader lives elsewhere.
// "response.<field>" without an index means the latest time point, as in the CLI output.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "oncnav/engine/recist.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

using nlohmann::json;

const KnowledgePack& Pack() {
  static const auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  if (!pack.ok()) {
    for (const auto& e : pack.errors()) ADD_FAILURE() << e.ToString();
    std::abort();
  }
  return pack.value();
}

Lesion ReadLesion(const json& j) {
  Lesion l;
  l.id = j.value("id", "");
  l.organ = j.value("organ", "");
  l.nodal = j.value("nodal", false);
  if (j.contains("diameter_mm")) l.diameter_mm = j["diameter_mm"].get<double>();
  if (j.contains("soft_tissue_mm")) l.soft_tissue_mm = j["soft_tissue_mm"].get<double>();
  std::string bone = j.value("bone_type", "");
  if (bone == "lytic") l.bone_type = BoneLesionType::kLytic;
  if (bone == "blastic") l.bone_type = BoneLesionType::kBlastic;
  if (bone == "mixed") l.bone_type = BoneLesionType::kMixed;
  l.role = j.value("role", "non_target") == "target" ? LesionRole::kTarget : LesionRole::kNonTarget;
  l.too_small_to_measure = j.value("too_small_to_measure", false);
  l.disappeared = j.value("disappeared", false);
  l.is_new = j.value("new", false);
  l.equivocal = j.value("equivocal", false);
  l.previously_irradiated = j.value("previously_irradiated", false);
  std::string status = j.value("status", "present");
  if (status == "absent") l.status = NonTargetStatus::kAbsent;
  if (status == "unequivocal_progression") l.status = NonTargetStatus::kUnequivocalProgression;
  if (status == "not_evaluated") l.status = NonTargetStatus::kNotEvaluated;
  return l;
}

std::vector<ImagingAssessment> ReadImaging(const json& patient) {
  std::vector<ImagingAssessment> out;
  for (const auto& a : patient.value("imaging", json::array())) {
    ImagingAssessment scan;
    scan.date = *Date::Parse(a.at("date").get<std::string>());
    scan.modality = a.value("modality", "");
    scan.baseline = a.value("baseline", false);
    if (a.contains("slice_thickness_mm"))
      scan.slice_thickness_mm = a["slice_thickness_mm"].get<double>();
    for (const auto& l : a.value("lesions", json::array())) scan.lesions.push_back(ReadLesion(l));
    out.push_back(std::move(scan));
  }
  return out;
}

std::optional<Date> LatestRegimenStart(const json& patient) {
  std::optional<Date> latest;
  for (const auto& r : patient.value("regimens", json::array())) {
    if (!r.contains("start")) continue;
    auto d = Date::Parse(r["start"].get<std::string>());
    if (d && (!latest || *d > *latest)) latest = d;
  }
  return latest;
}

json Optional(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json TimePointJson(const RecistTimePoint& tp) {
  return {{"date", tp.date.ToString()},
          {"target", tp.target},
          {"non_target", tp.non_target},
          {"new_lesions", tp.new_lesions},
          {"overall", tp.overall},
          {"sum_mm", Optional(tp.sum_mm)},
          {"change_from_baseline_pct", Optional(tp.change_from_baseline_pct)},
          {"change_from_nadir_pct", Optional(tp.change_from_nadir_pct)},
          {"rules", tp.rules}};
}

json ResponseJson(const RecistResult& r) {
  json out = {
      {"baseline_date", r.baseline_date ? json(r.baseline_date->ToString()) : json(nullptr)},
      {"baseline_sum_mm", Optional(r.baseline_sum_mm)},
      {"nadir_sum_mm", Optional(r.nadir_sum_mm)},
      {"has_target_disease", r.has_target_disease},
      {"time_points", json::array()}};
  for (const auto& tp : r.time_points) out["time_points"].push_back(TimePointJson(tp));
  if (!r.time_points.empty()) {
    json latest = TimePointJson(r.time_points.back());
    for (auto it = latest.begin(); it != latest.end(); ++it) {
      if (it.key() != "rules" && it.key() != "date") out[it.key()] = it.value();
    }
  }
  return out;
}

// Resolves "time_points[2].overall" in `root`; null when absent.
json Resolve(const json& root, const std::string& path) {
  const json* node = &root;
  size_t pos = 0;
  while (pos < path.size()) {
    size_t end = path.find_first_of(".[", pos);
    std::string key = path.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!key.empty()) {
      if (!node->is_object() || !node->contains(key)) return nullptr;
      node = &(*node)[key];
    }
    if (end == std::string::npos) break;
    if (path[end] == '[') {
      size_t close = path.find(']', end);
      size_t index = std::stoul(path.substr(end + 1, close - end - 1));
      if (!node->is_array() || index >= node->size()) return nullptr;
      node = &(*node)[index];
      pos = close + 1;
      if (pos < path.size() && path[pos] == '.') ++pos;
    } else {
      pos = end + 1;
    }
  }
  return *node;
}

bool Matches(const json& actual, const json& expected) {
  if (expected.is_number() && actual.is_number()) {
    return std::fabs(actual.get<double>() - expected.get<double>()) < 1e-6;
  }
  return actual == expected;
}

void CheckSet(const std::string& what, const json& spec, const std::set<std::string>& actual,
              const std::string& file) {
  for (const auto& id : spec.value("includes", json::array())) {
    EXPECT_TRUE(actual.count(id.get<std::string>())) << file << ": " << what << " lacks " << id;
  }
  for (const auto& id : spec.value("excludes", json::array())) {
    EXPECT_FALSE(actual.count(id.get<std::string>())) << file << ": " << what << " has " << id;
  }
}

std::vector<std::filesystem::path> VignetteFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(ONCNAV_SOURCE_DIR) +
                                                           "/tests/vignettes/recist")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(RecistVignettes, EveryGoldenHolds) {
  const auto& pack = Pack();
  std::set<std::string> rules_seen;
  std::set<std::string> tests_seen;
  auto files = VignetteFiles();
  ASSERT_GE(files.size(), 30u);
  for (const auto& path : files) {
    std::ifstream in(path);
    json v = json::parse(in);
    const std::string file = path.filename().string();
    for (const char* key : {"title", "source", "as_of", "patient", "expect"}) {
      ASSERT_TRUE(v.contains(key)) << file << " lacks " << key;
    }
    const json& patient = v["patient"];
    EXPECT_EQ(patient.value("format", ""), "oncnav-patient") << file;
    auto result = AssessRecist(ReadImaging(patient), pack.recist, LatestRegimenStart(patient));
    json response = ResponseJson(result);
    std::set<std::string> rules(result.rules.begin(), result.rules.end());
    std::set<std::string> codes;
    for (const auto& f : result.findings) {
      codes.insert(f.code);
      EXPECT_TRUE(pack.texts.Has(f.code)) << file << ": no text for " << f.code;
      EXPECT_TRUE(pack.rules.count(f.rule)) << file << ": unknown rule " << f.rule;
    }
    for (const auto& id : rules) EXPECT_TRUE(pack.rules.count(id)) << file << ": " << id;
    rules_seen.insert(rules.begin(), rules.end());
    std::string title = v["title"].get<std::string>();
    if (title.size() > 2 && title[0] == 'T' && title[2] == ':')
      tests_seen.insert(title.substr(0, 2));
    for (const auto& [key, expected] : v["expect"].items()) {
      if (key == "rules") {
        CheckSet("rules", expected, rules, file);
      } else if (key == "alerts") {
        CheckSet("alerts", expected, codes, file);
      } else if (key.rfind("response.", 0) == 0) {
        json actual = Resolve(response, key.substr(9));
        EXPECT_TRUE(Matches(actual, expected))
            << file << ": " << key << " is " << actual.dump() << ", expected " << expected.dump();
      }
    }
  }
  // Every RECIST rule of the pack fires in some golden, and every spec vector has one.
  for (const auto& [id, rule] : pack.rules) {
    if (id.rfind("RECIST-", 0) == 0) {
      EXPECT_TRUE(rules_seen.count(id)) << "no vignette fires " << id;
    }
  }
  for (const char* t : {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"}) {
    EXPECT_TRUE(tests_seen.count(t)) << "no vignette for " << t;
  }
}

}  // namespace
}  // namespace oncnav
