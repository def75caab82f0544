#pragma once

#include <optional>
#include <string_view>

#include "oncnav/knowledge/recist_config.h"
#include "oncnav/model/imaging.h"

namespace oncnav::recist {

enum class Measurability {
  kMeasurable,     // may be a target
  kNonMeasurable,  // non-target only
  kNormalNode,     // short axis below the pathological threshold: not disease
};

// Why a lesion is (not) measurable at baseline (supportive-care.md §1.2.1, RC-04).
struct MeasurabilityCall {
  Measurability kind = Measurability::kNonMeasurable;
  std::string_view rule;     // rule id that decided
  std::string_view finding;  // message code when a chosen target fails; empty if measurable
  double minimum_mm = 0;     // the threshold it was held against, for the message
  // Measurable only by the unverified 2 x slice-thickness rule being switched off: the
  // caller raises a caution instead of deciding.
  bool slice_caution = false;
};

MeasurabilityCall AssessMeasurability(const Lesion& lesion, std::optional<double> slice_mm,
                                      const RecistConfig& config);

}  // namespace oncnav::recist
