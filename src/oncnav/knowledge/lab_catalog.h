#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// A recorded unit and how to reach the canonical unit: canonical = value * factor.
struct LabUnit {
  std::string unit;
  double factor = 1;
};

// A laboratory test the pack knows (labs.json): its canonical unit, the units accepted,
// and the range of values a living human can have. Values outside that range are not
// used and are reported, because they are almost always a unit or entry error.
struct LabTest {
  std::string id;  // "creatinine", "calcium", ...
  std::vector<std::string> loinc;
  std::string canonical_unit;
  std::vector<LabUnit> units;
  double plausible_min = 0;
  double plausible_max = 0;
  std::vector<std::string> sources;
};

class LabCatalog {
 public:
  const LabTest* Find(std::string_view id) const;
  const LabTest* FindByLoinc(std::string_view code) const;
  // The value in the canonical unit, or nullopt when the unit is not one the test accepts.
  std::optional<double> ToCanonical(const LabTest& test, double value, std::string_view unit) const;
  const std::vector<LabTest>& tests() const { return tests_; }

  static LabCatalog Load(const nlohmann::json& doc, PackReader& reader);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // LOINC code -> index into tests_ (the first test listing it), built at load: the FHIR import
  // looks up every observation code here. Indices rather than pointers keep copies valid.
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> by_loinc_;
  std::vector<LabTest> tests_;
};

}  // namespace oncnav
