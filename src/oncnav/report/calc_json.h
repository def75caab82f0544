#pragma once

#include <string>
#include <string_view>

#include "oncnav/calc/calc_report.h"
#include "oncnav/calc/from_record.h"
#include "oncnav/report/json_output.h"

namespace oncnav {

// One calculator result (docs/output.md, "Calculators"): {calculator, label, summary, result,
// notes, evidence}. Words follow `lang`; codes and numbers do not.
Json CalcOutputToJson(const CalcOutput& output, const KnowledgePack& pack, std::string_view lang);

// The `result` object alone, per calculator type.
Json CalcResultToJson(const CalcReport& report);

// What a patient record allows: {as_of, results[] (each as above plus inputs[]),
// cannot_compute[] ({calculator, label, missing[], reason, message})}. Provenance is the
// caller's: the rules are in `calcs.rules`.
Json RecordCalculationsToJson(const RecordCalculations& calcs, const KnowledgePack& pack,
                              std::string_view lang);

// The one-line summary of a result in `lang` (also used by the text report).
std::string CalcSummary(const CalcOutput& output, const KnowledgePack& pack, std::string_view lang);

// "Cockcroft-Gault cannot be computed: missing weight, sex" in `lang`.
std::string CannotComputeMessage(const CannotCompute& c, const KnowledgePack& pack,
                                 std::string_view lang);

}  // namespace oncnav
