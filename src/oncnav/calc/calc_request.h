#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/calc/calc_fields.h"
#include "oncnav/calc/calc_report.h"

namespace oncnav {

// A calculator by name and the input fields it reads.
struct CalculatorInfo {
  std::string name;  // "cockcroft-gault", "corrected-calcium", "ctcae-hypocalcemia", ...
  std::vector<std::string> fields;
};

const std::vector<CalculatorInfo>& Calculators();
const CalculatorInfo* FindCalculator(std::string_view name);

// Runs calculator `name` on text fields (as a command line or form gives them). Unknown
// names and fields are usage errors; every other problem is an error naming its field.
Result<CalcOutput> RunCalculator(std::string_view name, const CalcFields& fields,
                                 const KnowledgePack& pack);

}  // namespace oncnav
