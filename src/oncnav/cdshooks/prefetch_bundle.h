#pragma once

#include <string_view>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/common/result.h"

namespace oncnav {

// One collection Bundle of every resource in the prefetch values the services asked for (a
// resource, or a searchset Bundle whose entries are taken; null means "no data";
// OperationOutcomes are skipped), for the FHIR importer. Keys oncnav did not ask for are
// ignored. Fails (kCdsBadRequest) when a value is not an object or null, a Bundle entry has no
// resource, or the prefetched Patient is not `patient_id`.
Result<Json> BundleFromPrefetch(const Json& prefetch, std::string_view patient_id);

}  // namespace oncnav
