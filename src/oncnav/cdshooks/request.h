#pragma once

#include <string>
#include <string_view>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/common/result.h"

namespace oncnav {

// A CDS Hooks service call whose envelope and hook context passed the specification's checks.
struct CdsRequest {
  std::string hook;
  std::string hook_instance;
  std::string fhir_server;         // empty when absent
  bool has_authorization = false;  // a valid fhirAuthorization object was given
  std::string user_id;             // context.userId, "Practitioner/abc"
  std::string patient_id;          // context.patientId
  Json context;
  Json prefetch = Json::object();  // as sent (values may be null)
};

// Checks a request body against the specification (current.md "Calling a CDS Service" and
// the hook's context table): `hook` (must equal `expected_hook`), `hookInstance`, `context`
// required; `fhirServer` an http(s) URL, required when `fhirAuthorization` is present;
// `fhirAuthorization` with access_token, token_type "Bearer", expires_in, scope, subject;
// no null or empty values outside `prefetch`; context userId ("Type/id" of a type the hook
// allows) and patientId; draftOrders a Bundle for order-sign and order-select; selections a
// non-empty array of "Type/id" strings for order-select. Every violation is reported as a
// kCdsBadRequest Error naming the field.
Result<CdsRequest> ParseCdsRequest(const Json& body, std::string_view expected_hook);

}  // namespace oncnav
