#pragma once

#include <map>
#include <string>
#include <vector>

#include "oncnav/knowledge/pack.h"

namespace oncnav {

// For each source id, everything in the pack that cites it: rules ("rule OPT-HR-CAPI-FUL"),
// trials ("trial CAPItello-291"), approvals ("approval OPT-HR-CAPI-FUL jp"), drugs and
// laboratory tests. Sources no one cites map to an empty list.
std::map<std::string, std::vector<std::string>> SourceUsage(const KnowledgePack& pack);

}  // namespace oncnav
