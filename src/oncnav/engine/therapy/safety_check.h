#pragma once

#include <string>
#include <vector>

#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// A recorded adverse event that a safety rule holds against one drug of a proposed regimen.
struct SafetyHit {
  const SafetyRule* rule = nullptr;
  const AdverseEvent* event = nullptr;
  std::string drug;  // the drug of the regimen the rule applies to
  std::string term;  // the pack's event term
  int count = 1;     // events counted (2 for a recurrent-event rule)
};

// The record's adverse events, read once per evaluation (term in the pack's words, the drugs
// each is held against), so that screening each of the options is cheap.
class SafetyScreen {
 public:
  SafetyScreen(const PatientRecord& record, const KnowledgePack& pack);
  SafetyScreen(const SafetyScreen&) = delete;  // holds pointers into its own events
  SafetyScreen& operator=(const SafetyScreen&) = delete;

  // Every hard stop and review flag that the adverse events raise against `drugs`, in the
  // order of the pack's rules. An event counts against a drug when attributed to it, or,
  // unattributed, when dated within a regimen that contained it.
  std::vector<SafetyHit> Hits(const std::vector<std::string>& drugs) const;

 private:
  struct Event {
    const AdverseEvent* event;
    std::string term;
    std::vector<const Drug*> held_against;
  };
  const KnowledgePack& pack_;
  std::vector<Event> events_;
  // For each rule of the pack (same order), the events whose term it names.
  std::vector<std::vector<const Event*>> rule_events_;
  bool any_ = false;  // some rule has an event to consider
};

// True when `drug` is one the rule names, directly or by class.
bool RuleCovers(const std::vector<std::string>& drugs, const std::vector<std::string>& classes,
                const Drug& drug);

// Each name resolved in the pack's drug catalogue (null where the name is unknown).
std::vector<const Drug*> ResolveDrugs(const std::vector<std::string>& names,
                                      const KnowledgePack& pack);

}  // namespace oncnav
