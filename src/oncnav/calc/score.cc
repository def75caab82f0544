#include "oncnav/calc/score.h"

#include "oncnav/common/text.h"

namespace oncnav {

std::string OptionList(const ScoreFactor& factor) {
  std::string out;
  for (size_t i = 0; i < factor.options.size(); ++i) {
    if (i > 0) out += (i + 1 == factor.options.size()) ? " or " : ", ";
    out += factor.options[i].id;
  }
  return out;
}

Result<ScoreResult> EvaluateScore(const std::string& calculator, const ScoreTable& table,
                                  const std::vector<FactorAnswer>& answers) {
  std::vector<Error> errors;
  ScoreResult out;
  out.calculator = calculator;
  for (const auto& factor : table.factors) {
    const FactorAnswer* answer = nullptr;
    for (const auto& a : answers) {
      if (a.factor == factor.id && (a.choice || a.number)) answer = &a;
    }
    std::string field = factor.id;
    for (char& c : field) c = c == '_' ? '-' : c;
    if (!answer) {
      errors.push_back(
          {ErrorCode::kMissingField, field, Cat({"is required (", OptionList(factor), ")"})});
      continue;
    }
    ScoreComponent comp;
    comp.factor = factor.id;
    const ScoreOption* option = nullptr;
    if (answer->choice) {
      option = factor.FindChoice(*answer->choice);
      if (!option) {
        errors.push_back({ErrorCode::kInvalidValue, answer->field,
                          Cat({"'", *answer->choice, "' is not one of ", OptionList(factor)})});
        continue;
      }
    } else {
      option = factor.FindNumber(*answer->number);
      comp.number = answer->number;
      if (!option) {
        std::string ranges;
        for (const auto& o : factor.options) {
          if (!o.min) continue;
          ranges += Cat(
              {ranges.empty() ? "" : ", ", FormatNumber(*o.min, 0), "-", FormatNumber(*o.max, 0)});
        }
        errors.push_back({ErrorCode::kInvalidValue, answer->field,
                          Cat({FormatNumber(*answer->number, 2),
                               " is outside the ranges the score covers (", ranges, ")"})});
        continue;
      }
    }
    comp.option = option->id;
    comp.points = option->points;
    out.score += option->points;
    out.components.push_back(std::move(comp));
  }
  if (!errors.empty()) return errors;
  out.min_score = table.MinTotal();
  out.max_score = table.MaxTotal();
  const ScoreBand* band = table.Band(out.score);
  if (!band) {
    return Error{ErrorCode::kInternal, calculator, "the total falls in no band of the pack"};
  }
  out.band = *band;
  out.trace.Use(table.rule);
  return out;
}

}  // namespace oncnav
