#include "oncnav/calc/ctcae_neutrophils.h"

namespace oncnav {

Result<CtcaeGradeResult> GradeNeutrophilCountDecreased(const NeutrophilGradeInput& in,
                                                       const KnowledgePack& pack) {
  std::vector<Error> errors;
  if (!in.neutrophils) {
    return Error{ErrorCode::kMissingField, "neutrophils", "is required (10*9/L or /mm3)"};
  }
  if (!CheckLabValue(pack, "neutrophils", *in.neutrophils, "neutrophils", "neutrophils-unit",
                     errors)) {
    return errors;
  }
  return GradeLabValue(pack, "neutrophil_count_decreased", "neutrophils", *in.neutrophils,
                       in.references);
}

}  // namespace oncnav
