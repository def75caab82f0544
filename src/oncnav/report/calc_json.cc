#include "oncnav/report/calc_json.h"

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

Json Rounded(double v, int decimals) { return Json(RoundTo(v, decimals)); }

Json OptionalNumber(const std::optional<double>& v, int decimals) {
  return v ? Rounded(*v, decimals) : Json(nullptr);
}

std::string_view SexName(Sex s) {
  switch (s) {
    case Sex::kFemale:
      return "female";
    case Sex::kMale:
      return "male";
    case Sex::kOther:
      return "other";
    case Sex::kUnknown:
      break;
  }
  return "unknown";
}

Json QuantityJson(const Quantity& q) { return {{"value", q.value}, {"unit", q.unit}}; }

Json CorrectionJson(const CorrectedCalciumResult& r) {
  Json j = ObjectWithRoom(24);
  j["corrected"] = Rounded(r.corrected, 2);
  j["unit"] = r.unit;
  j["corrected_mg_dl"] = Rounded(r.corrected_mg_dl, 2);
  j["corrected_mmol_l"] = Rounded(r.corrected_mmol_l, 2);
  j["formula"] = r.formula;
  j["formula_requested"] = r.formula_requested;
  j["applied"] = r.applied;
  j["converted"] = r.converted;
  j["calcium"] = QuantityJson(r.calcium);
  j["albumin"] = QuantityJson(r.albumin);
  return j;
}

Json ResultJson(const CockcroftGaultResult& r) {
  Json j = ObjectWithRoom(24);
  j["crcl_ml_min"] = Rounded(r.crcl_ml_min, 1);
  j["formula"] = "cockcroft-gault";
  j["normalised_to_bsa"] = false;
  j["sex"] = SexName(r.sex);
  j["age_years"] = r.age_years;
  j["weight"] = {{"kg", Rounded(r.weight_kg, 1)},
                 {"basis", WeightBasisName(r.weight_basis)},
                 {"computed_from_height", r.weight_computed},
                 {"height_cm", OptionalNumber(r.height_cm, 1)}};
  j["creatinine"] = {{"value", r.creatinine.value},
                     {"unit", r.creatinine.unit},
                     {"mg_dl", Rounded(r.creatinine_mg_dl, 2)},
                     {"umol_l", Rounded(r.creatinine_umol_l, 0)},
                     {"used_mg_dl", Rounded(r.creatinine_used_mg_dl, 2)},
                     {"rounded_up", r.creatinine_rounded_up}};
  return j;
}

Json ResultJson(const CorrectedCalciumResult& r) { return CorrectionJson(r); }

Json ResultJson(const CtcaeGradeResult& r) {
  Json j = ObjectWithRoom(24);
  j["term"] = r.term;
  j["ctcae_version"] = r.version;
  j["basis"] = r.basis;
  j["value"] = Rounded(r.value, 3);
  j["unit"] = r.unit;
  j["lab_grade"] = r.grade ? Json(*r.grade) : Json(nullptr);
  j["grade_range"] = {r.min_grade, r.max_grade};
  j["needs"] = r.needs;
  j["references"] = {{"lln", OptionalNumber(r.references.lln, 3)},
                     {"uln", OptionalNumber(r.references.uln, 3)},
                     {"baseline", OptionalNumber(r.references.baseline, 3)}};
  j["correction"] = r.correction ? CorrectionJson(*r.correction) : Json(nullptr);
  return j;
}

Json ResultJson(const ScoreResult& r) {
  Json j = ObjectWithRoom(24);
  j["score"] = r.score;
  j["range"] = {r.min_score, r.max_score};
  j["band"] = r.band.id;
  j["band_range"] = {r.band.min, r.band.max};
  j["action"] = r.band.action.empty() ? Json(nullptr) : Json(r.band.action);
  j["risk"] = r.band.risk.empty() ? Json(nullptr) : Json(r.band.risk);
  Json survival = Json::array();
  for (const auto& s : r.band.survival)
    survival.push_back({{"months", s.months}, {"percent", s.percent}});
  j["survival"] = std::move(survival);
  Json comps = Json::array();
  for (const auto& c : r.components) {
    comps.push_back({{"factor", c.factor},
                     {"option", c.option},
                     {"points", c.points},
                     {"number", OptionalNumber(c.number, 2)}});
  }
  j["components"] = std::move(comps);
  return j;
}

