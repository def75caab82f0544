#pragma once

#include <string>
#include <string_view>

#include "oncnav/cdshooks/cds_types.h"

namespace oncnav {

// CDS Hooks has no locale parameter, so the card language comes from the prefetched data: the
// first en/ja/zh language of the user's Practitioner.communication, else of the Patient's
// communication (a `preferred` entry first), else `fallback` (the deployment default).
// BCP-47 tags are reduced to their language ("ja-JP" -> ja, "zh-Hans" -> zh).
std::string CardLanguage(const Json& prefetch, std::string_view fallback);

}  // namespace oncnav
