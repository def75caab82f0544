#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/calc/calc_common.h"

namespace oncnav {

// One answer to a score factor: a choice (an option id or code, e.g. "lytic", "T12", "C") or a
// number (Karnofsky 70, two vertebral metastases). `field` is the input name used in errors.
struct FactorAnswer {
  std::string factor;
  std::string field;
  std::optional<std::string> choice;
  std::optional<double> number;
};

struct ScoreComponent {
  std::string factor;
  std::string option;  // the option matched
  int points = 0;
  std::optional<double> number;  // the number given, when the answer was numeric
};

// A points score (Mirels, SINS, revised Tokuhashi, new Katagiri) with its band.
struct ScoreResult {
  std::string calculator;  // mirels | sins | tokuhashi | katagiri
  int score = 0;
  int min_score = 0;  // the table's possible range
  int max_score = 0;
  ScoreBand band;
  std::vector<ScoreComponent> components;  // in the table's factor order
  CalcTrace trace;
};

// Sums the points of one answer per factor of `table`. Every factor needs exactly one answer;
// an unknown choice or a number outside the table is an error naming the answer's field and
// listing what is accepted. Records the table's rule.
Result<ScoreResult> EvaluateScore(const std::string& calculator, const ScoreTable& table,
                                  const std::vector<FactorAnswer>& answers);

// Options of a factor for messages: "a, b or c".
std::string OptionList(const ScoreFactor& factor);

}  // namespace oncnav
