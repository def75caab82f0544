#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// One bone lesion's latest assessment with its scores and the prompts they trigger.
struct LesionReview {
  const BoneLesionAssessment* assessment = nullptr;
  std::optional<int> mirels;
  std::string mirels_band;
  std::optional<int> sins;
  std::string sins_band;
  std::string bilsky_category;
  bool painful = false;
  std::optional<Date> prior_radiotherapy;  // latest radiotherapy to this site before the assessment
  std::vector<Finding> prompts;
};

// A recorded skeletal event, the definition in force and every definition that counts it.
struct SkeletalEventReview {
  const SkeletalEvent* event = nullptr;
  std::string definition;  // the event's own, else the pack's default
  bool counted = false;    // under the definition in force
  std::vector<std::string> counted_by;
};

struct LocalTherapyReview {
  std::vector<LesionReview> lesions;
  std::vector<SkeletalEventReview> events;
  std::map<std::string, int> sre_counts;  // definition id -> events it counts
  std::vector<Finding> prompts;           // not tied to one lesion (rehabilitation, brain, ...)
  std::vector<const RtScheduleDef*> rt_schedules;  // offered when a lesion is painful
};

struct LocalTherapyContext {
  const PatientRecord& record;
  const KnowledgePack& pack;
  Date as_of;
};

// Skeletal events, local-therapy triggers (Mirels, SINS, Bilsky, neurological deficit,
// palliative radiotherapy with the re-irradiation rule, fracture surgery, rehabilitation) and
// brain-symptom prompts (docs/bone-care.md). Uses only data dated on or before `as_of`. Adds
// every rule applied to `rules` and every warning or critical prompt to `alerts`.
LocalTherapyReview ReviewLocalTherapy(const LocalTherapyContext& context,
                                      std::vector<std::string>& rules,
                                      std::vector<Finding>& alerts);

// Whether a symptom is present on `as_of` (begun and not yet resolved).
bool SymptomActive(const Symptom& s, const Date& as_of);

}  // namespace oncnav
