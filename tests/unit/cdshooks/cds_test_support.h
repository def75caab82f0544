#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "oncnav/cdshooks/cds_knowledge.h"
#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav::cdstest {

inline const KnowledgePack& Pack() {
  static const KnowledgePack pack = [] {
    auto loaded = LoadKnowledgePack(DefaultKnowledgeDir());
    if (!loaded) {
      for (const auto& e : loaded.errors()) ADD_FAILURE() << e.ToString();
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return pack;
}

inline const CdsKnowledge& Knowledge() {
  static const CdsKnowledge cds = [] {
    auto loaded = LoadCdsKnowledge(DefaultKnowledgeDir(), Pack());
    if (!loaded) {
      for (const auto& e : loaded.errors()) ADD_FAILURE() << e.ToString();
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return cds;
}

inline CdsDefaults Defaults(std::string lang = "en") {
  CdsDefaults d;
  d.as_of = Date::FromYmd(2026, 11, 21);
  d.region = "jp";
  d.lang = std::move(lang);
  return d;
}

inline Json ReadJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  return Json::parse(in);
}

inline std::filesystem::path ExampleBundle(const std::string& name) {
  return std::filesystem::path(ONCNAV_SOURCE_DIR) / "examples" / "fhir" / (name + ".json");
}

inline std::filesystem::path SpecExample(const std::string& name) {
  return std::filesystem::path(ONCNAV_SHARED_DATA_DIR) / "cds-hooks" / "examples" / name;
}

// The prefetch key of oncnav's search templates for each resource type.
inline const std::map<std::string, std::string>& PrefetchKeyOfType() {
  static const std::map<std::string, std::string> keys = {
      {"Condition", "conditions"},
      {"Observation", "observations"},
      {"MedicationRequest", "medicationRequests"},
      {"AdverseEvent", "adverseEvents"},
      {"Procedure", "procedures"},
      {"Specimen", "specimens"},
      {"BodyStructure", "bodyStructures"}};
  return keys;
}

// The prefetch an EHR would send for oncnav's templates, cut from a patient Bundle.
inline Json PrefetchFromBundle(const Json& bundle) {
  const auto& keys = PrefetchKeyOfType();
  Json prefetch = Json::object();
  for (const auto& [type, key] : keys) {
    prefetch[key] = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"entry", Json::array()}};
  }
  for (const auto& e : bundle["entry"]) {
    const auto& res = e["resource"];
    const std::string type = res["resourceType"];
    if (type == "Patient") {
      prefetch["patient"] = res;
    } else if (auto it = keys.find(type); it != keys.end()) {
      prefetch[it->second]["entry"].push_back({{"resource", res}});
    }
  }
  return prefetch;
}

inline std::string PatientIdOf(const Json& prefetch) { return prefetch["patient"]["id"]; }

// A complete request for `hook` about the patient of `bundle`.
inline Json RequestFor(const std::string& hook, const Json& bundle) {
  Json prefetch = PrefetchFromBundle(bundle);
  return {{"hook", hook},
          {"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"},
          {"context", {{"userId", "Practitioner/example"}, {"patientId", PatientIdOf(prefetch)}}},
          {"prefetch", prefetch}};
}

// A draft MedicationRequest with an RxNorm or a text-only drug.
inline Json DraftOrder(const std::string& id, const std::string& text,
                       const std::string& rxnorm = "") {
  Json cc = {{"text", text}};
  if (!rxnorm.empty()) {
    cc["coding"] = Json::array({{{"system", "http://www.nlm.nih.gov/research/umls/rxnorm"},
                                 {"code", rxnorm},
                                 {"display", text}}});
  }
  return {{"resource",
           {{"resourceType", "MedicationRequest"},
            {"id", id},
            {"status", "draft"},
            {"intent", "order"},
            {"medicationCodeableConcept", cc},
            {"subject", {{"reference", "Patient/x"}}}}}};
}

// Writes `doc` where the ajv oracle (tests/oracle/validate_cds.mjs) finds it.
inline void WriteForOracle(const std::string& kind, const std::string& name, const Json& doc) {
  auto dir = std::filesystem::path(ONCNAV_TEST_OUTPUT_DIR) / "cds-hooks" / kind;
  std::filesystem::create_directories(dir);
  std::ofstream(dir / (name + ".json")) << doc.dump(2) << "\n";
}

}  // namespace oncnav::cdstest
