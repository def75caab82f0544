#include "oncnav/engine/recist_baseline.h"

#include "oncnav/engine/recist_detail.h"
#include "oncnav/engine/recist_measurability.h"

namespace oncnav::recist {
namespace {

void AddNonTarget(Baseline& baseline, const Lesion& lesion) {
  baseline.non_targets.push_back({lesion.id, lesion.nodal});
  if (!IsBone(lesion)) baseline.all_bone = false;
}

int CountInOrgan(const std::vector<const Lesion*>& chosen, std::string_view organ) {
  int n = 0;
  for (const auto* l : chosen) n += EqualsIgnoreCase(l->organ, organ) ? 1 : 0;
  return n;
}

// A chosen target that fails measurability: say why and where it went instead.
void RejectTarget(const Lesion& lesion, const MeasurabilityCall& call, Baseline& baseline,
                  std::vector<RecistFinding>& findings) {
  // For bone, the soft-tissue component is the measure; the bone's own size would mislead.
  auto size = IsBone(lesion) ? lesion.soft_tissue_mm : Measure(lesion);
  Texts::Params params = {{"lesion", lesion.id}};
  if (call.minimum_mm > 0) {
    params.emplace_back("size", size ? FormatNumber(*size) : "-");
    params.emplace_back("minimum", FormatNumber(call.minimum_mm));
  }
  AddFinding(findings, call.finding, "warning", call.rule, std::move(params));
  if (call.kind == Measurability::kNonMeasurable) AddNonTarget(baseline, lesion);
}

}  // namespace

Baseline BuildBaseline(const ImagingAssessment& assessment, const RecistConfig& config,
                       std::vector<RecistFinding>& findings, std::vector<std::string>& rules) {
  Baseline baseline;
  std::vector<const Lesion*> chosen;
  chosen.reserve(assessment.lesions.size());
  for (const auto& lesion : assessment.lesions) {
    if (lesion.is_new) continue;  // "new" means nothing at baseline
    if (lesion.role == LesionRole::kNonTarget) {
      // A node below the pathological threshold is normal tissue, not disease.
      auto size = Measure(lesion);
      if (lesion.nodal && size && *size + kEpsilon < config.node_pathological_min_mm) continue;
      AddNonTarget(baseline, lesion);
      continue;
    }
    auto call = AssessMeasurability(lesion, assessment.slice_thickness_mm, config);
    AddRule(rules, call.rule);
    if (call.kind != Measurability::kMeasurable) {
      RejectTarget(lesion, call, baseline, findings);
      continue;
    }
    if (call.slice_caution) {
      AddRule(rules, "RECIST-MEAS-SLICE");
      AddFinding(findings, "recist.slice-thickness-caution", "warning", "RECIST-MEAS-SLICE",
                 {{"lesion", lesion.id},
                  {"size", FormatNumber(*Measure(lesion))},
                  {"slice", FormatNumber(*assessment.slice_thickness_mm)},
                  {"minimum", FormatNumber(call.minimum_mm)}});
    }
    // RC-01: at most N per organ, then at most M in total, first chosen first kept.
    if (CountInOrgan(chosen, lesion.organ) >= config.max_targets_per_organ) {
      AddRule(rules, "RECIST-TARGET-MAX");
      AddFinding(findings, "recist.target-too-many-in-organ", "warning", "RECIST-TARGET-MAX",
                 {{"lesion", lesion.id},
                  {"organ", lesion.organ},
                  {"max", std::to_string(config.max_targets_per_organ)}});
      AddNonTarget(baseline, lesion);
      continue;
    }
    if (static_cast<int>(chosen.size()) >= config.max_targets) {
      AddRule(rules, "RECIST-TARGET-MAX");
      AddFinding(findings, "recist.target-too-many", "warning", "RECIST-TARGET-MAX",
                 {{"lesion", lesion.id}, {"max", std::to_string(config.max_targets)}});
      AddNonTarget(baseline, lesion);
      continue;
    }
    chosen.push_back(&lesion);
  }
  baseline.targets.reserve(chosen.size());
  for (const auto* l : chosen) {
    double mm = *Measure(*l);
    baseline.targets.push_back({l->id, l->nodal, mm});
    baseline.sum_mm += mm;
  }
  if (!baseline.targets.empty()) AddRule(rules, "RECIST-SOD");
  return baseline;
}

}  // namespace oncnav::recist
