#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// A text key of the pack with the rule that makes it true.
struct RuledText {
  std::string text;
  std::string rule;
  std::vector<std::string> regions;  // empty = every region
};

// A bone-modifying agent and its standard regimen (bone.json "agents").
struct BoneAgentDef {
  std::string drug;   // INN, as in drugs.json
  std::string route;  // iv | sc
  double dose_mg = 0;
  struct Interval {
    int min_weeks = 0;
    int max_weeks = 0;
  };
  std::vector<Interval> intervals;
  bool renal_dosing = false;  // dose by the zoledronic acid creatinine-clearance bands
  // Needs calcium and vitamin D, a corrected low calcium first and close calcium monitoring at
  // low clearance (denosumab, §3.4).
  bool calcium_vitamin_d = false;
  std::string rule;
  std::vector<RuledText> reasons;
  // Region -> the sources of the label found for it; a region not listed is "unknown".
  std::map<std::string, std::vector<std::string>, std::less<>> approval;
};

// Zoledronic acid by creatinine clearance, withhold and resume on a creatinine rise (§3.3).
struct ZaRenalConfig {
  struct Band {
    double min_crcl = 0;     // the band holds CrCl above (or from, if inclusive) this value
    bool inclusive = false;  // bands are tried from the first, highest
    double dose_mg = 0;
  };
  std::vector<Band> bands;
  std::string dose_rule, above_60_rule, not_recommended_rule, hold_rule, resume_rule, monitor_rule;
  double normal_baseline_below_mg_dl = 1.4;
  double rise_from_normal_mg_dl = 0.5;
  double rise_from_abnormal_mg_dl = 1.0;
  double resume_within_fraction = 0.10;
};

struct ChecklistItemDef {
  std::string id;
  std::string kind;  // procedure | lab | confirm | duplicate
  std::string procedure;
  std::vector<std::string> tests;
  std::vector<std::string> agents;
  std::string rule;
};

// Advice shown for some agents (monitoring, patient guidance), optionally only in some regions.
struct AgentText {
  std::string text;
  std::vector<std::string> agents;
  std::vector<std::string> regions;  // empty = every region
  std::string rule;
};

struct HypercalcemiaBand {
  std::string id;  // mild | moderate | crisis
  double min_mg_dl = 0;
  std::string severity;  // warning | critical
  std::vector<RuledText> actions;
};

struct BoneConfig {
  std::string bone_site = "bone";
  std::vector<std::string> confirmations;   // how a bone metastasis counts as confirmed
  std::vector<std::string> imaging_organs;  // lesion organs that show bone disease on imaging
  std::vector<BoneAgentDef> agents;
  ZaRenalConfig za_renal;
  double dn_close_monitoring_below_crcl = 30;
  std::string dn_renal_rule, dn_ckd_rule;
  int checklist_window_days = 30;
  std::string checklist_window_rule;
  std::vector<ChecklistItemDef> checklist;
  std::vector<AgentText> monitoring;
  std::vector<AgentText> guidance;
  std::vector<std::string> onj_terms;  // adverse-event terms meaning osteonecrosis of the jaw
  std::string onj_rule;
  std::string hc_basis_rule, hc_band_rule;
  std::string hc_no_supplements_rule;       // no calcium supplements while calcium is high
  std::vector<HypercalcemiaBand> hc_bands;  // ascending
  double calcitonin_above_mg_dl = 14;
  RuledText calcitonin;
  int hypocalcemia_min_grade = 1;
  std::string hypocalcemia_rule, hypocalcemia_correct_first_rule;
  std::string toxicity_rule, after_sre_rule, stable_rule, denosumab_cover_rule;
  std::vector<std::string> sre_adverse_events, sre_procedure_kinds, sre_procedure_sites;
  std::vector<std::string> cover_agents;  // agents whose stop needs follow-on cover
  std::string continue_rule, duplicate_rule;
  std::vector<std::string> start_rules;

  const BoneAgentDef* Agent(std::string_view drug) const;
  // Every rule id the file's structures name (checked against the pack's rules at load).
  std::vector<std::string> RuleRefs() const;
  std::vector<std::string> TextRefs() const;

  static BoneConfig Load(const nlohmann::json& doc, PackReader& reader);
};

}  // namespace oncnav
