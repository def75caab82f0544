#include "oncnav/calc/from_record.h"

#include <algorithm>

#include "oncnav/calc/ctcae_calcium.h"
#include "oncnav/calc/ctcae_creatinine.h"
#include "oncnav/calc/ctcae_neutrophils.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

// The latest result of `test` on or before `as_of` (the later one in input order on a tie).
const LabResult* Latest(const PatientRecord& r, std::string_view test, const Date& as_of) {
  const LabResult* best = nullptr;
  for (const auto& lab : r.labs) {
    if (lab.test != test || lab.date > as_of) continue;
    if (!best || lab.date >= best->date) best = &lab;
  }
  return best;
}

// An albumin close enough to `date` to correct a calcium drawn that day (closest first).
const LabResult* AlbuminFor(const PatientRecord& r, const Date& date, int max_days,
                            const Date& as_of) {
  const LabResult* best = nullptr;
  for (const auto& lab : r.labs) {
    if (lab.test != "albumin" || lab.date > as_of) continue;
    int gap = std::abs(DaysBetween(lab.date, date));
    if (gap > max_days) continue;
    if (!best || gap < std::abs(DaysBetween(best->date, date)) ||
        (gap == std::abs(DaysBetween(best->date, date)) && lab.date >= best->date)) {
      best = &lab;
    }
  }
  return best;
}

// The recorded value in the unit it was recorded in (when the pack still accepts that unit).
Quantity Recorded(const KnowledgePack& pack, const LabResult& lab) {
  const LabTest* test = pack.labs.Find(lab.test);
  if (test && !lab.original_unit.empty() && pack.labs.ToCanonical(*test, 1, lab.original_unit))
    return {lab.original_value, lab.original_unit};
  return {lab.value, lab.unit};
}

RecordInput InputOf(const KnowledgePack& pack, const LabResult& lab) {
  Quantity q = Recorded(pack, lab);
  return {lab.test, lab.date, q.value, "", q.unit};
}

// Reference limits from the options, converted from the canonical unit to `unit`.
CtcaeReferences ReferencesIn(const KnowledgePack& pack, const RecordCalcOptions& options,
                             std::string_view test, std::string_view unit) {
  CtcaeReferences out;
  auto it = options.references.find(test);
  const LabTest* t = pack.labs.Find(test);
  if (it == options.references.end() || !t) return out;
  auto convert = [&](const std::optional<double>& v) -> std::optional<double> {
    if (!v) return v;
    return ConvertLab(*t, *v, t->canonical_unit, unit);
  };
  return {convert(it->second.lln), convert(it->second.uln), convert(it->second.baseline)};
}

std::string ErrorText(const std::vector<Error>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : "; ") + e.ToString();
  return out;
}

class Collector {
 public:
  explicit Collector(RecordCalculations& out) : out_(out) {}

  template <typename T>
  void Add(const std::string& name, Result<T> result, std::vector<RecordInput> inputs) {
    if (!result) {
      out_.cannot_compute.push_back({name, {}, ErrorText(result.errors())});
      return;
    }
    for (const auto& r : result->trace.rules) Use(r);
    out_.results.push_back({{name, CalcReport(std::move(result).value())}, std::move(inputs)});
  }
  void Missing(const std::string& name, std::vector<std::string> missing) {
    out_.cannot_compute.push_back({name, std::move(missing), ""});
  }
  void Use(const std::string& rule) {
    if (!rule.empty() && std::find(out_.rules.begin(), out_.rules.end(), rule) == out_.rules.end())
      out_.rules.push_back(rule);
  }

 private:
  RecordCalculations& out_;
};

void CockcroftGaultFromRecord(const PatientRecord& r, const KnowledgePack& pack,
                              const RecordCalcOptions& options, Collector& c) {
  const LabResult* scr = Latest(r, "creatinine", options.as_of);
  const auto& d = r.demographics;
  std::vector<std::string> missing;
  if (!scr) missing.push_back("creatinine");
  if (!d.weight_kg) missing.push_back("weight");
  if (d.sex != Sex::kFemale && d.sex != Sex::kMale) missing.push_back("sex");
  if (!d.birth_date) missing.push_back("birth_date");
  if (!missing.empty()) return c.Missing("cockcroft-gault", missing);
  int age = MonthsBetween(*d.birth_date, scr->date) / 12;
  CockcroftGaultInput in;
  in.age_years = age;
  in.sex = d.sex;
  in.weight_kg = d.weight_kg;
  in.creatinine = Recorded(pack, *scr);
  std::vector<RecordInput> inputs = {
      InputOf(pack, *scr),
      {"weight", std::nullopt, *d.weight_kg, "", "kg"},
      {"sex", std::nullopt, std::nullopt, d.sex == Sex::kFemale ? "female" : "male", ""},
      {"age", scr->date, age, "", "years"}};
  c.Add("cockcroft-gault", CockcroftGault(in, pack), std::move(inputs));
}

