#pragma once

#include <vector>

#include "oncnav/common/error.h"

namespace oncnav {

struct KnowledgePack;

// Cross-file checks for calculators.json: every rule it names is defined, and every laboratory
// test and unit it names is one labs.json accepts (so calculator inputs convert as records do).
void CheckCalculatorReferences(const KnowledgePack& pack, std::vector<Error>& errors);

}  // namespace oncnav
