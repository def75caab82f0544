#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/cdshooks/request.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// A service call ready for the engine: the checked request, the patient imported from the
// prefetched resources and the card language.
struct PreparedCall {
  CdsRequest request;
  ImportedRecord record;
  std::string lang;
};

// The steps every oncnav service shares: check the request (400), find missing required
// prefetch (kFetchNeeded when the client gave a fhirServer, else 412 as the specification
// says), assemble and import the prefetched FHIR resources (the importer's errors keep their
// catalogue status). Returns either the prepared call or the answer to send instead.
std::variant<PreparedCall, CdsResult> PrepareCall(const Json& body, std::string_view hook,
                                                  const KnowledgePack& pack,
                                                  const CdsDefaults& defaults);

// An error answer: the status of the first error's catalogue row and the error document of
// report/error_output.h ({"errors": [...]}) with messages in `lang`.
CdsResult ErrorResult(std::vector<Error> errors, const KnowledgePack& pack, std::string_view lang);

// The 412 answer a server sends when it was told to fetch (kFetchNeeded) and could not.
CdsResult PrefetchFailed(const std::vector<std::string>& keys, const KnowledgePack& pack,
                         std::string_view lang);

// A 200 answer: {"cards": [...]} (an empty array means no guidance).
CdsResult CardsResult(Json cards, std::string lang);

}  // namespace oncnav