Json ResultJson(const BilskyResult& r) { return {{"grade", r.grade}, {"category", r.category}}; }

Json ResultJson(const PerformanceStatusResult& r) {
  Json j = ObjectWithRoom(24);
  j["ecog"] = r.ecog;
  j["karnofsky"] = r.karnofsky;
  j["ecog_given"] = r.ecog_given ? Json(*r.ecog_given) : Json(nullptr);
  j["karnofsky_given"] = r.karnofsky_given ? Json(*r.karnofsky_given) : Json(nullptr);
  j["consistent"] = r.consistent;
  return j;
}

std::string JoinRendered(const KnowledgePack& pack, std::string_view lang,
                         const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += Cat({out.empty() ? "" : ", ", pack.texts.Render(lang, k)});
  return out;
}

std::string Summary(const CockcroftGaultResult& r, const CalcOutput&, const KnowledgePack& pack,
                    std::string_view lang) {
  return pack.texts.Render(
      lang, "calc.summary.cockcroft-gault",
      {{"crcl", FormatNumber(r.crcl_ml_min)},
       {"sex", Cat({"@calc.value.sex.", SexName(r.sex)})},
       {"age", FormatNumber(r.age_years)},
       {"basis", Cat({"@calc.value.weight.", WeightBasisName(r.weight_basis)})},
       {"weight", FormatNumber(r.weight_kg)},
       {"creatinine", FormatNumber(r.creatinine_used_mg_dl, 2)}});
}

std::string Summary(const CorrectedCalciumResult& r, const CalcOutput&, const KnowledgePack& pack,
                    std::string_view lang) {
  if (!r.applied) {
    return pack.texts.Render(lang, "calc.summary.corrected-calcium-unchanged",
                             {{"value", FormatNumber(r.corrected, 2)},
                              {"unit", r.unit},
                              {"albumin", FormatNumber(r.albumin_g_dl, 2)}});
  }
  return pack.texts.Render(lang, "calc.summary.corrected-calcium",
                           {{"value", FormatNumber(r.corrected, 2)},
                            {"unit", r.unit},
                            {"formula", Cat({"@calc.value.formula.", r.formula})}});
}

std::string Summary(const CtcaeGradeResult& r, const CalcOutput&, const KnowledgePack& pack,
                    std::string_view lang) {
  Texts::Params p = {{"term", Cat({"@calc.term.", r.term})},
                     {"basis", Cat({"@calc.value.basis.", r.basis})},
                     {"value", FormatNumber(r.value, 3)},
                     {"unit", r.unit},
                     {"version", r.version}};
  if (r.grade) {
    p.push_back({"grade", std::to_string(*r.grade)});
    return pack.texts.Render(lang, "calc.summary.ctcae", p);
  }
  std::vector<std::string> needs;
  for (const auto& n : r.needs) needs.push_back(Cat({"calc.value.reference.", n}));
  p.push_back({"min", std::to_string(r.min_grade)});
  p.push_back({"max", std::to_string(r.max_grade)});
  p.push_back({"needs", JoinRendered(pack, lang, needs)});
  return pack.texts.Render(lang, "calc.summary.ctcae-range", p);
}

std::string Summary(const ScoreResult& r, const CalcOutput&, const KnowledgePack& pack,
                    std::string_view lang) {
  Texts::Params p = {{"score", std::to_string(r.score)},
                     {"max", std::to_string(r.max_score)},
                     {"band", Cat({"@calc.value.band.", r.calculator, ".", r.band.id})}};
  if (r.band.survival.empty()) return pack.texts.Render(lang, "calc.summary.score", p);
  std::string survival;
  for (const auto& s : r.band.survival) {
    survival += Cat(
        {survival.empty() ? "" : ", ", pack.texts.Render(lang, "calc.value.survival",
                                                         {{"percent", FormatNumber(s.percent)},
                                                          {"months", std::to_string(s.months)}})});
  }
  p.push_back({"survival", survival});
  return pack.texts.Render(lang, "calc.summary.score-survival", p);
}

