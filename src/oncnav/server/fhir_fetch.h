#pragma once

#include <map>
#include <string>

#include "oncnav/common/result.h"
#include "oncnav/report/json_output.h"

namespace oncnav::server {

// Fetches the prefetch a CDS client did not send (CDS Hooks current.md, "Prefetch"): GETs each
// query (relative to `fhir_server`, a FHIR base URL such as https://ehr.example.org/fhir) with
// `access_token` as the Bearer token when given, asking for FHIR JSON, and returns key -> the
// resource or searchset Bundle read. Only the first page of a search is read. Any failure
// (unreachable, a status other than 200, a body that is not a JSON object) is a
// kCdsPrefetchMissing Error naming `prefetch.<key>` and what happened; nothing partial is
// returned.
Result<std::map<std::string, Json>> FetchPrefetch(const std::string& fhir_server,
                                                  const std::map<std::string, std::string>& queries,
                                                  const std::string& access_token,
                                                  int timeout_seconds);

}  // namespace oncnav::server
