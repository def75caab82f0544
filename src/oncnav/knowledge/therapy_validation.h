#pragma once

#include <string>
#include <vector>

#include "oncnav/common/error.h"
#include "oncnav/knowledge/therapy_option.h"

namespace oncnav {

struct KnowledgePack;

// Checks the therapy catalogue against the rest of the pack: every drug, class, trial, source,
// test and text it names exists; every subtype and HER2 category is one the engine reports; and
// no declared regimen (with any of its alternatives) holds two drugs of one exclusive class.
void CheckTherapy(const KnowledgePack& pack, std::vector<Error>& errors);

// The regimens an option can stand for: its drugs, and each alternative applied in turn.
std::vector<std::vector<std::string>> RegimenVariants(const std::vector<std::string>& drugs,
                                                      const std::vector<Alternative>& alts);

}  // namespace oncnav
