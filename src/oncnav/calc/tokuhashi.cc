#include "oncnav/calc/tokuhashi.h"

#include <cmath>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::optional<std::string> Choice(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

bool Whole(double v) { return std::isfinite(v) && v == std::floor(v); }

void CheckCount(const std::optional<double>& v, const char* field, const Limits& limits,
                std::vector<Error>& errors) {
  if (!v) return;
  if (!Whole(*v)) {
    errors.push_back({ErrorCode::kInvalidValue, field, "must be a whole number"});
    return;
  }
  CheckLimits(*v, limits, field, "", errors);
}

// Exactly one of two ways of giving a factor.
void OneOf(bool a, bool b, const char* field_a, const char* field_b, std::vector<Error>& errors) {
  if (a && b) {
    errors.push_back({ErrorCode::kInvalidValue, field_a,
                      Cat({"give ", field_a, " or ", field_b, ", not both"})});
  }
}

}  // namespace

Result<ScoreResult> TokuhashiScore(const TokuhashiInput& in, const KnowledgePack& pack) {
  const auto& calc = pack.calculators;
  std::vector<Error> errors;
  OneOf(in.karnofsky.has_value(), !in.condition.empty(), "kps", "condition", errors);
  OneOf(!in.palsy.empty(), !in.frankel.empty(), "palsy", "frankel", errors);
  if (in.karnofsky && !(Whole(*in.karnofsky) && *in.karnofsky >= 0 && *in.karnofsky <= 100 &&
                        static_cast<int>(*in.karnofsky) % 10 == 0)) {
    errors.push_back(
        {ErrorCode::kInvalidValue, "kps", "must be a Karnofsky score from 0 to 100 in tens"});
  }
  CheckCount(in.extraspinal_bone_mets, "extraspinal-bone-mets", calc.limits.count, errors);
  CheckCount(in.vertebral_mets, "vertebral-mets", calc.limits.count, errors);
  if (!in.frankel.empty() && in.frankel.size() != 1) {
    errors.push_back({ErrorCode::kInvalidValue, "frankel", "must be one letter, A to E"});
  }
  if (!errors.empty()) return errors;
  FactorAnswer condition{"condition", in.karnofsky ? "kps" : "condition", Choice(in.condition),
                         in.karnofsky};
  FactorAnswer palsy{"palsy",
                     in.frankel.empty() ? "palsy" : "frankel",
                     Choice(in.frankel.empty() ? in.palsy : in.frankel),
                     {}};
  auto scored = EvaluateScore(
      "tokuhashi", calc.tokuhashi,
      {condition,
       {"extraspinal_bone_mets", "extraspinal-bone-mets", {}, in.extraspinal_bone_mets},
       {"vertebral_mets", "vertebral-mets", {}, in.vertebral_mets},
       {"organ_mets", "organ-mets", Choice(in.organ_mets), {}},
       {"primary", "primary", Choice(in.primary.empty() ? "breast" : in.primary), {}},
       palsy});
  if (!scored) return scored.errors();
  ScoreResult out = std::move(scored).value();
  out.trace.Note("calc.note.tokuhashi-survival-only", Severity::kInfo, {}, calc.tokuhashi.rule);
  return out;
}

}  // namespace oncnav
