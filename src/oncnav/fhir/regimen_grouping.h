#pragma once

#include "oncnav/fhir/import_context.h"

namespace oncnav::fhir {

// Days within which a drug joins a regimen started by another drug (and within which a drug
// that stopped while its partners go on only ends the regimen with them), and within which a
// drug's next resource continues its exposure (codes.json rule FHIR-REGIMEN-GROUP).
inline constexpr int kRegimenJoinDays = 28;
inline constexpr int kRegimenContinueDays = 90;
// A regimen is neoadjuvant when a surgery follows its start within this many days.
inline constexpr int kNeoadjuvantDays = 365;

// Groups the collected drug exposures into Regimens and sets each regimen's setting and stop
// reason (rules FHIR-REGIMEN-GROUP, FHIR-REGIMEN-SETTING, FHIR-STOP-REASON). Runs after every
// resource was mapped, because the setting depends on metastasis and surgery dates.
void BuildRegimens(ImportContext& ctx);

}  // namespace oncnav::fhir
