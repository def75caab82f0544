#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/knowledge/ctcae_table.h"
#include "oncnav/knowledge/pack_reader.h"
#include "oncnav/knowledge/score_table.h"

namespace oncnav {

struct Limits {
  double min = 0;
  double max = 0;
};

// Engineering limits on calculator inputs (design, not clinical thresholds).
struct CalcInputLimits {
  std::string rule;
  Limits age_years{18, 120};
  Limits weight_kg{0.5, 400};
  Limits height_cm{30, 250};
  Limits count{0, 1000};
};

// Cockcroft-Gault (supportive-care.md §4.1).
struct CockcroftGaultConfig {
  std::string rule;
  double age_constant = 140;
  double creatinine_multiplier = 72;
  double female_factor = 0.85;
  std::string ibw_rule;
  // Ideal body weight for women: base + per_inch x (height in inches - reference_inches).
  // No male formula is in the spec, so none is here.
  std::optional<double> ibw_female_base_kg;
  double ibw_kg_per_inch = 0;
  double ibw_reference_inches = 0;
  std::string round_rule;
  double round_up_below_mg_dl = 1.0;
  bool round_up_default = false;
};

// corrected = calcium + slope x (albumin_reference - albumin), in the formula's own units.
struct CalciumFormula {
  std::string id;  // payne_original | payne_0_8 | si_0_02
  std::string rule;
  std::string calcium_unit;
  std::string albumin_unit;
  double slope = 0;
  double albumin_reference = 0;
  std::string equivalent;  // the same formula written for the other calcium unit, if any
};

// Albumin-corrected calcium (supportive-care.md §4.2).
struct CalciumCorrectionConfig {
  std::string default_formula;
  std::string high_albumin_rule;
  double high_albumin_g_dl = 4.0;
  bool correct_high_albumin = false;
  std::string limits_rule;
  std::vector<CalciumFormula> formulas;

  const CalciumFormula* Formula(std::string_view id) const;
};

struct BilskyGradeDef {
  std::string id;        // "0", "1a", "1b", "1c", "2", "3"
  std::string category;  // low | debated | high
};

struct BilskyConfig {
  std::string rule;
  std::vector<BilskyGradeDef> grades;
};

struct MirelsCortexConfig {
  std::string rule;
  double axial_mm_above = 30;
  double circumferential_percent_above = 50;
};

struct PerformancePair {
  int ecog = 0;
  std::vector<int> karnofsky;  // the Karnofsky values conventionally paired with this ECOG
};

struct PerformanceMap {
  std::string rule;
  std::vector<PerformancePair> pairs;
};

// How calculators read a patient record (design).
struct CalcRecordConfig {
  std::string rule;
  int albumin_max_days_from_calcium = 0;
};

// Everything in calculators.json.
struct CalculatorConfig {
  CalcInputLimits limits;
  CockcroftGaultConfig cockcroft_gault;
  CalciumCorrectionConfig calcium;
  CtcaeTable ctcae;
  ScoreTable mirels;
  MirelsCortexConfig mirels_cortex;
  ScoreTable sins;
  BilskyConfig bilsky;
  ScoreTable tokuhashi;
  ScoreTable katagiri;
  std::string katagiri_points_rule;
  PerformanceMap performance;
  CalcRecordConfig record;

  // Every rule id the file names, for the pack's cross-reference check.
  std::vector<std::string> RuleIds() const;

  static CalculatorConfig Load(const nlohmann::json& doc, PackReader& reader);
};

}  // namespace oncnav
