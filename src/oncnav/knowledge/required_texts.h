#pragma once

#include <string_view>
#include <vector>

namespace oncnav {

// The text keys that library code names directly (record reader warnings import.*, input
// errors input.*, FHIR import warnings fhir.*). Like RequiredRuleIds, the contract between the
// code and the pack: the loader refuses a pack that lacks any of them, and a unit test checks
// that every such key written in the sources is listed here.
const std::vector<std::string_view>& RequiredTextKeys();

}  // namespace oncnav
