#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/common/error.h"

// Types shared by the CDS Hooks services (docs/cds-hooks.md). The library does no I/O: an HTTP
// server passes request bodies in and writes the CdsResult it gets back.
namespace oncnav {

using Json = nlohmann::ordered_json;

// Service ids, as listed by discovery and used in `{baseUrl}/cds-services/{id}`.
inline constexpr std::string_view kPatientViewService = "oncnav-patient-view";
inline constexpr std::string_view kOrderSignService = "oncnav-order-sign";
inline constexpr std::string_view kOrderSelectService = "oncnav-order-select";

// Deployment settings a service call falls back on.
struct CdsDefaults {
  Date as_of;                 // the date the engine evaluates at (normally today)
  std::string region = "jp";  // jp | us | cn | eu
  std::string lang = "en";    // card language when no prefetched communication says otherwise
};

enum class CdsOutcome {
  kCards,        // 200 with `body` = {"cards": [...]}
  kError,        // `http_status` (400, 412, 422, ...) with `body` = the error document
  kFetchNeeded,  // required prefetch is missing but the client gave a fhirServer: see `fetch`
};

// What a service call answers. For kFetchNeeded the server GETs each query in `fetch` from
// `fhir_server` (with the request's fhirAuthorization access token), stores each result (a
// resource or searchset Bundle, or null) under its key in the request's `prefetch`, and calls
// the handler again; when it cannot fetch it answers `PrefetchFailed()`.
struct CdsResult {
  CdsOutcome outcome = CdsOutcome::kCards;
  int http_status = 200;
  Json body;
  std::vector<Error> errors;                 // kError only
  std::map<std::string, std::string> fetch;  // prefetch key -> FHIR query relative to fhirServer
  // Optional keys the client did not send: worth fetching in the same round (a missing dental
  // examination would otherwise show as pending), but a failure only leaves them out.
  std::map<std::string, std::string> fetch_optional;
  std::string fhir_server;  // kFetchNeeded only
  std::string lang;         // the card language chosen (kCards)
};

}  // namespace oncnav
