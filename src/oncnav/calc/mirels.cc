#include "oncnav/calc/mirels.h"

#include <cmath>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::optional<std::string> Choice(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

Result<ScoreResult> MirelsScore(const MirelsInput& in, const KnowledgePack& pack) {
  const auto& calc = pack.calculators;
  std::vector<Error> errors;
  if (in.axial_cortical_mm && !(*in.axial_cortical_mm >= 0 && *in.axial_cortical_mm < 2000)) {
    errors.push_back(
        {ErrorCode::kInvalidValue, "axial-cortical-mm", "must be a length in mm from 0 to 2000"});
  }
  if (in.circumferential_percent &&
      !(*in.circumferential_percent >= 0 && *in.circumferential_percent <= 100)) {
    errors.push_back({ErrorCode::kInvalidValue, "circumferential-percent",
                      "must be a percentage from 0 to 100"});
  }
  auto scored = EvaluateScore("mirels", calc.mirels,
                              {{"site", "site", Choice(in.site), {}},
                               {"pain", "pain", Choice(in.pain), {}},
                               {"lesion", "lesion", Choice(in.lesion), {}},
                               {"size", "size", Choice(in.size), {}}});
  if (!scored) errors.insert(errors.end(), scored.errors().begin(), scored.errors().end());
  if (!errors.empty()) return errors;
  ScoreResult out = std::move(scored).value();
  const std::string& rule = calc.mirels.rule;
  Severity advice =
      out.band.action == "prophylactic_fixation" ? Severity::kWarning : Severity::kInfo;
  out.trace.Note(Cat({"calc.advice.mirels.", out.band.action}), advice,
                 {{"score", std::to_string(out.score)}, {"risk", out.band.risk}}, rule);
  out.trace.Note("calc.note.mirels-specificity", Severity::kInfo, {}, rule);
  const auto& cortex = calc.mirels_cortex;
  if (in.axial_cortical_mm && *in.axial_cortical_mm > cortex.axial_mm_above) {
    out.trace.Note("calc.note.mirels-axial-cortex", Severity::kWarning,
                   {{"mm", FormatNumber(*in.axial_cortical_mm)},
                    {"limit", FormatNumber(cortex.axial_mm_above)}},
                   cortex.rule);
  }
  if (in.circumferential_percent &&
      *in.circumferential_percent > cortex.circumferential_percent_above) {
    out.trace.Note("calc.note.mirels-circumferential-cortex", Severity::kWarning,
                   {{"percent", FormatNumber(*in.circumferential_percent)},
                    {"limit", FormatNumber(cortex.circumferential_percent_above)}},
                   cortex.rule);
  }
  return out;
}

}  // namespace oncnav
