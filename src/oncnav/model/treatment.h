#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"

namespace oncnav {

enum class Setting { kUnknown, kNeoadjuvant, kAdjuvant, kMetastatic };
enum class StopReason { kNone, kProgression, kToxicity, kCompleted, kPatientChoice, kOther };

// A regimen as given: one or more drugs over one period.
struct Regimen {
  std::string id;
  std::vector<std::string> drugs;  // INN, lowercase English ("trastuzumab deruxtecan")
  Setting setting = Setting::kUnknown;
  std::optional<Date> start;
  std::optional<Date> stop;  // empty while ongoing
  StopReason stop_reason = StopReason::kNone;
  std::string best_response;  // RECIST category as recorded ("PR", "SD", ...), may be empty
};

enum class ProcedureKind { kOther, kRadiotherapy, kSurgery, kDentalExamination, kBiopsy };

struct Procedure {
  std::optional<Date> date;
  ProcedureKind kind = ProcedureKind::kOther;
  std::string site;
  std::string description;
};

struct AdverseEvent {
  std::optional<Date> date;
  std::string term;  // pack vocabulary where known (e.g. "interstitial_lung_disease")
  int grade = 0;     // CTCAE 1..5; 0 = not graded
  std::string drug;  // attributed drug (INN), may be empty
};

}  // namespace oncnav
