#include "oncnav/calc/sins.h"

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::optional<std::string> Choice(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

Result<ScoreResult> SinsScore(const SinsInput& in, const KnowledgePack& pack) {
  const ScoreTable& table = pack.calculators.sins;
  std::string location = in.location;
  std::string location_field = "location";
  if (!in.level.empty()) {
    const ScoreFactor* f = table.Factor("location");
    const ScoreOption* by_level = f ? f->FindChoice(in.level) : nullptr;
    if (!by_level || by_level->codes.empty() || by_level->id == NormaliseChoice(in.level)) {
      return Error{ErrorCode::kInvalidValue, "level",
                   Cat({"'", in.level, "' is not a vertebral level from occiput/C0 to S5"})};
    }
    if (!in.location.empty()) {
      const ScoreOption* by_name = f->FindChoice(in.location);
      if (by_name != by_level) {
        return Error{
            ErrorCode::kInvalidValue, "location",
            Cat({"'", in.location, "' does not match level ", in.level, " (", by_level->id, ")"})};
      }
    }
    location = in.level;
    location_field = "level";
  }
  auto scored =
      EvaluateScore("sins", table,
                    {{"location", location_field, Choice(location), {}},
                     {"pain", "pain", Choice(in.pain), {}},
                     {"lesion", "lesion", Choice(in.lesion), {}},
                     {"alignment", "alignment", Choice(in.alignment), {}},
                     {"collapse", "collapse", Choice(in.collapse), {}},
                     {"posterolateral", "posterolateral", Choice(in.posterolateral), {}}});
  if (!scored) return scored.errors();
  ScoreResult out = std::move(scored).value();
  if (out.band.action == "surgical_consultation") {
    out.trace.Note("calc.advice.sins.surgical_consultation", Severity::kWarning,
                   {{"score", std::to_string(out.score)},
                    {"band", Cat({"@calc.value.band.sins.", out.band.id})}},
                   table.rule);
  }
  return out;
}

}  // namespace oncnav
