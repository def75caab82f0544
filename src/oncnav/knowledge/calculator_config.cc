#include "oncnav/knowledge/calculator_config.h"

#include <algorithm>
#include <cmath>

namespace oncnav {
namespace {

using nlohmann::json;

std::string Rule(PackReader& reader, const json& obj, const std::string& path,
                 const std::string& key = "rule") {
  return reader.String(obj, path, key).value_or("");
}

void Positive(PackReader& reader, const json& obj, const std::string& path, const std::string& key,
              double& out) {
  auto v = reader.Number(obj, path, key);
  if (!v) return;
  if (!(*v > 0)) {
    reader.Fail(path + "." + key, "must be a positive number");
    return;
  }
  out = *v;
}

void LoadLimits(PackReader& reader, const json& obj, const std::string& path,
                const std::string& key, Limits& out) {
  const auto* l = reader.Member(obj, path, key);
  if (!l) return;
  auto min = reader.Number(*l, path + "." + key, "min");
  auto max = reader.Number(*l, path + "." + key, "max");
  if (!min || !max) return;
  if (!(*min < *max) || *min < 0) {
    reader.Fail(path + "." + key, "needs 0 <= min < max");
    return;
  }
  out = {*min, *max};
}

void RequireFactors(PackReader& reader, const ScoreTable& table, const std::string& path,
                    std::initializer_list<const char*> ids) {
  for (const char* id : ids) {
    if (!table.Factor(id))
      reader.Fail(path + ".factors", "must define the factor '" + std::string(id) + "'");
  }
}

CalcInputLimits LoadInputLimits(const json& doc, PackReader& reader) {
  CalcInputLimits l;
  const auto* obj = reader.Member(doc, "$", "input_limits");
  if (!obj) return l;
  const std::string p = "$.input_limits";
  l.rule = Rule(reader, *obj, p);
  LoadLimits(reader, *obj, p, "age_years", l.age_years);
  LoadLimits(reader, *obj, p, "weight_kg", l.weight_kg);
  LoadLimits(reader, *obj, p, "height_cm", l.height_cm);
  LoadLimits(reader, *obj, p, "count", l.count);
  return l;
}

CockcroftGaultConfig LoadCockcroftGault(const json& doc, PackReader& reader) {
  CockcroftGaultConfig c;
  const auto* obj = reader.Member(doc, "$", "cockcroft_gault");
  if (!obj) return c;
  const std::string p = "$.cockcroft_gault";
  c.rule = Rule(reader, *obj, p);
  Positive(reader, *obj, p, "age_constant", c.age_constant);
  Positive(reader, *obj, p, "creatinine_multiplier", c.creatinine_multiplier);
  Positive(reader, *obj, p, "female_factor", c.female_factor);
  if (const auto* ibw = reader.Member(*obj, p, "ideal_body_weight")) {
    const std::string ip = p + ".ideal_body_weight";
    c.ibw_rule = Rule(reader, *ibw, ip);
    if (const auto* f = reader.Member(*ibw, ip, "female", false)) {
      double base = 0;
      Positive(reader, *f, ip + ".female", "base_kg", base);
      Positive(reader, *f, ip + ".female", "kg_per_inch", c.ibw_kg_per_inch);
      Positive(reader, *f, ip + ".female", "reference_inches", c.ibw_reference_inches);
      if (base > 0) c.ibw_female_base_kg = base;
    }
  }
  if (const auto* r = reader.Member(*obj, p, "creatinine_round_up")) {
    const std::string rp = p + ".creatinine_round_up";
    c.round_rule = Rule(reader, *r, rp);
    Positive(reader, *r, rp, "below_mg_dl", c.round_up_below_mg_dl);
    const auto* d = reader.Member(*r, rp, "default");
    if (d && !d->is_boolean()) reader.Fail(rp + ".default", "must be true or false");
    if (d && d->is_boolean()) c.round_up_default = d->get<bool>();
  }
  return c;
}

CalciumCorrectionConfig LoadCalcium(const json& doc, PackReader& reader) {
  CalciumCorrectionConfig c;
  const auto* obj = reader.Member(doc, "$", "corrected_calcium");
  if (!obj) return c;
  const std::string p = "$.corrected_calcium";
  c.default_formula = reader.String(*obj, p, "default_formula").value_or("");
  c.limits_rule = Rule(reader, *obj, p, "limits_rule");
  if (const auto* h = reader.Member(*obj, p, "high_albumin")) {
    c.high_albumin_rule = Rule(reader, *h, p + ".high_albumin");
    Positive(reader, *h, p + ".high_albumin", "at_or_above_g_dl", c.high_albumin_g_dl);
    const auto* corr = reader.Member(*h, p + ".high_albumin", "correct");
    if (corr && !corr->is_boolean())
      reader.Fail(p + ".high_albumin.correct", "must be true or false");
    if (corr && corr->is_boolean()) c.correct_high_albumin = corr->get<bool>();
  }
  const auto* formulas = reader.Member(*obj, p, "formulas");
  if (!formulas || !formulas->is_array()) {
    if (formulas) reader.Fail(p + ".formulas", "must be an array");
    return c;
  }
  for (size_t i = 0; i < formulas->size(); ++i) {
    const auto& f = (*formulas)[i];
    std::string fp = p + ".formulas[" + std::to_string(i) + "]";
    CalciumFormula formula;
    formula.id = reader.String(f, fp, "id").value_or("");
    formula.rule = Rule(reader, f, fp);
    formula.calcium_unit = reader.String(f, fp, "calcium_unit").value_or("");
    formula.albumin_unit = reader.String(f, fp, "albumin_unit").value_or("");
    Positive(reader, f, fp, "slope", formula.slope);
    Positive(reader, f, fp, "albumin_reference", formula.albumin_reference);
    formula.equivalent = reader.String(f, fp, "equivalent", false).value_or("");
    c.formulas.push_back(std::move(formula));
  }
  for (const auto& f : c.formulas) {
    if (!f.equivalent.empty() && !c.Formula(f.equivalent))
      reader.Fail(p + ".formulas",
                  "'" + f.id + "' names an unknown equivalent '" + f.equivalent + "'");
  }
  if (!c.Formula(c.default_formula))
    reader.Fail(p + ".default_formula", "'" + c.default_formula + "' is not one of the formulas");
  return c;
}

BilskyConfig LoadBilsky(const json& doc, PackReader& reader) {
  BilskyConfig c;
  const auto* obj = reader.Member(doc, "$", "bilsky");
  if (!obj) return c;
  c.rule = Rule(reader, *obj, "$.bilsky");
  const auto* grades = reader.Member(*obj, "$.bilsky", "grades");
  if (!grades || !grades->is_array()) {
    if (grades) reader.Fail("$.bilsky.grades", "must be an array");
    return c;
  }
  for (size_t i = 0; i < grades->size(); ++i) {
    std::string gp = "$.bilsky.grades[" + std::to_string(i) + "]";
    BilskyGradeDef g;
    g.id = reader.String((*grades)[i], gp, "id").value_or("");
    g.category = reader.String((*grades)[i], gp, "category").value_or("");
    c.grades.push_back(std::move(g));
  }
  return c;
}

PerformanceMap LoadPerformance(const json& doc, PackReader& reader) {
  PerformanceMap m;
  const auto* obj = reader.Member(doc, "$", "performance_status");
  if (!obj) return m;
  const std::string p = "$.performance_status";
  m.rule = Rule(reader, *obj, p);
  const auto* pairs = reader.Member(*obj, p, "pairs");
  if (!pairs || !pairs->is_array()) {
    if (pairs) reader.Fail(p + ".pairs", "must be an array");
    return m;
  }
  std::vector<int> seen_kps;
  for (size_t i = 0; i < pairs->size(); ++i) {
    std::string pp = p + ".pairs[" + std::to_string(i) + "]";
    PerformancePair pair;
    auto ecog = reader.Number((*pairs)[i], pp, "ecog");
    if (ecog && *ecog >= 0 && *ecog <= 5) {
      pair.ecog = static_cast<int>(*ecog);
    } else if (ecog) {
      reader.Fail(pp + ".ecog", "must be 0 to 5");
    }
    if (pair.ecog != static_cast<int>(i))
      reader.Fail(pp + ".ecog", "pairs must list ECOG 0, 1, 2, ... in order");
    const auto* kps = reader.Member((*pairs)[i], pp, "karnofsky");
    if (kps && kps->is_array()) {
      for (const auto& k : *kps) {
        int v = k.is_number_integer() ? k.get<int>() : -1;
        if (v < 0 || v > 100 || v % 10 != 0) {
          reader.Fail(pp + ".karnofsky", "must hold Karnofsky values 0-100 in tens");
          continue;
        }
        if (std::find(seen_kps.begin(), seen_kps.end(), v) != seen_kps.end())
          reader.Fail(pp + ".karnofsky", std::to_string(v) + " is paired twice");
        seen_kps.push_back(v);
        pair.karnofsky.push_back(v);
      }
    } else if (kps) {
      reader.Fail(pp + ".karnofsky", "must be an array");
    }
    m.pairs.push_back(std::move(pair));
  }
  for (int v = 0; v <= 100; v += 10) {
    if (std::find(seen_kps.begin(), seen_kps.end(), v) == seen_kps.end())
      reader.Fail(p + ".pairs",
                  "Karnofsky " + std::to_string(v) + " is not paired with an ECOG grade");
  }
  return m;
}

}  // namespace

const CalciumFormula* CalciumCorrectionConfig::Formula(std::string_view id) const {
  for (const auto& f : formulas) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

std::vector<std::string> CalculatorConfig::RuleIds() const {
  std::vector<std::string> ids = {limits.rule,
                                  cockcroft_gault.rule,
                                  cockcroft_gault.ibw_rule,
                                  cockcroft_gault.round_rule,
                                  calcium.high_albumin_rule,
                                  calcium.limits_rule,
                                  ctcae.lab_grade_rule,
                                  ctcae.no_baseline_rule,
                                  ctcae.calcium_basis_rule,
                                  mirels.rule,
                                  mirels_cortex.rule,
                                  sins.rule,
                                  bilsky.rule,
                                  tokuhashi.rule,
                                  katagiri.rule,
                                  katagiri_points_rule,
                                  performance.rule,
                                  record.rule};
  for (const auto& f : calcium.formulas) ids.push_back(f.rule);
  for (const auto& t : ctcae.terms) ids.push_back(t.rule);
  return ids;
}

CalculatorConfig CalculatorConfig::Load(const json& doc, PackReader& reader) {
  CalculatorConfig c;
  c.limits = LoadInputLimits(doc, reader);
  c.cockcroft_gault = LoadCockcroftGault(doc, reader);
  c.calcium = LoadCalcium(doc, reader);
  if (const auto* t = reader.Member(doc, "$", "ctcae"))
    c.ctcae = CtcaeTable::Load(*t, "$.ctcae", reader);
  for (const char* term :
       {"hypocalcemia", "hypercalcemia", "creatinine_increased", "neutrophil_count_decreased"}) {
    if (!c.ctcae.Term(term))
      reader.Fail("$.ctcae.terms", "must define '" + std::string(term) + "'");
  }
  if (const auto* m = reader.Member(doc, "$", "mirels")) {
    c.mirels = ScoreTable::Load(*m, "$.mirels", reader);
    RequireFactors(reader, c.mirels, "$.mirels", {"site", "pain", "lesion", "size"});
    if (const auto* cx = reader.Member(*m, "$.mirels", "cortex")) {
      c.mirels_cortex.rule = Rule(reader, *cx, "$.mirels.cortex");
      Positive(reader, *cx, "$.mirels.cortex", "axial_mm_above", c.mirels_cortex.axial_mm_above);
      Positive(reader, *cx, "$.mirels.cortex", "circumferential_percent_above",
               c.mirels_cortex.circumferential_percent_above);
    }
  }
  if (const auto* s = reader.Member(doc, "$", "sins")) {
    c.sins = ScoreTable::Load(*s, "$.sins", reader);
    RequireFactors(reader, c.sins, "$.sins",
                   {"location", "pain", "lesion", "alignment", "collapse", "posterolateral"});
  }
  c.bilsky = LoadBilsky(doc, reader);
  if (const auto* t = reader.Member(doc, "$", "tokuhashi")) {
    c.tokuhashi = ScoreTable::Load(*t, "$.tokuhashi", reader);
    RequireFactors(
        reader, c.tokuhashi, "$.tokuhashi",
        {"condition", "extraspinal_bone_mets", "vertebral_mets", "organ_mets", "primary", "palsy"});
  }
  if (const auto* k = reader.Member(doc, "$", "katagiri")) {
    c.katagiri = ScoreTable::Load(*k, "$.katagiri", reader);
    c.katagiri_points_rule = Rule(reader, *k, "$.katagiri", "points_rule");
    RequireFactors(
        reader, c.katagiri, "$.katagiri",
        {"primary", "visceral", "lab", "performance", "chemotherapy", "multiple_bone_mets"});
  }
  c.performance = LoadPerformance(doc, reader);
  if (const auto* r = reader.Member(doc, "$", "record")) {
    c.record.rule = Rule(reader, *r, "$.record");
    auto days = reader.Number(*r, "$.record", "albumin_max_days_from_calcium");
    if (days && (*days < 0 || *days > 366 || *days != std::floor(*days))) {
      reader.Fail("$.record.albumin_max_days_from_calcium",
                  "must be a whole number of days from 0 to 366");
    } else if (days) {
      c.record.albumin_max_days_from_calcium = static_cast<int>(*days);
    }
  }
  return c;
}

}  // namespace oncnav
