#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// One answer to a score factor and its points. A choice is matched by `id` or by one of its
// `codes` (e.g. the vertebral level "T12" for the SINS location "junctional"); a numeric input
// (Karnofsky 70, three vertebral metastases) by the inclusive range [min, max].
struct ScoreOption {
  std::string id;
  int points = 0;
  std::vector<std::string> codes;  // upper case
  std::optional<double> min;
  std::optional<double> max;
};

struct ScoreFactor {
  std::string id;  // "site", "pain", ...; also the calculator's input field name
  std::vector<ScoreOption> options;

  const ScoreOption* FindChoice(std::string_view choice) const;  // by id or code
  const ScoreOption* FindNumber(double value) const;             // by range
};

struct SurvivalFigure {
  int months = 0;
  double percent = 0;
};

// A band of totals and what the source says about it.
struct ScoreBand {
  std::string id;
  int min = 0;
  int max = 0;
  std::string risk;    // e.g. "15%" (Mirels fracture risk); may be empty
  std::string action;  // e.g. "prophylactic_fixation"; may be empty
  std::vector<SurvivalFigure> survival;
};

// A points table (Mirels, SINS, revised Tokuhashi, new Katagiri): factors with options, and
// bands that cover every possible total without gaps or overlaps (checked at load).
struct ScoreTable {
  std::string rule;  // the pack rule that carries the table's sources and evidence
  std::vector<ScoreFactor> factors;
  std::vector<ScoreBand> bands;

  const ScoreFactor* Factor(std::string_view id) const;
  const ScoreBand* Band(int total) const;
  int MinTotal() const;
  int MaxTotal() const;

  static ScoreTable Load(const nlohmann::json& obj, const std::string& path, PackReader& reader);
};

// Normalises a choice typed by a person: trims, lower-cases and turns '-' and ' ' into '_'.
std::string NormaliseChoice(std::string_view text);

}  // namespace oncnav
