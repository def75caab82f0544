#pragma once

#include <string>
#include <variant>

#include "oncnav/calc/bilsky.h"
#include "oncnav/calc/cockcroft_gault.h"
#include "oncnav/calc/corrected_calcium.h"
#include "oncnav/calc/ctcae_grade.h"
#include "oncnav/calc/performance_status.h"
#include "oncnav/calc/score.h"

namespace oncnav {

// The result of any calculator, for code that handles them all alike (the CLI, the record
// summary, the JSON and text renderers).
using CalcReport = std::variant<CockcroftGaultResult, CorrectedCalciumResult, CtcaeGradeResult,
                                ScoreResult, BilskyResult, PerformanceStatusResult>;

struct CalcOutput {
  std::string calculator;  // the calculator's name: "cockcroft-gault", "ctcae-hypocalcemia", ...
  CalcReport report;
};

inline const CalcTrace& TraceOf(const CalcReport& r) {
  return std::visit([](const auto& v) -> const CalcTrace& { return v.trace; }, r);
}

}  // namespace oncnav
