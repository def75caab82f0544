#include "oncnav/engine/recist_new_lesions.h"

#include "oncnav/engine/recist_detail.h"

namespace oncnav::recist {
namespace {

const EquivocalSighting* FindSighting(const std::vector<EquivocalSighting>& history,
                                      std::string_view id) {
  for (const auto& s : history) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace

NewLesionCall AssessNewLesions(const ImagingAssessment& follow_up, const RecistConfig& config,
                               std::vector<EquivocalSighting>& equivocal_history,
                               std::vector<RecistFinding>& findings,
                               std::vector<std::string>& rules) {
  NewLesionCall call;
  for (const auto& lesion : follow_up.lesions) {
    if (!lesion.is_new || lesion.disappeared || lesion.status == NonTargetStatus::kAbsent) continue;
    auto size = Measure(lesion);
    if (lesion.nodal) {
      // RN-05: a "new" node only counts once its short axis reaches the pathological size.
      AddRule(rules, "RECIST-NEW-NODE");
      if (size && *size + kEpsilon < config.node_pathological_min_mm) continue;
    }
    if (lesion.equivocal) {
      // RN-02: not PD yet; repeat imaging decides.
      AddRule(rules, "RECIST-NEW-EQUIVOCAL");
      AddFinding(
          findings, "recist.new-lesion-equivocal", "warning", "RECIST-NEW-EQUIVOCAL",
          {{"lesion", lesion.id}, {"organ", lesion.organ}, {"date", follow_up.date.ToString()}});
      if (!FindSighting(equivocal_history, lesion.id)) {
        equivocal_history.push_back({lesion.id, follow_up.date});
      }
      continue;
    }
    AddRule(rules, "RECIST-NEW");
    call.unequivocal = true;
    if (lesion.nodal && size && *size + kEpsilon < config.node_measurable_min_mm) {
      call.small_nodes.push_back(&lesion);
    } else {
      call.only_small_nodes = false;
    }
    // RN-04 (unverified): PD may date from the first sighting. Say so; do not rewrite
    // the earlier time point.
    if (const auto* seen = FindSighting(equivocal_history, lesion.id)) {
      AddRule(rules, "RECIST-NEW-BACKDATE");
      AddFinding(findings, "recist.new-lesion-backdate", "warning", "RECIST-NEW-BACKDATE",
                 {{"lesion", lesion.id},
                  {"first_seen", seen->first_seen.ToString()},
                  {"date", follow_up.date.ToString()}});
    }
  }
  return call;
}

}  // namespace oncnav::recist
