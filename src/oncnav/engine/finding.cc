#include "oncnav/engine/finding.h"

namespace oncnav {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kCritical:
      return "critical";
  }
  return "info";
}

void AddUnique(std::vector<Finding>& list, Finding f) {
  for (const auto& existing : list) {
    if (existing.code == f.code && existing.params == f.params) return;
  }
  list.push_back(std::move(f));
}

}  // namespace oncnav
