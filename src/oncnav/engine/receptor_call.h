#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/classification_config.h"
#include "oncnav/model/pathology.h"

namespace oncnav {

enum class HrStatus { kUnknown, kPositive, kLow, kNegative };
// `kNegative`: HER2-negative, but the IHC detail needed for low/ultralow/0 is missing.
enum class Her2Status { kUnknown, kPositive, kLow, kUltralow, kZero, kNegative };

std::string_view HrName(HrStatus s);
std::string_view Her2Name(Her2Status s);
bool IsHer2Negative(Her2Status s);  // low, ultralow, zero or unspecified negative

// The calls one pathology report supports on its own, with the rules applied and the tests
// that would settle what it leaves open.
struct ReceptorCall {
  HrStatus hr = HrStatus::kUnknown;
  bool er_low = false;
  bool has_hr_data = false;
  Her2Status her2 = Her2Status::kUnknown;
  bool has_her2_data = false;
  std::optional<int> ish_group;  // dual-probe ISH group 1-5 when ISH was read
  std::vector<std::string> hr_rules, her2_rules;
  std::vector<Finding> hr_tests, her2_tests;
};

ReceptorCall CallReceptors(const PathologyReport& report, const ClassificationConfig& config);

}  // namespace oncnav
