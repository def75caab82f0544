#pragma once

#include <string>
#include <vector>

#include "oncnav/engine/classify.h"
#include "oncnav/engine/course.h"
#include "oncnav/engine/therapy/therapy_history.h"
#include "oncnav/engine/therapy/therapy_options.h"

namespace oncnav {

enum class Verdict { kMet, kNotMet, kPending };

// What one condition says about one patient. A condition that is not met names its reason
// (code for systems, a text key and params for people); a pending one names what is missing.
struct ConditionResult {
  Verdict verdict = Verdict::kMet;
  std::string reason_code;  // e.g. "biomarker-not-met", "wrong-assay", "prior-therapy-not-met"
  std::string detail;       // text key "excluded.<...>"
  Texts::Params params;
  std::string rule;  // the rule behind an exclusion
  std::vector<Requirement> requirements;
  std::vector<std::string> rules;  // rules applied
};

struct ConditionContext {
  const TherapyContext& therapy;
  const TherapyHistory& history;
  bool planning = false;  // options for a future progression ("at-progression")
};

ConditionResult CheckCondition(const Condition& condition, const ConditionContext& context);

}  // namespace oncnav
