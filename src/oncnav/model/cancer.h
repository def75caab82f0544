#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"

namespace oncnav {

struct PrimaryCancer {
  std::optional<Date> diagnosis_date;
  std::string histology;   // e.g. "invasive ductal carcinoma"; free text or a code display
  std::string stage;       // e.g. "IIB"; as recorded
  std::string laterality;  // "left" | "right" | "bilateral" | ""
};

enum class Confirmation { kUnknown, kBiopsy, kImaging, kClinical };

// One site of distant (or distant-nodal) spread. `site` uses the pack's site vocabulary
// (bone, lung, liver, brain, pleura, distant_lymph_node, skin, peritoneum, bone_marrow, other).
struct MetastaticSite {
  std::string site;
  std::optional<Date> date;
  Confirmation confirmed_by = Confirmation::kUnknown;
};

// The treating team's judgement of the disease's state, which no measurement settles:
// visceral crisis (DEF-4: severe organ dysfunction with rapid progression, not merely visceral
// metastases) and oligometastatic disease (DEF-5: up to 5 lesions, amenable to local therapy).
struct ClinicalStatus {
  std::optional<Date> date;
  bool visceral_crisis = false;
  bool oligometastatic = false;
};

}  // namespace oncnav
