#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/calc/from_record.h"
#include "oncnav/common/date.h"
#include "oncnav/engine/bone/local_therapy.h"
#include "oncnav/engine/bone/symptom_review.h"
#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// One bone-modifying agent as it could be given now.
struct BoneOption {
  const BoneAgentDef* agent = nullptr;
  std::optional<double> dose_mg;  // empty while the dose cannot be set (CrCl unknown)
  std::string status;             // recommended | pending | withhold
  bool current = false;           // the agent the patient is on
  std::vector<Finding> reasons;   // why (and how) this agent, text keys with their rules
  std::vector<Finding> cautions;
};

struct BoneExclusion {
  std::string drug;
  std::string reason_code;  // crcl-below-30 | stopped-for-toxicity
  Finding reason;
};

// A regimen of a bone-modifying agent found in the record.
struct BoneAgentUse {
  std::string drug;
  const Regimen* regimen = nullptr;
  bool ongoing = false;
};

// Zoledronic acid and the kidneys: clearance, dose band and the creatinine-rise rule.
struct ZaRenalStatus {
  std::optional<double> crcl_ml_min;
  std::optional<Date> crcl_date;  // date of the creatinine it came from
  std::string crcl_basis;         // latest | baseline
  std::optional<double> dose_mg;  // from the band; empty below 30 or when unknown
  bool below_30 = false;
  std::optional<double> baseline_creatinine_mg_dl;
  std::optional<Date> baseline_date;
  std::optional<double> latest_creatinine_mg_dl;
  std::optional<Date> latest_date;
  std::string state;  // none | ok | withhold | resume
  std::optional<Date> held_since;
};

struct ChecklistEntry {
  const ChecklistItemDef* item = nullptr;
  std::string status;  // done | pending | to_confirm | problem
  std::optional<Date> date;
  std::string detail;  // e.g. the other agent found
};

struct HypercalcemiaStatus {
  double corrected_mg_dl = 0;
  Date date;
  const HypercalcemiaBand* band = nullptr;
};

// Advice that belongs to one agent: monitoring for the team, guidance for the patient.
struct AgentAdvice {
  std::string drug;
  std::vector<Finding> items;
};

struct BonePlan {
  bool bone_metastasis = false;
  bool confirmed = false;    // on imaging (or biopsy)
  bool recommended = false;  // a bone-modifying agent is indicated now
  std::optional<Date> since;
  std::vector<BoneAgentUse> uses;    // every bone-modifying agent regimen, by start date
  std::vector<std::string> current;  // INNs of the agents ongoing at the evaluation date
  std::vector<BoneOption> options;
  std::vector<BoneExclusion> excluded;
  ZaRenalStatus za_renal;
  std::optional<HypercalcemiaStatus> hypercalcemia;
  std::optional<int> hypocalcemia_grade;
  std::vector<ChecklistEntry> checklist;
  std::optional<Date> checklist_reference;  // first dose, or the evaluation date before it
  std::vector<AgentAdvice> monitoring;
  std::vector<AgentAdvice> guidance;  // for the patient
  LocalTherapyReview local;  // skeletal events and local-therapy triggers (local_therapy.json)
  SymptomReview symptoms;    // site checklists, marker trends, analgesic ladder
  std::vector<Finding> alerts;
  std::vector<Finding> tests_needed;
  std::vector<std::string> rules;

  void Use(const std::string& rule);
};

struct BoneContext {
  const PatientRecord& record;
  const KnowledgePack& pack;
  const RecordCalculations& calcs;
  Date as_of;
  std::string region;
};

// The bone-modifying agent plan (docs/bone-care.md): whether one is indicated, the options with
// dose, interval, route and reasons, what excludes an agent, the zoledronic acid renal rules,
// the pre-first-dose checklist, monitoring, patient guidance, and alerts (two agents at once,
// stopping for a reason the rules do not accept, calcium out of range). Never fails on data.
BonePlan AssessBone(const BoneContext& context);

}  // namespace oncnav
