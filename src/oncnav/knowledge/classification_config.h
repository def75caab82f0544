#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// One ASCO/CAP 2018 dual-probe ISH group (classification.json, systemic-therapy.md §2.3).
// Ratio and copy bounds: *_min inclusive, *_max exclusive; absent bounds are open.
struct IshGroup {
  int group = 0;
  std::optional<double> ratio_min, ratio_max, copies_min, copies_max;
  std::string call;  // "positive" | "negative" when ISH alone decides; empty if IHC is needed
  // With concurrent IHC on the same specimen: IHC score ("0", "1+", "2+", "3+") -> call.
  std::map<std::string, std::string> with_ihc;
  std::string rule;  // rule id applied when this group decides
};

struct ClassificationConfig {
  double er_positive_min_percent = 1;
  double er_low_max_percent = 10;
  double pgr_positive_min_percent = 1;
  std::vector<IshGroup> dual_probe_groups;
  double single_probe_positive_min_copies = 6;
  double single_probe_negative_max_copies = 4;

  static ClassificationConfig Load(const nlohmann::json& doc, PackReader& reader);
};

// Course-of-treatment parameters (course.json): re-imaging interval and the time windows
// of the endocrine-resistance (DEF-1/2/3) and early-relapse (LOT-2) definitions.
struct CourseConfig {
  int reimaging_default_months = 3;
  int reimaging_min_months = 2;
  int reimaging_max_months = 3;
  int primary_resistance_adjuvant_months = 24;   // DEF-1: on the first 2 years of adjuvant ET
  int primary_resistance_first_line_months = 6;  // DEF-1: within 6 months of 1L ET for ABC
  int secondary_resistance_after_adjuvant_months = 12;  // DEF-2
  // LOT-2: drug class -> months after the end of (neo)adjuvant therapy within which a
  // relapse counts as prior exposure in the advanced setting.
  std::map<std::string, int> early_relapse_months;
  // Drug classes that never form a line of therapy (supportive care, LOT-SUPPORTIVE).
  std::vector<std::string> non_line_classes;

  static CourseConfig Load(const nlohmann::json& doc, PackReader& reader);
};

}  // namespace oncnav
