#include "oncnav/knowledge/lab_catalog.h"

namespace oncnav {

const LabTest* LabCatalog::Find(std::string_view id) const {
  for (const auto& t : tests_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const LabTest* LabCatalog::FindByLoinc(std::string_view code) const {
  auto it = by_loinc_.find(code);
  return it == by_loinc_.end() ? nullptr : &tests_[it->second];
}

std::optional<double> LabCatalog::ToCanonical(const LabTest& test, double value,
                                              std::string_view unit) const {
  for (const auto& u : test.units) {
    if (u.unit == unit) return value * u.factor;
  }
  return std::nullopt;
}

LabCatalog LabCatalog::Load(const nlohmann::json& doc, PackReader& reader) {
  LabCatalog catalog;
  const auto* tests = reader.Member(doc, "$", "tests");
  if (!tests) return catalog;
  if (!tests->is_array()) {
    reader.Fail("$.tests", "must be an array");
    return catalog;
  }
  for (size_t i = 0; i < tests->size(); ++i) {
    const auto& t = (*tests)[i];
    std::string path = "$.tests[" + std::to_string(i) + "]";
    LabTest test;
    test.id = reader.String(t, path, "id").value_or("");
    test.loinc = reader.StringList(t, path, "loinc", false);
    test.canonical_unit = reader.String(t, path, "canonical_unit").value_or("");
    test.plausible_min = reader.Number(t, path, "plausible_min").value_or(0);
    test.plausible_max = reader.Number(t, path, "plausible_max").value_or(0);
    test.sources = reader.StringList(t, path, "sources");
    if (test.plausible_max <= test.plausible_min) {
      reader.Fail(path, "plausible_max must be greater than plausible_min");
    }
    if (const auto* units = reader.Member(t, path, "units")) {
      if (!units->is_object()) {
        reader.Fail(path + ".units", "must map each accepted unit to its factor");
      } else {
        for (const auto& [unit, factor] : units->items()) {
          if (!factor.is_number() || factor.get<double>() <= 0) {
            reader.Fail(path + ".units." + unit, "factor must be a positive number");
            continue;
          }
          test.units.push_back({unit, factor.get<double>()});
        }
      }
    }
    bool has_canonical = false;
    for (const auto& u : test.units) has_canonical |= (u.unit == test.canonical_unit);
    if (!has_canonical) reader.Fail(path + ".units", "must include the canonical unit");
    catalog.tests_.push_back(std::move(test));
  }
  for (size_t i = 0; i < catalog.tests_.size(); ++i) {
    for (const auto& code : catalog.tests_[i].loinc) catalog.by_loinc_.emplace(code, i);
  }
  return catalog;
}

}  // namespace oncnav
