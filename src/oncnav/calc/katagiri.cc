#include "oncnav/calc/katagiri.h"

#include <cmath>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::optional<std::string> Choice(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> YesNo(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  return *b ? "yes" : "no";
}

}  // namespace

Result<ScoreResult> KatagiriScore(const KatagiriInput& in, const KnowledgePack& pack) {
  const auto& calc = pack.calculators;
  if (in.ecog && !(std::isfinite(*in.ecog) && *in.ecog == std::floor(*in.ecog) && *in.ecog >= 0 &&
                   *in.ecog <= 5)) {
    return Error{ErrorCode::kInvalidValue, "ecog", "must be a whole number from 0 to 5"};
  }
  auto scored = EvaluateScore(
      "katagiri", calc.katagiri,
      {{"primary", "primary", Choice(in.primary), {}},
       {"visceral", "visceral", Choice(in.visceral), {}},
       {"lab", "lab", Choice(in.lab), {}},
       {"performance", "ecog", {}, in.ecog},
       {"chemotherapy", "previous-chemotherapy", YesNo(in.previous_chemotherapy), {}},
       {"multiple_bone_mets", "multiple-bone-mets", YesNo(in.multiple_bone_mets), {}}});
  if (!scored) {
    // Name the input fields rather than the table's factor ids.
    std::vector<Error> errors = scored.errors();
    for (auto& e : errors) {
      if (e.field == "performance") e.field = "ecog";
      if (e.field == "chemotherapy") e.field = "previous-chemotherapy";
    }
    return errors;
  }
  ScoreResult out = std::move(scored).value();
  out.trace.Use(calc.katagiri_points_rule);
  NoteUnverified(out.trace, pack);
  return out;
}

}  // namespace oncnav
