#include "oncnav/calc/ctcae_creatinine.h"

namespace oncnav {

Result<CtcaeGradeResult> GradeCreatinineIncreased(const CreatinineGradeInput& in,
                                                  const KnowledgePack& pack) {
  std::vector<Error> errors;
  if (!in.creatinine) {
    errors.push_back({ErrorCode::kMissingField, "creatinine", "is required (mg/dL or umol/L)"});
  } else {
    CheckLabValue(pack, "creatinine", *in.creatinine, "creatinine", "creatinine-unit", errors);
  }
  if (!in.references.uln && !in.references.baseline) {
    errors.push_back({ErrorCode::kMissingField, "uln",
                      "is required: creatinine is graded against the upper limit of normal "
                      "(and the baseline when known), in the creatinine's unit"});
  }
  if (!errors.empty()) return errors;
  return GradeLabValue(pack, "creatinine_increased", "creatinine", *in.creatinine, in.references);
}

}  // namespace oncnav
