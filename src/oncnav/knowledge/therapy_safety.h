#pragma once

#include <map>
#include <string>
#include <vector>

#include "oncnav/knowledge/rule.h"

// Safety knowledge applied to every option in one place (safety.json).
namespace oncnav {

// A recorded adverse event that stops a drug for good ("hard_stop") or asks for a manual
// review before it is given ("review"). The rule applies to `drugs` and drugs of `classes`;
// the event must be attributed to one of `event_on` (default: the same drugs and classes).
struct SafetyRule {
  Rule rule;
  std::string action;  // "hard_stop" | "review"
  std::vector<std::string> drugs, classes, events, event_on;
  int min_grade = 1;
  int recurrent_grade = 0;  // two events of at least this grade also trigger; 0 = unused
};

// Something to have in hand before a drug is started. With `labs`, each must have a result no
// older than `max_age_days`; without, it is a reminder to confirm.
struct PreStartCheck {
  Rule rule;
  std::string text;
  std::vector<std::string> drugs, classes, labs;
  int max_age_days = 0;
};

struct MonitoringItem {
  Rule rule;
  std::string text;
  std::vector<std::string> drugs, classes;
};

struct Trial {
  std::string id, population, arms, pfs_months, os_months, notes;
  std::vector<std::string> sources;
  Evidence evidence = Evidence::kVerified;
};

}  // namespace oncnav
