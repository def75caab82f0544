#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "oncnav/common/error.h"
#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

struct KnowledgePack;

// A prompt of the pack: a text key, how loud it is (info | warning | critical) and its rule.
struct PromptDef {
  std::string text;
  std::string severity;
  std::string rule;
};

struct SreDefinitionDef {
  std::string id;
  std::string rule;
  std::vector<std::string> counts;  // event types this definition counts
};

// A score band (Mirels, SINS) or Bilsky category that triggers a prompt.
struct ScoreTriggerDef {
  std::string score;  // mirels | sins | bilsky
  std::string band;   // band id, or Bilsky category
  PromptDef prompt;
};

struct RtScheduleDef {
  double dose_gy = 0;
  int fractions = 0;
  std::string rule;
};

struct SymptomDef {
  std::string code;
  std::vector<std::string> sites;  // metastatic sites whose checklist lists it
  bool pain = false;
};

struct SymptomSiteDef {
  std::string site;
  std::string rule;
  std::string prompt;  // text key
};

struct LadderStepDef {
  int step = 0;
  std::vector<std::string> levels;  // pain levels (mild | moderate | severe) the step covers
  std::string text;
};

// Skeletal events, local-therapy triggers, symptom checklists, marker trends and the
// analgesic ladder (local_therapy.json; docs/bone-care.md).
struct LocalTherapyConfig {
  std::string sre_default, sre_default_rule;
  std::vector<SreDefinitionDef> sre_definitions;
  std::vector<std::string> sre_types;
  std::vector<ScoreTriggerDef> score_triggers;
  std::vector<PromptDef> deficit;
  std::vector<RtScheduleDef> rt_schedules;
  std::vector<PromptDef> rt_first;
  int reirradiation_after_months = 1;
  std::vector<PromptDef> rt_reirradiation;
  PromptDef rt_too_early, rt_after_surgery;
  PromptDef fracture_surgery;
  std::vector<std::string> fracture_surgery_sites;
  PromptDef rehabilitation;
  std::string brain_site;
  PromptDef brain_mri, brain_options, brain_symptomatic, brain_asymptomatic;
  std::vector<SymptomSiteDef> symptom_sites;
  std::vector<SymptomDef> symptoms;
  std::vector<std::string> tumour_markers, bone_markers, tumour_marker_rules;
  std::string bone_marker_rule, marker_rise_rule, marker_early_rule;
  int marker_early_weeks = 6;
  std::string ladder_rule;
  std::vector<LadderStepDef> ladder;

  const SymptomDef* FindSymptom(std::string_view code) const;
  const SreDefinitionDef* Definition(std::string_view id) const;

  static LocalTherapyConfig Load(const nlohmann::json& doc, PackReader& reader);
};

// Every rule id and text key local_therapy.json names exists in the pack.
void CheckLocalTherapyReferences(const KnowledgePack& pack, std::vector<Error>& errors);

}  // namespace oncnav
