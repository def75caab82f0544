#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/knowledge/recist_config.h"
#include "oncnav/knowledge/texts.h"
#include "oncnav/model/imaging.h"

namespace oncnav {

// Something the clinician should know about the RECIST assessment: a baseline target that
// cannot be used, an equivocal new lesion, or a caution where an unverified rule was involved.
// `code` is also the message key ("recist.<code>" in texts/<lang>/recist.json).
struct RecistFinding {
  std::string code;
  std::string severity;  // "info" | "warning" | "critical"
  Texts::Params params;
  std::string rule;  // the rule id that raised it
};

struct RecistTimePoint {
  Date date;
  std::string target;        // "CR" | "PR" | "SD" | "PD" | "NE" | "none" (no target disease)
  std::string non_target;    // "CR" | "non-CR/non-PD" | "PD" | "NE" | "none"
  bool new_lesions = false;  // an unequivocal new lesion was seen
  std::string overall;       // "CR" | "PR" | "SD" | "PD" | "NE" | "non-CR/non-PD"
  // Sum of diameters; absent when some target was not evaluated.
  std::optional<double> sum_mm, change_from_baseline_pct, change_from_nadir_pct;
  std::vector<std::string> missing_targets;  // baseline targets not evaluated here
  std::vector<std::string> rules;            // rule ids applied at this time point
};

struct RecistResult {
  std::optional<Date> baseline_date;
  std::optional<double> baseline_sum_mm, nadir_sum_mm;
  bool has_target_disease = false;  // at least one usable measurable target at baseline
  std::vector<RecistFinding> findings;
  std::vector<RecistTimePoint> time_points;  // follow-ups after the baseline, in date order
  std::vector<std::string> rules;            // every rule id applied, first use first
};

// RECIST 1.1 response per follow-up assessment (supportive-care.md §1.2, interop.md B.6).
// `assessments` may come in any order. Baseline = the latest assessment marked baseline;
// else the latest on or before `course_start` when given; else the earliest. Tumour markers
// are deliberately not an input: they never set a response category (§1.6).
// Never throws on clinical content.
RecistResult AssessRecist(const std::vector<ImagingAssessment>& assessments,
                          const RecistConfig& config, std::optional<Date> course_start);

}  // namespace oncnav
