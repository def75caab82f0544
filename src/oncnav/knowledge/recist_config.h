#pragma once

#include <nlohmann/json.hpp>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// RECIST 1.1 thresholds from recist.json (supportive-care.md §1.2). The defaults mirror the
// bundled pack so a default-constructed config behaves like the shipped one in tests.
struct RecistConfig {
  // Measurability at baseline (§1.2.1).
  double measurable_min_mm = 10;         // non-nodal longest diameter, CT/MRI
  double max_slice_thickness_mm = 5;     // the 10 mm floor assumes slices no thicker than this
  double slice_multiple = 2;             // thicker slices: minimum = multiple x slice (U)
  bool apply_slice_rule = false;         // U: off by default, so it only raises a caution
  double node_measurable_min_mm = 15;    // short axis for a nodal target
  double node_pathological_min_mm = 10;  // below this a node is normal
  double bone_soft_tissue_min_mm = 10;   // soft-tissue part of a lytic/mixed bone lesion
  // Target selection (§1.2.2 RC-01).
  int max_targets = 5;
  int max_targets_per_organ = 2;
  // Follow-up data entry (§1.2.3 RM-01).
  double too_small_mm = 5;
  // Target response (§1.2.4).
  double pr_decrease_pct = 30;    // from baseline
  double pd_increase_pct = 20;    // from nadir
  double pd_increase_min_mm = 5;  // from nadir, absolute
  double cr_node_below_mm = 10;   // every target node short axis strictly below this

  static RecistConfig Load(const nlohmann::json& doc, PackReader& reader);
};

}  // namespace oncnav
