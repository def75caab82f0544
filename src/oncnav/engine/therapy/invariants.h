#pragma once

#include <string>
#include <vector>

#include "oncnav/engine/therapy/therapy_options.h"

namespace oncnav {

// The safety invariants every proposal must hold, checked in one place:
//  1. no proposed regimen contains a drug that a hard stop excludes;
//  2. no regimen (or any of its alternatives) holds two drugs of one exclusive class;
//  3. a PD-L1 condition counts as met only on a score from the assay its drug requirements;
//  4. an option whose biomarker is unknown is "pending", names what is missing, and ranks
//     after every eligible option of its approval group;
//  5. every option and exclusion carries a source, and no option rests on unverified evidence.
// Returns one line per violation; empty when all hold. Used by the property tests.
std::vector<std::string> CheckInvariants(const TherapyContext& context,
                                         const TherapyOptions& result);

// Moves any proposed option that breaks invariant 1, 2, 3 or 5 to `excluded` with reason
// "safety-invariant". The engine's last step before ranking: a bug elsewhere can never surface
// as a proposal.
void EnforceInvariants(const TherapyContext& context, TherapyOptions& result);

}  // namespace oncnav
