#pragma once

#include <string>
#include <vector>

#include "oncnav/knowledge/texts.h"

namespace oncnav {

enum class Severity { kInfo, kWarning, kCritical };
std::string_view SeverityName(Severity s);

// Something the engine wants a person to see: an alert, or a test that is still missing.
// `code` is stable (tests and other systems key on it) and is also the key of its translated
// message in the pack's texts; `params` fill the message's placeholders.
struct Finding {
  std::string code;
  Severity severity = Severity::kInfo;
  Texts::Params params;
  std::string rule;  // the pack rule that produced it
};

// Appends unless a finding with the same code and params is already present.
void AddUnique(std::vector<Finding>& list, Finding f);

}  // namespace oncnav
