#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/engine/recist.h"

namespace oncnav::recist {

// An equivocal new lesion and when it was first seen, kept across follow-ups (RN-02, RN-04).
struct EquivocalSighting {
  std::string_view id;
  Date first_seen;
};

struct NewLesionCall {
  bool unequivocal = false;  // at least one unequivocal new lesion (RN-01, RN-03)
  // Every unequivocal new lesion is a node between the pathological and the measurable
  // short axis: if nothing else shows PD, RN-05 asks for re-evaluation.
  bool only_small_nodes = true;
  std::vector<const Lesion*> small_nodes;
};

NewLesionCall AssessNewLesions(const ImagingAssessment& follow_up, const RecistConfig& config,
                               std::vector<EquivocalSighting>& equivocal_history,
                               std::vector<RecistFinding>& findings,
                               std::vector<std::string>& rules);

}  // namespace oncnav::recist
