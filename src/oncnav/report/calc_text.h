#pragma once

#include <string>
#include <string_view>

#include "oncnav/calc/calc_report.h"
#include "oncnav/calc/from_record.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// A calculator result for people, fully in `lang`: "label: summary", the points of each
// factor for scores, then the notes.
std::string CalcOutputToText(const CalcOutput& output, const KnowledgePack& pack,
                             std::string_view lang);

// Every result a record allows, then what cannot be computed and why.
std::string RecordCalculationsToText(const RecordCalculations& calcs, const KnowledgePack& pack,
                                     std::string_view lang);

}  // namespace oncnav
