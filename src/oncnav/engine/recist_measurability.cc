#include "oncnav/engine/recist_measurability.h"

#include "oncnav/engine/recist_detail.h"

namespace oncnav::recist {
namespace {

MeasurabilityCall NonMeasurable(std::string_view rule, std::string_view finding, double minimum) {
  return {Measurability::kNonMeasurable, rule, finding, minimum, false};
}

MeasurabilityCall Measurable(std::string_view rule, double minimum) {
  return {Measurability::kMeasurable, rule, {}, minimum, false};
}

}  // namespace

MeasurabilityCall AssessMeasurability(const Lesion& lesion, std::optional<double> slice_mm,
                                      const RecistConfig& config) {
  // RC-04: irradiated lesions are non-measurable by default, whatever their size.
  if (lesion.previously_irradiated) {
    return NonMeasurable("RECIST-IRRADIATED", "recist.target-irradiated", 0);
  }
  auto size = Measure(lesion);
  if (IsBone(lesion)) {
    if (lesion.bone_type == BoneLesionType::kBlastic) {
      return NonMeasurable("RECIST-BONE-BLASTIC", "recist.target-bone-blastic", 0);
    }
    // Lytic, mixed or unspecified bone: only a soft-tissue component can be measured.
    double minimum = config.bone_soft_tissue_min_mm;
    if (!lesion.soft_tissue_mm || *lesion.soft_tissue_mm + kEpsilon < minimum) {
      return NonMeasurable("RECIST-BONE-LYTIC", "recist.target-bone-no-soft-tissue", minimum);
    }
    return Measurable("RECIST-BONE-LYTIC", minimum);
  }
  if (!size || lesion.too_small_to_measure || lesion.disappeared || *size <= 0) {
    return NonMeasurable(lesion.nodal ? "RECIST-MEAS-NODE" : "RECIST-MEAS",
                         "recist.target-no-measurement", 0);
  }
  if (lesion.nodal) {
    if (*size + kEpsilon < config.node_pathological_min_mm) {
      return {Measurability::kNormalNode, "RECIST-MEAS-NODE", "recist.target-node-normal",
              config.node_pathological_min_mm, false};
    }
    if (*size + kEpsilon < config.node_measurable_min_mm) {
      return NonMeasurable("RECIST-MEAS-NODE", "recist.target-node-too-small",
                           config.node_measurable_min_mm);
    }
    return Measurable("RECIST-MEAS-NODE", config.node_measurable_min_mm);
  }
  if (*size + kEpsilon < config.measurable_min_mm) {
    return NonMeasurable("RECIST-MEAS", "recist.target-too-small", config.measurable_min_mm);
  }
  // Thick slices raise the floor to a multiple of the slice thickness. The value of that
  // multiple is unverified, so unless the pack turns the rule on it only raises a caution.
  if (slice_mm && *slice_mm > config.max_slice_thickness_mm + kEpsilon) {
    double slice_minimum = config.slice_multiple * *slice_mm;
    if (*size + kEpsilon < slice_minimum) {
      if (config.apply_slice_rule) {
        return NonMeasurable("RECIST-MEAS-SLICE", "recist.target-below-slice-minimum",
                             slice_minimum);
      }
      MeasurabilityCall call = Measurable("RECIST-MEAS", config.measurable_min_mm);
      call.slice_caution = true;
      call.minimum_mm = slice_minimum;
      return call;
    }
  }
  return Measurable("RECIST-MEAS", config.measurable_min_mm);
}

}  // namespace oncnav::recist
