#include "oncnav/knowledge/required_rules.h"

namespace oncnav {

const std::vector<std::string_view>& RequiredRuleIds() {
  static const std::vector<std::string_view> ids = {
      // classification (engine/classify_*.cc)
      "ER-1",
      "ER-2",
      "ER-3",
      "PR-1",
      "HR-1",
      "TNBC-1",
      "ER-5",
      "HER2-IHC-3",
      "HER2-IHC-2",
      "HER2-IHC-1",
      "HER2-IHC-0",
      "HER2-SP",
      "HER2-LOW",
      "HER2-ULTRALOW",
      "HER2-ZERO",
      "SUBTYPE-SPECIMEN",
      "DISCORDANCE",
      // course of treatment (engine/course*.cc)
      "LOT-1",
      "LOT-2",
      "LOT-4",
      "LOT-SUPPORTIVE",
      "RA-01",
      "RA-05",
      "DEF-1",
      "DEF-2",
      "DEF-3",
      "RA-02",
      "RA-3",
      // RECIST (engine/recist*.cc)
      "RECIST-MEAS",
      "RECIST-MEAS-SLICE",
      "RECIST-MEAS-NODE",
      "RECIST-BONE-BLASTIC",
      "RECIST-BONE-LYTIC",
      "RECIST-IRRADIATED",
      "RECIST-TARGET-MAX",
      "RECIST-SOD",
      "RECIST-TSTM",
      "RECIST-GONE",
      "RECIST-NODE-SA",
      "RECIST-CR",
      "RECIST-PR",
      "RECIST-PR-HOLD",
      "RECIST-PD",
      "RECIST-SD",
      "RECIST-NADIR-ZERO",
      "RECIST-NT-CR",
      "RECIST-NT-NONCR",
      "RECIST-NT-PD",
      "RECIST-NEW",
      "RECIST-NEW-EQUIVOCAL",
      "RECIST-NEW-BACKDATE",
      "RECIST-NEW-NODE",
      "RECIST-NE",
      "RECIST-CR-NT-NE",
      "RECIST-OVERALL",
      "RECIST-NONTARGET-ONLY",
      "RECIST-BONE-ONLY",
      "RECIST-BASELINE",
      "RECIST-TRACK",
      "RECIST-MARKERS",
  };
  return ids;
}

}  // namespace oncnav
