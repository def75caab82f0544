#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/engine/finding.h"
#include "oncnav/engine/receptor_call.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// One pathology report's calls, kept as history.
struct SpecimenHistoryEntry {
  Date date;
  Specimen specimen;
  ReceptorCall call;
};

struct Classification {
  HrStatus hr = HrStatus::kUnknown;
  bool er_low = false;
  Her2Status her2 = Her2Status::kUnknown;
  std::string group = "unknown";  // "HR+/HER2-" | "HR+/HER2+" | "HR-/HER2+" | "TNBC" | "unknown"
  const PathologyReport* hr_report = nullptr;  // the report each call was taken from
  const PathologyReport* her2_report = nullptr;
  std::vector<SpecimenHistoryEntry> history;  // every report, oldest first
  std::vector<Finding> alerts;
  std::vector<Finding> tests_needed;
  std::vector<std::string> rules;
};

// Classifies HR, HER2 and the subtype group from the record's pathology. Each status comes
// from the most recent metastatic specimen that reports it, else from the most recent
// specimen of any kind. Never infers a biomarker: what is missing is "unknown" plus the test
// that would settle it. `metastatic` says whether metastatic disease is recorded (it decides
// whether a metastatic biopsy is asked for).
Classification Classify(const PatientRecord& record, const KnowledgePack& pack, bool metastatic);

}  // namespace oncnav
