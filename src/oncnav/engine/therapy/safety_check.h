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

// Every hard stop and review flag that the record's adverse events raise against `drugs`.
// An event counts against a drug when attributed to it, or, unattributed, when dated within a
// regimen that contained it.
std::vector<SafetyHit> FindSafetyHits(const std::vector<std::string>& drugs,
                                      const PatientRecord& record, const KnowledgePack& pack);

// True when `drug` is one the rule names, directly or by class.
bool RuleCovers(const std::vector<std::string>& drugs, const std::vector<std::string>& classes,
                std::string_view drug, const KnowledgePack& pack);

}  // namespace oncnav
