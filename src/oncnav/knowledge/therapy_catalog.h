#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"
#include "oncnav/knowledge/therapy_option.h"
#include "oncnav/knowledge/therapy_safety.h"

namespace oncnav {

// Everything the therapy-options engine reads: options.json, trials.json and safety.json.
struct TherapyCatalog {
  std::vector<TherapyOption> options;
  std::map<std::string, Trial, std::less<>> trials;
  std::vector<SafetyRule> hard_stops;  // hard stops and manual-review flags
  std::vector<PreStartCheck> checks;
  std::vector<MonitoringItem> monitoring;
  std::vector<std::string> exclusive_classes;
  // Lowercase recorded adverse-event wording -> the pack's event term.
  std::map<std::string, std::string, std::less<>> event_terms;

  // The pack's event term for a recorded adverse-event term ("ILD" -> interstitial_lung_disease).
  std::string EventTerm(std::string_view recorded) const;

  // Each reads one file into `catalog`; problems go to the reader.
  static void LoadOptions(const nlohmann::json& doc, PackReader& reader, TherapyCatalog& catalog);
  static void LoadTrials(const nlohmann::json& doc, PackReader& reader, TherapyCatalog& catalog);
  static void LoadSafety(const nlohmann::json& doc, PackReader& reader, TherapyCatalog& catalog);
};

// Reads the rule fields (id, summary, sources, evidence) that options and safety entries carry
// inline; `file` is recorded for provenance.
Rule ReadInlineRule(const nlohmann::json& obj, const std::string& path, PackReader& reader);

}  // namespace oncnav