void CalciumFromRecord(const PatientRecord& r, const KnowledgePack& pack,
                       const RecordCalcOptions& options, Collector& c) {
  const int window = pack.calculators.record.albumin_max_days_from_calcium;
  const LabResult* ca = Latest(r, "calcium", options.as_of);
  const LabResult* alb = ca ? AlbuminFor(r, ca->date, window, options.as_of) : nullptr;
  const LabResult* ion = Latest(r, "ionized_calcium", options.as_of);
  std::optional<CorrectedCalciumResult> corrected;
  std::vector<RecordInput> ca_inputs;
  if (ca && alb) {
    ca_inputs = {InputOf(pack, *ca), InputOf(pack, *alb)};
    CorrectedCalciumInput in{Recorded(pack, *ca), Recorded(pack, *alb), options.calcium_formula,
                             std::nullopt};
    auto result = CorrectCalcium(in, pack);
    if (result) corrected = *result;
    c.Add("corrected-calcium", std::move(result), ca_inputs);
  } else if (ca) {
    c.Missing("corrected-calcium", {"albumin"});
  } else {
    c.Missing("corrected-calcium", {"calcium", "albumin"});
  }
  // Ionised calcium when it is at least as recent as the total calcium; else corrected.
  bool use_ionised = ion && (!ca || ion->date >= ca->date);
  for (const char* term : {"hypocalcemia", "hypercalcemia"}) {
    std::string name = Cat({"ctcae-", term});
    auto grade = [&](const CalciumGradeInput& in) {
      return std::string_view(term) == "hypocalcemia" ? GradeHypocalcemia(in, pack)
                                                      : GradeHypercalcemia(in, pack);
    };
    CalciumGradeInput in;
    if (use_ionised) {
      in.ionized_calcium = Recorded(pack, *ion);
      in.references = ReferencesIn(pack, options, "ionized_calcium", in.ionized_calcium->unit);
      c.Add(name, grade(in), {InputOf(pack, *ion)});
    } else if (corrected) {
      in.corrected_calcium = Quantity{corrected->corrected, corrected->unit};
      in.references = ReferencesIn(pack, options, "calcium", corrected->unit);
      auto result = grade(in);
      if (result) {
        // Carry the correction so the grade says how its value was obtained.
        for (const auto& rule : corrected->trace.rules) result.value().trace.Use(rule);
        for (const auto& n : corrected->trace.notes) AddUnique(result.value().trace.notes, n);
        result.value().correction = corrected;
      }
      c.Add(name, std::move(result), ca_inputs);
    } else {
      c.Missing(name, ca ? std::vector<std::string>{"albumin"}
                         : std::vector<std::string>{"calcium", "albumin"});
    }
  }
}

void CreatinineGradeFromRecord(const PatientRecord& r, const KnowledgePack& pack,
                               const RecordCalcOptions& options, Collector& c) {
  const LabResult* scr = Latest(r, "creatinine", options.as_of);
  if (!scr) return c.Missing("ctcae-creatinine", {"creatinine"});
  CreatinineGradeInput in;
  in.creatinine = Recorded(pack, *scr);
  in.references = ReferencesIn(pack, options, "creatinine", in.creatinine->unit);
  if (!in.references.uln && !in.references.baseline) {
    return c.Missing("ctcae-creatinine", {"creatinine_uln"});
  }
  c.Add("ctcae-creatinine", GradeCreatinineIncreased(in, pack), {InputOf(pack, *scr)});
}

void NeutrophilGradeFromRecord(const PatientRecord& r, const KnowledgePack& pack,
                               const RecordCalcOptions& options, Collector& c) {
  const LabResult* anc = Latest(r, "neutrophils", options.as_of);
  if (!anc) return c.Missing("ctcae-neutrophils", {"neutrophils"});
  NeutrophilGradeInput in;
  in.neutrophils = Recorded(pack, *anc);
  in.references = ReferencesIn(pack, options, "neutrophils", in.neutrophils->unit);
  c.Add("ctcae-neutrophils", GradeNeutrophilCountDecreased(in, pack), {InputOf(pack, *anc)});
}

void PerformanceFromRecord(const PatientRecord& r, const KnowledgePack& pack,
                           const RecordCalcOptions& options, Collector& c) {
  std::optional<Date> latest;
  for (const auto& ps : r.performance) {
    if (ps.date <= options.as_of && (!latest || ps.date > *latest)) latest = ps.date;
  }
  if (!latest) return c.Missing("performance-status", {"performance"});
  PerformanceStatusInput in;
  std::vector<RecordInput> inputs;
  for (const auto& ps : r.performance) {
    if (ps.date != *latest) continue;
    if (ps.scale == PerformanceScale::kEcog) {
      in.ecog = ps.value;
      inputs.push_back({"ecog", ps.date, ps.value, "", ""});
    } else {
      in.karnofsky = ps.value;
      inputs.push_back({"karnofsky", ps.date, ps.value, "", ""});
    }
  }
  c.Add("performance-status", ConvertPerformanceStatus(in, pack), std::move(inputs));
}

}  // namespace

RecordCalculations CalculatorsFromRecord(const PatientRecord& record, const KnowledgePack& pack,
                                         const RecordCalcOptions& options) {
  RecordCalculations out;
  out.as_of = options.as_of;
  Collector c(out);
  c.Use(pack.calculators.record.rule);
  CockcroftGaultFromRecord(record, pack, options, c);
  CalciumFromRecord(record, pack, options, c);
  CreatinineGradeFromRecord(record, pack, options, c);
  NeutrophilGradeFromRecord(record, pack, options, c);
  PerformanceFromRecord(record, pack, options, c);
  return out;
}

RecordCalculations CalculatorsFromRecord(const PatientRecord& record, const KnowledgePack& pack,
                                         Date as_of) {
  RecordCalcOptions options;
  options.as_of = as_of;
  return CalculatorsFromRecord(record, pack, options);
}

}  // namespace oncnav
