#include "oncnav/knowledge/classification_config.h"

namespace oncnav {
namespace {

int Months(PackReader& reader, const nlohmann::json& obj, const std::string& path,
           const std::string& key, int fallback) {
  auto v = reader.Number(obj, path, key);
  if (!v) return fallback;
  if (*v <= 0 || *v != static_cast<int>(*v)) {
    reader.Fail(path + "." + key, "must be a positive whole number of months");
    return fallback;
  }
  return static_cast<int>(*v);
}

}  // namespace

ClassificationConfig ClassificationConfig::Load(const nlohmann::json& doc, PackReader& reader) {
  ClassificationConfig c;
  if (const auto* hr = reader.Member(doc, "$", "hormone_receptor")) {
    c.er_positive_min_percent =
        reader.Number(*hr, "$.hormone_receptor", "er_positive_min_percent").value_or(1);
    c.er_low_max_percent =
        reader.Number(*hr, "$.hormone_receptor", "er_low_max_percent").value_or(10);
    c.pgr_positive_min_percent =
        reader.Number(*hr, "$.hormone_receptor", "pgr_positive_min_percent").value_or(1);
  }
  const auto* her2 = reader.Member(doc, "$", "her2");
  if (!her2) return c;
  if (const auto* single = reader.Member(*her2, "$.her2", "single_probe")) {
    c.single_probe_positive_min_copies =
        reader.Number(*single, "$.her2.single_probe", "positive_min_copies").value_or(6);
    c.single_probe_negative_max_copies =
        reader.Number(*single, "$.her2.single_probe", "negative_max_copies").value_or(4);
  }
  const auto* groups = reader.Member(*her2, "$.her2", "dual_probe_groups");
  if (!groups || !groups->is_array()) {
    if (groups) reader.Fail("$.her2.dual_probe_groups", "must be an array");
    return c;
  }
  for (size_t i = 0; i < groups->size(); ++i) {
    const auto& g = (*groups)[i];
    std::string path = "$.her2.dual_probe_groups[" + std::to_string(i) + "]";
    IshGroup group;
    group.group = static_cast<int>(reader.Number(g, path, "group").value_or(0));
    group.ratio_min = reader.Number(g, path, "ratio_min", false);
    group.ratio_max = reader.Number(g, path, "ratio_max", false);
    group.copies_min = reader.Number(g, path, "copies_min", false);
    group.copies_max = reader.Number(g, path, "copies_max", false);
    group.call = reader.String(g, path, "call", false).value_or("");
    group.rule = reader.String(g, path, "rule").value_or("");
    if (const auto* with = reader.Member(g, path, "with_ihc", false)) {
      for (const auto& [ihc, call] : with->items()) {
        if (!call.is_string() || (call != "positive" && call != "negative")) {
          reader.Fail(path + ".with_ihc." + ihc, "must be \"positive\" or \"negative\"");
          continue;
        }
        group.with_ihc[ihc] = call.get<std::string>();
      }
    }
    if (group.call.empty() == group.with_ihc.empty()) {
      reader.Fail(path, "needs exactly one of 'call' (ISH decides) or 'with_ihc' (work-up)");
    }
    c.dual_probe_groups.push_back(std::move(group));
  }
  return c;
}

CourseConfig CourseConfig::Load(const nlohmann::json& doc, PackReader& reader) {
  CourseConfig c;
  if (const auto* r = reader.Member(doc, "$", "reimaging")) {
    c.reimaging_default_months = Months(reader, *r, "$.reimaging", "default_months", 3);
    c.reimaging_min_months = Months(reader, *r, "$.reimaging", "min_months", 2);
    c.reimaging_max_months = Months(reader, *r, "$.reimaging", "max_months", 3);
    if (c.reimaging_default_months < c.reimaging_min_months ||
        c.reimaging_default_months > c.reimaging_max_months) {
      reader.Fail("$.reimaging.default_months", "must lie between min_months and max_months");
    }
  }
  if (const auto* e = reader.Member(doc, "$", "endocrine_resistance")) {
    const std::string p = "$.endocrine_resistance";
    c.primary_resistance_adjuvant_months = Months(reader, *e, p, "primary_adjuvant_months", 24);
    c.primary_resistance_first_line_months = Months(reader, *e, p, "primary_first_line_months", 6);
    c.secondary_resistance_after_adjuvant_months =
        Months(reader, *e, p, "secondary_after_adjuvant_months", 12);
  }
  if (const auto* r = reader.Member(doc, "$", "early_relapse_months")) {
    for (const auto& [cls, months] : r->items()) {
      if (!months.is_number_integer() || months.get<int>() <= 0) {
        reader.Fail("$.early_relapse_months." + cls, "must be a positive whole number of months");
        continue;
      }
      c.early_relapse_months[cls] = months.get<int>();
    }
  }
  c.non_line_classes = reader.StringList(doc, "$", "non_line_classes");
  return c;
}

}  // namespace oncnav
