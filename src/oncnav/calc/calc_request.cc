#include "oncnav/calc/calc_request.h"

#include <algorithm>
#include <functional>

#include "oncnav/calc/ctcae_calcium.h"
#include "oncnav/calc/ctcae_creatinine.h"
#include "oncnav/calc/ctcae_neutrophils.h"
#include "oncnav/calc/katagiri.h"
#include "oncnav/calc/mirels.h"
#include "oncnav/calc/sins.h"
#include "oncnav/calc/tokuhashi.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

using Runner = std::function<Result<CalcReport>(FieldSet&, const KnowledgePack&)>;

template <typename T>
Result<CalcReport> Wrap(Result<T> r) {
  if (!r) return r.errors();
  return CalcReport(std::move(r).value());
}

std::optional<WeightBasis> ParseWeightBasis(const std::string& text, std::vector<Error>& errors) {
  if (text.empty()) return WeightBasis::kActual;
  std::string v = NormaliseChoice(text);
  if (v == "actual") return WeightBasis::kActual;
  if (v == "ideal") return WeightBasis::kIdeal;
  if (v == "adjusted") return WeightBasis::kAdjusted;
  errors.push_back({ErrorCode::kInvalidValue, "weight-basis", "must be actual, ideal or adjusted"});
  return std::nullopt;
}

// calcium-unit serves whichever of calcium, corrected-calcium and ionized-calcium is given;
// the grading reports when none or several are.
CalciumGradeInput CalciumFields(FieldSet& f) {
  CalciumGradeInput in;
  in.calcium = f.Lab("calcium", "calcium-unit", true);
  in.albumin = f.Lab("albumin", "albumin-unit");
  in.formula = f.Text("formula");
  in.correct_high_albumin = f.YesNo("correct-high-albumin");
  in.corrected_calcium = f.Lab("corrected-calcium", "calcium-unit", true);
  in.ionized_calcium = f.Lab("ionized-calcium", "calcium-unit", true);
  return in;
}

