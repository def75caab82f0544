#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"

namespace oncnav {

enum class LesionRole { kTarget, kNonTarget };
enum class BoneLesionType { kNone, kLytic, kBlastic, kMixed };
// What the reader said about a non-target lesion at this time point.
enum class NonTargetStatus { kPresent, kAbsent, kUnequivocalProgression, kNotEvaluated };

struct Lesion {
  std::string id;  // stable across assessments
  std::string organ;
  bool nodal = false;
  std::optional<double> diameter_mm;  // longest diameter, or short axis for a node
  BoneLesionType bone_type = BoneLesionType::kNone;
  std::optional<double> soft_tissue_mm;  // soft-tissue component of a lytic/mixed bone lesion
  LesionRole role = LesionRole::kNonTarget;
  bool too_small_to_measure = false;
  bool disappeared = false;
  bool is_new = false;
  bool equivocal = false;  // for a new lesion: not yet unequivocal
  bool previously_irradiated = false;
  NonTargetStatus status = NonTargetStatus::kPresent;  // non-target lesions only
};

struct ImagingAssessment {
  Date date;
  std::string modality;   // "CT", "MRI", "bone scan", "PET-CT", ...
  bool baseline = false;  // marks the baseline of a new course of assessment
  std::optional<double> slice_thickness_mm;
  std::vector<Lesion> lesions;
};

}  // namespace oncnav
