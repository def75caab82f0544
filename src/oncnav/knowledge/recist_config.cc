#include "oncnav/knowledge/recist_config.h"

namespace oncnav {
namespace {

// A required positive number; keeps the default (and records an error) when it is not.
void Positive(PackReader& reader, const nlohmann::json& obj, const std::string& path,
              const std::string& key, double& out) {
  auto v = reader.Number(obj, path, key);
  if (!v) return;
  if (!(*v > 0)) {
    reader.Fail(path + "." + key, "must be a positive number");
    return;
  }
  out = *v;
}

void Count(PackReader& reader, const nlohmann::json& obj, const std::string& path,
           const std::string& key, int& out) {
  auto v = reader.Number(obj, path, key);
  if (!v) return;
  if (*v < 1 || *v != static_cast<double>(static_cast<int>(*v))) {
    reader.Fail(path + "." + key, "must be a positive whole number");
    return;
  }
  out = static_cast<int>(*v);
}

void Flag(PackReader& reader, const nlohmann::json& obj, const std::string& path,
          const std::string& key, bool& out) {
  const auto* v = reader.Member(obj, path, key);
  if (!v) return;
  if (!v->is_boolean()) {
    reader.Fail(path + "." + key, "must be true or false");
    return;
  }
  out = v->get<bool>();
}

}  // namespace

RecistConfig RecistConfig::Load(const nlohmann::json& doc, PackReader& reader) {
  RecistConfig c;
  if (const auto* m = reader.Member(doc, "$", "measurability")) {
    const std::string p = "$.measurability";
    Positive(reader, *m, p, "min_longest_diameter_mm", c.measurable_min_mm);
    Positive(reader, *m, p, "max_slice_thickness_mm", c.max_slice_thickness_mm);
    Positive(reader, *m, p, "slice_multiple", c.slice_multiple);
    Flag(reader, *m, p, "apply_slice_rule", c.apply_slice_rule);
    Positive(reader, *m, p, "node_measurable_min_short_axis_mm", c.node_measurable_min_mm);
    Positive(reader, *m, p, "node_pathological_min_short_axis_mm", c.node_pathological_min_mm);
    Positive(reader, *m, p, "bone_soft_tissue_min_mm", c.bone_soft_tissue_min_mm);
    if (c.node_pathological_min_mm > c.node_measurable_min_mm) {
      reader.Fail(p + ".node_pathological_min_short_axis_mm",
                  "must not exceed node_measurable_min_short_axis_mm");
    }
  }
  if (const auto* t = reader.Member(doc, "$", "targets")) {
    Count(reader, *t, "$.targets", "max_total", c.max_targets);
    Count(reader, *t, "$.targets", "max_per_organ", c.max_targets_per_organ);
    if (c.max_targets_per_organ > c.max_targets) {
      reader.Fail("$.targets.max_per_organ", "must not exceed max_total");
    }
  }
  if (const auto* f = reader.Member(doc, "$", "follow_up")) {
    Positive(reader, *f, "$.follow_up", "too_small_to_measure_mm", c.too_small_mm);
  }
  if (const auto* r = reader.Member(doc, "$", "response")) {
    const std::string p = "$.response";
    Positive(reader, *r, p, "pr_decrease_from_baseline_pct", c.pr_decrease_pct);
    Positive(reader, *r, p, "pd_increase_from_nadir_pct", c.pd_increase_pct);
    Positive(reader, *r, p, "pd_increase_min_mm", c.pd_increase_min_mm);
    Positive(reader, *r, p, "cr_node_short_axis_below_mm", c.cr_node_below_mm);
    if (c.pr_decrease_pct >= 100)
      reader.Fail(p + ".pr_decrease_from_baseline_pct", "must be below 100");
  }
  return c;
}

}  // namespace oncnav