struct Entry {
  CalculatorInfo info;
  Runner run;
};

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> entries = {
      {{"cockcroft-gault",
        {"age", "sex", "weight", "height", "weight-basis", "creatinine", "creatinine-unit",
         "round-creatinine"}},
       [](FieldSet& f, const KnowledgePack& pack) -> Result<CalcReport> {
         std::vector<Error> errors;
         CockcroftGaultInput in;
         in.age_years = f.Number("age");
         in.sex = f.SexField("sex");
         in.weight_kg = f.Number("weight");
         in.height_cm = f.Number("height");
         auto basis = ParseWeightBasis(f.Text("weight-basis"), errors);
         if (!basis) return errors;
         in.weight_basis = *basis;
         in.creatinine = f.Lab("creatinine", "creatinine-unit");
         in.round_creatinine = f.YesNo("round-creatinine");
         return Wrap(CockcroftGault(in, pack));
       }},
      {{"corrected-calcium",
        {"calcium", "calcium-unit", "albumin", "albumin-unit", "formula", "correct-high-albumin"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         CorrectedCalciumInput in;
         in.calcium = f.Lab("calcium", "calcium-unit");
         in.albumin = f.Lab("albumin", "albumin-unit");
         in.formula = f.Text("formula");
         in.correct_high_albumin = f.YesNo("correct-high-albumin");
         return Wrap(CorrectCalcium(in, pack));
       }},
      {{"ctcae-hypocalcemia",
        {"calcium", "corrected-calcium", "ionized-calcium", "calcium-unit", "albumin",
         "albumin-unit", "formula", "correct-high-albumin", "lln"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         CalciumGradeInput in = CalciumFields(f);
         in.references.lln = f.Number("lln");
         return Wrap(GradeHypocalcemia(in, pack));
       }},
      {{"ctcae-hypercalcemia",
        {"calcium", "corrected-calcium", "ionized-calcium", "calcium-unit", "albumin",
         "albumin-unit", "formula", "correct-high-albumin", "uln"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         CalciumGradeInput in = CalciumFields(f);
         in.references.uln = f.Number("uln");
         return Wrap(GradeHypercalcemia(in, pack));
       }},
      {{"ctcae-creatinine", {"creatinine", "creatinine-unit", "uln", "baseline"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         CreatinineGradeInput in;
         in.creatinine = f.Lab("creatinine", "creatinine-unit");
         in.references.uln = f.Number("uln");
         in.references.baseline = f.Number("baseline");
         return Wrap(GradeCreatinineIncreased(in, pack));
       }},
      {{"ctcae-neutrophils", {"neutrophils", "neutrophils-unit", "lln"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         NeutrophilGradeInput in;
         in.neutrophils = f.Lab("neutrophils", "neutrophils-unit");
         in.references.lln = f.Number("lln");
         return Wrap(GradeNeutrophilCountDecreased(in, pack));
       }},
      {{"mirels",
        {"site", "pain", "lesion", "size", "axial-cortical-mm", "circumferential-percent"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         MirelsInput in;
         in.site = f.Text("site");
         in.pain = f.Text("pain");
         in.lesion = f.Text("lesion");
         in.size = f.Text("size");
         in.axial_cortical_mm = f.Number("axial-cortical-mm");
         in.circumferential_percent = f.Number("circumferential-percent");
         return Wrap(MirelsScore(in, pack));
       }},
      {{"sins", {"location", "level", "pain", "lesion", "alignment", "collapse", "posterolateral"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         SinsInput in;
         in.location = f.Text("location");
         in.level = f.Text("level");
         in.pain = f.Text("pain");
         in.lesion = f.Text("lesion");
         in.alignment = f.Text("alignment");
         in.collapse = f.Text("collapse");
         in.posterolateral = f.Text("posterolateral");
         return Wrap(SinsScore(in, pack));
       }},
      {{"bilsky", {"grade"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         return Wrap(BilskyGrade(f.Text("grade"), pack));
       }},
      {{"tokuhashi",
        {"kps", "condition", "extraspinal-bone-mets", "vertebral-mets", "organ-mets", "primary",
         "palsy", "frankel"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         TokuhashiInput in;
         in.karnofsky = f.Number("kps");
         in.condition = f.Text("condition");
         in.extraspinal_bone_mets = f.Number("extraspinal-bone-mets");
         in.vertebral_mets = f.Number("vertebral-mets");
         in.organ_mets = f.Text("organ-mets");
         std::string primary = f.Text("primary");
         if (!primary.empty()) in.primary = primary;
         in.palsy = f.Text("palsy");
         in.frankel = f.Text("frankel");
         return Wrap(TokuhashiScore(in, pack));
       }},
      {{"katagiri",
        {"primary", "visceral", "lab", "ecog", "previous-chemotherapy", "multiple-bone-mets"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         KatagiriInput in;
         in.primary = f.Text("primary");
         in.visceral = f.Text("visceral");
         in.lab = f.Text("lab");
         in.ecog = f.Number("ecog");
         in.previous_chemotherapy = f.YesNo("previous-chemotherapy");
         in.multiple_bone_mets = f.YesNo("multiple-bone-mets");
         return Wrap(KatagiriScore(in, pack));
       }},
      {{"performance-status", {"ecog", "kps"}},
       [](FieldSet& f, const KnowledgePack& pack) {
         PerformanceStatusInput in;
         in.ecog = f.Number("ecog");
         in.karnofsky = f.Number("kps");
         return Wrap(ConvertPerformanceStatus(in, pack));
       }},
  };
  return entries;
}

}  // namespace

const std::vector<CalculatorInfo>& Calculators() {
  static const std::vector<CalculatorInfo> infos = [] {
    std::vector<CalculatorInfo> out;
    for (const auto& e : Entries()) out.push_back(e.info);
    return out;
  }();
  return infos;
}

const CalculatorInfo* FindCalculator(std::string_view name) {
  for (const auto& c : Calculators()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Result<CalcOutput> RunCalculator(std::string_view name, const CalcFields& fields,
                                 const KnowledgePack& pack) {
  const Entry* entry = nullptr;
  for (const auto& e : Entries()) {
    if (e.info.name == name) entry = &e;
  }
  if (!entry) {
    std::string names;
    for (const auto& c : Calculators()) names += (names.empty() ? "" : ", ") + c.name;
    return Error{ErrorCode::kUsage, "calculator",
                 Cat({"'", name, "' is not a calculator (", names, ")"})};
  }
  std::vector<Error> errors;
  for (const auto& [field, value] : fields) {
    const auto& allowed = entry->info.fields;
    if (std::find(allowed.begin(), allowed.end(), field) == allowed.end()) {
      errors.push_back({ErrorCode::kUsage, field, Cat({"is not a field of ", name})});
    }
  }
  if (!errors.empty()) return errors;
  FieldSet set(fields, errors);
  auto report = entry->run(set, pack);
  // Parse errors first; a calculator's complaint about a field that did not parse adds nothing.
  if (!report) {
    for (const auto& e : report.errors()) {
      bool seen = std::any_of(errors.begin(), errors.end(),
                              [&](const Error& p) { return p.field == e.field; });
      if (!seen) errors.push_back(e);
    }
  }
  if (!errors.empty()) return errors;
  return CalcOutput{std::string(name), std::move(report).value()};
}

}  // namespace oncnav
