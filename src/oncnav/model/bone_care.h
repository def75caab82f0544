#pragma once

#include <optional>
#include <string>

#include "oncnav/common/date.h"

namespace oncnav {

// Mirels inputs as recorded (option ids of calculators.json "mirels").
struct MirelsRecord {
  std::string site, pain, lesion, size;
  std::optional<double> axial_cortical_mm;
  std::optional<double> circumferential_percent;
};

// SINS inputs as recorded (option ids of calculators.json "sins"); `location` or `level`.
struct SinsRecord {
  std::string location, level, pain, lesion, alignment, collapse, posterolateral;
};

// One assessment of one bone metastasis on one date: the score inputs the team recorded, and
// what the patient reports about it. Every part is optional except the date and the site.
struct BoneLesionAssessment {
  Date date;
  std::string site;  // free text naming the bone or level ("left femur", "T12"); matched
                     // case-insensitively with radiotherapy procedure sites
  std::optional<MirelsRecord> mirels;
  std::optional<SinsRecord> sins;
  std::string bilsky;  // recorded Bilsky grade (0, 1a, 1b, 1c, 2, 3), empty when not graded
  std::optional<bool> neurological_deficit;
  std::optional<bool> painful;
};

// A skeletal-related event as recorded, with the SRE definition the recorder used, if any.
struct SkeletalEvent {
  Date date;
  std::string type;  // pathological_fracture | radiotherapy_to_bone | surgery_to_bone |
                     // spinal_cord_compression | hypercalcemia | vertebral_collapse
  std::string site;
  std::string definition;  // SRE definition id (local_therapy.json "sre.definitions"), may be empty
};

// A symptom the patient reported, from the closed vocabulary of local_therapy.json "symptoms".
struct Symptom {
  Date date;
  std::string code;
  std::optional<Date> resolved;  // absent while the symptom lasts
  std::string severity;          // mild | moderate | severe, may be empty
  std::optional<int> nrs;        // pain on the 0-10 numeric rating scale
  std::string site;              // where, e.g. the bone of a bone pain
  std::string notes;
};

}  // namespace oncnav
