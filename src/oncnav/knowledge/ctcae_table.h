#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// One condition of a CTCAE grade, written in the pack as "< 8.0", "< LLN", "> 1.5 x ULN" or
// "> 3.0 x baseline". Comparisons are strict: "< 8.0 - 7.0" in the CTCAE table is the
// grade for 7.0 <= x < 8.0, found by testing the most severe grade first.
struct CtcaeCondition {
  enum class Reference { kAbsolute, kLln, kUln, kBaseline };
  bool below = true;  // '<' when true, '>' when false
  Reference reference = Reference::kAbsolute;
  double factor = 1;  // the threshold, or the multiple of the reference

  static std::optional<CtcaeCondition> Parse(std::string_view text);
  std::string ToString() const;
};

// A grade is met when any of its conditions holds.
struct CtcaeGradeRow {
  int grade = 0;
  std::vector<CtcaeCondition> any_of;
};

// The grading of one term on one kind of value in one unit (e.g. hypocalcaemia on corrected
// calcium in mmol/L). An empty unit means the conditions are relative (x ULN, x baseline),
// so any unit works as long as the value and its references share it.
struct CtcaeScale {
  std::string basis;  // corrected_calcium | ionized_calcium | creatinine | neutrophils
  std::string lab;    // the labs.json test the value belongs to
  std::string unit;
  std::vector<CtcaeGradeRow> grades;  // most severe first
};

struct CtcaeTerm {
  std::string id;  // hypocalcemia | hypercalcemia | creatinine_increased | ...
  std::string rule;
  std::vector<CtcaeScale> scales;
};

struct CtcaeTable {
  std::string version;           // "5.0"
  std::string lab_grade_rule;    // lab-derived grades only (clinical qualifiers not applied)
  std::string no_baseline_rule;  // a baseline criterion without a baseline is not met
  std::string calcium_basis_rule;
  std::vector<CtcaeTerm> terms;

  const CtcaeTerm* Term(std::string_view id) const;

  static CtcaeTable Load(const nlohmann::json& obj, const std::string& path, PackReader& reader);
};

}  // namespace oncnav
