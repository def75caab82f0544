#pragma once

#include <string_view>
#include <vector>

namespace oncnav {

// The rule ids that engine code applies by name. This list is the contract between the code
// and the pack: the loader refuses a pack that lacks any of them, and modules add their ids
// here when they start to use one.
const std::vector<std::string_view>& RequiredRuleIds();

}  // namespace oncnav
