#include "oncnav/knowledge/required_rules.h"

namespace oncnav {

const std::vector<std::string_view>& RequiredRuleIds() {
  static const std::vector<std::string_view> ids = {
      // classification (engine/classify_*.cc)
      "ER-1", "ER-2", "ER-3", "PR-1", "HR-1", "TNBC-1", "ER-5",
      "HER2-IHC-3", "HER2-IHC-2", "HER2-IHC-1", "HER2-IHC-0",
      "HER2-SP", "HER2-LOW", "HER2-ULTRALOW", "HER2-ZERO", "SUBTYPE-SPECIMEN", "DISCORDANCE",
      // course of treatment (engine/course*.cc)
      "LOT-1", "LOT-2", "LOT-4", "DEF-1", "DEF-2", "DEF-3", "RA-02", "RA-3",
  };
  return ids;
}

}  // namespace oncnav