std::string Summary(const BilskyResult& r, const CalcOutput&, const KnowledgePack& pack,
                    std::string_view lang) {
  return pack.texts.Render(
      lang, "calc.summary.bilsky",
      {{"grade", r.grade}, {"category", Cat({"@calc.value.bilsky.", r.category})}});
}

std::string Summary(const PerformanceStatusResult& r, const CalcOutput&, const KnowledgePack& pack,
                    std::string_view lang) {
  std::string kps;
  for (int k : r.karnofsky) kps += Cat({kps.empty() ? "" : "/", std::to_string(k)});
  return pack.texts.Render(lang, "calc.summary.performance-status",
                           {{"ecog", std::to_string(r.ecog)}, {"kps", kps}});
}

}  // namespace

Json CalcResultToJson(const CalcReport& report) {
  return std::visit([](const auto& r) { return ResultJson(r); }, report);
}

std::string CalcSummary(const CalcOutput& output, const KnowledgePack& pack,
                        std::string_view lang) {
  return std::visit([&](const auto& r) { return Summary(r, output, pack, lang); }, output.report);
}

Json CalcOutputToJson(const CalcOutput& output, const KnowledgePack& pack, std::string_view lang) {
  const CalcTrace& trace = TraceOf(output.report);
  Json j = ObjectWithRoom(24);
  j["calculator"] = output.calculator;
  j["label"] = pack.texts.Render(lang, Cat({"calc.label.", output.calculator}));
  j["summary"] = CalcSummary(output, pack, lang);
  j["result"] = CalcResultToJson(output.report);
  j["notes"] = FindingsToJson(trace.notes, pack, lang);
  j["evidence"] = EvidenceName(WeakestEvidence(trace.rules, pack));
  return j;
}

std::string CannotComputeMessage(const CannotCompute& c, const KnowledgePack& pack,
                                 std::string_view lang) {
  std::string label = Cat({"@calc.label.", c.calculator});
  if (!c.missing.empty()) {
    std::vector<std::string> keys;
    for (const auto& m : c.missing) keys.push_back(Cat({"calc.input.", m}));
    return pack.texts.Render(lang, "calc.cannot.missing",
                             {{"calculator", label}, {"missing", JoinRendered(pack, lang, keys)}});
  }
  return pack.texts.Render(lang, "calc.cannot.invalid",
                           {{"calculator", label}, {"reason", c.reason}});
}

Json RecordCalculationsToJson(const RecordCalculations& calcs, const KnowledgePack& pack,
                              std::string_view lang) {
  Json j = ObjectWithRoom(24);
  j["as_of"] = calcs.as_of.ToString();
  Json results = Json::array();
  for (const auto& r : calcs.results) {
    Json rj = CalcOutputToJson(r.output, pack, lang);
    Json inputs = Json::array();
    for (const auto& in : r.inputs) {
      inputs.push_back({{"name", in.name},
                        {"date", in.date ? Json(in.date->ToString()) : Json(nullptr)},
                        {"value", in.value ? Json(*in.value) : Json(in.text)},
                        {"unit", in.unit}});
    }
    rj["inputs"] = std::move(inputs);
    results.push_back(std::move(rj));
  }
  j["results"] = std::move(results);
  Json cannot = Json::array();
  for (const auto& c : calcs.cannot_compute) {
    cannot.push_back({{"calculator", c.calculator},
                      {"label", pack.texts.Render(lang, Cat({"calc.label.", c.calculator}))},
                      {"missing", c.missing},
                      {"reason", c.reason.empty() ? Json(nullptr) : Json(c.reason)},
                      {"message", CannotComputeMessage(c, pack, lang)}});
  }
  j["cannot_compute"] = std::move(cannot);
  return j;
}

}  // namespace oncnav
