#pragma once

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// The patient-view service (`POST {baseUrl}/cds-services/oncnav-patient-view`): checks the
// request, imports the prefetched FHIR resources, runs Evaluate at `defaults.as_of` in
// `defaults.region`, and answers with cards in the card language (card_language.h):
//  - one info card with the top next-line (or continue / at-progression) options, each with
//    its rationale, approval, what is still missing, rule, evidence and sources;
//  - one card per safety alert (indicator = the alert's severity);
//  - one card listing the tests and checks still missing;
// and no card when the engine has nothing to say ({"cards": []}).
// Errors: 400 for a malformed request, 412 for missing prefetch without a fhirServer, the
// importer's catalogue status for unusable FHIR data; kFetchNeeded when the server must fetch.
CdsResult HandlePatientView(const Json& request, const KnowledgePack& pack,
                            const CdsDefaults& defaults);

// The cards alone, for an evaluation already made (also used by tests).
Json PatientViewCards(const Evaluation& ev, const KnowledgePack& pack, std::string_view lang);

}  // namespace oncnav
