#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/engine/bone/local_therapy.h"
#include "oncnav/engine/finding.h"

namespace oncnav {

// The checklist of one metastatic site: what to ask about, and what the patient reports now.
struct SiteChecklist {
  const SymptomSiteDef* site = nullptr;
  bool metastasis_recorded = false;
  std::vector<const Symptom*> present;  // active symptoms of this site, first reported first
};

struct MarkerPoint {
  Date date;
  double value = 0;
};

// A tumour or bone-turnover marker as a trend; it never sets a response or a treatment.
struct MarkerTrend {
  std::string marker;
  std::string type;  // tumour | bone_turnover
  std::string unit;
  MarkerPoint first, nadir, latest;
  int count = 0;
  bool rising = false;  // latest above the lowest earlier value
  std::vector<Finding> notes;
};

// The WHO ladder step for the latest active pain symptom.
struct AnalgesiaSuggestion {
  const Symptom* symptom = nullptr;
  std::optional<int> step;  // the lowest step covering the recorded pain level
  std::vector<int> steps;   // every step whose range covers it
  std::vector<Finding> notes;
};

struct SymptomReview {
  std::vector<SiteChecklist> checklists;
  std::vector<MarkerTrend> markers;
  std::optional<AnalgesiaSuggestion> analgesia;
};

// Symptom checklists per metastatic site (a site with a recorded metastasis or an active
// symptom), marker trends (first, nadir, latest; a rise prompts re-imaging as a caution only)
// and the WHO analgesic ladder step from the recorded pain level (docs/bone-care.md).
SymptomReview ReviewSymptoms(const LocalTherapyContext& context, std::vector<std::string>& rules);

}  // namespace oncnav
