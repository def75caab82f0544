#include "oncnav/calc/ctcae_grade.h"

#include <algorithm>
#include <cmath>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

enum class Truth { kFalse, kTrue, kUnknown };

// Strict comparison that treats values equal to within rounding noise as equal, so a value
// exactly on a boundary (8.0, or 1.5 x ULN computed in floating point) is never graded up.
bool StrictlyBeyond(double x, double threshold, bool below) {
  double eps = 1e-9 * std::max(1.0, std::fabs(threshold));
  return below ? x < threshold - eps : x > threshold + eps;
}

// A missing LLN or ULN leaves the condition unknown (the grade becomes a range). A missing
// baseline makes a baseline condition not met: the grade then rests on the ULN alone, as is
// usual when no pre-treatment value is known, and the result says a baseline could raise it.
Truth Evaluate(const CtcaeCondition& c, double x, const CtcaeReferences& refs,
               std::vector<std::string>& missing, bool& baseline_missing) {
  using R = CtcaeCondition::Reference;
  std::optional<double> ref;
  const char* name = "";
  switch (c.reference) {
    case R::kAbsolute:
      return StrictlyBeyond(x, c.factor, c.below) ? Truth::kTrue : Truth::kFalse;
    case R::kLln:
      ref = refs.lln;
      name = "lln";
      break;
    case R::kUln:
      ref = refs.uln;
      name = "uln";
      break;
    case R::kBaseline:
      ref = refs.baseline;
      name = "baseline";
      break;
  }
  if (!ref && c.reference == R::kBaseline) {
    baseline_missing = true;
    return Truth::kFalse;
  }
  if (!ref) {
    if (std::find(missing.begin(), missing.end(), name) == missing.end()) missing.push_back(name);
    return Truth::kUnknown;
  }
  return StrictlyBeyond(x, c.factor * *ref, c.below) ? Truth::kTrue : Truth::kFalse;
}

std::optional<double> CheckReference(const KnowledgePack& pack, const std::string& lab,
                                     const std::optional<double>& v, const std::string& unit,
                                     const char* field, std::vector<Error>& errors) {
  if (!v) return std::nullopt;
  if (!(*v > 0) || !std::isfinite(*v)) {
    errors.push_back({ErrorCode::kInvalidValue, field, "must be a positive number"});
    return std::nullopt;
  }
  // A reference limit is itself a value of the test, in the same unit as the value graded.
  if (!CheckLabValue(pack, lab, {*v, unit}, field, field, errors)) return std::nullopt;
  return v;
}

}  // namespace

Result<CtcaeGradeResult> GradeLabValue(const KnowledgePack& pack, std::string_view term_id,
                                       std::string_view basis, const Quantity& value,
                                       const CtcaeReferences& refs) {
  const CtcaeTable& table = pack.calculators.ctcae;
  const CtcaeTerm* term = table.Term(term_id);
  if (!term) {
    return Error{ErrorCode::kInternal, "term",
                 Cat({"the knowledge pack does not grade '", term_id, "'"})};
  }
  const CtcaeScale* scale = nullptr;
  const CtcaeScale* first = nullptr;
  for (const auto& s : term->scales) {
    if (s.basis != basis) continue;
    if (!first) first = &s;
    const LabTest* lab = pack.labs.Find(s.lab);
    if (s.unit.empty() || (lab && SameUnit(*lab, s.unit, value.unit))) {
      scale = &s;
      break;
    }
  }
  if (!first) {
    return Error{ErrorCode::kInternal, "term",
                 Cat({"the knowledge pack does not grade ", term_id, " on ", basis})};
  }
  if (!scale) scale = first;
  const LabTest& lab = *pack.labs.Find(scale->lab);
  const std::string unit = scale->unit.empty() ? value.unit : scale->unit;

  std::vector<Error> errors;
  CtcaeReferences given;
  given.lln = CheckReference(pack, scale->lab, refs.lln, value.unit, "lln", errors);
  given.uln = CheckReference(pack, scale->lab, refs.uln, value.unit, "uln", errors);
  given.baseline = CheckReference(pack, scale->lab, refs.baseline, value.unit, "baseline", errors);
  if (given.lln && given.uln && !(*given.lln < *given.uln)) {
    errors.push_back({ErrorCode::kInvalidValue, "lln", "must be below uln"});
  }
  if (!errors.empty()) return errors;

  CtcaeGradeResult out;
  out.term = term->id;
  out.version = table.version;
  out.basis = scale->basis;
  out.unit = unit;
  auto convert = [&](std::optional<double> v) -> std::optional<double> {
    if (!v) return v;
    return ConvertLab(lab, *v, value.unit, unit);
  };
  out.value = ConvertLab(lab, value.value, value.unit, unit);
  out.references = {convert(given.lln), convert(given.uln), convert(given.baseline)};
  out.trace.Use(term->rule);
  out.trace.Use(table.lab_grade_rule);
  if (unit != value.unit) out.trace.Use("LAB-UNITS");

  // Most severe first: the lowest grade that must hold, and the highest that still may.
  std::vector<std::string> missing;
  bool baseline_missing = false;
  std::optional<int> lowest_certain, highest_possible;
  for (const auto& row : scale->grades) {
    Truth t = Truth::kFalse;
    std::vector<std::string> row_missing;
    for (const auto& c : row.any_of) {
      Truth ct = Evaluate(c, out.value, out.references, row_missing, baseline_missing);
      if (ct == Truth::kTrue) {
        t = Truth::kTrue;
        break;
      }
      if (ct == Truth::kUnknown) t = Truth::kUnknown;
    }
    if (t == Truth::kFalse) continue;
    if (!highest_possible) highest_possible = row.grade;
    if (t == Truth::kTrue) {
      lowest_certain = row.grade;
      break;
    }
    for (const auto& m : row_missing) {
      if (std::find(missing.begin(), missing.end(), m) == missing.end()) missing.push_back(m);
    }
  }
  out.min_grade = lowest_certain.value_or(0);
  out.max_grade = highest_possible.value_or(0);
  if (out.min_grade == out.max_grade) {
    out.grade = out.min_grade;
  } else {
    out.needs = missing;
  }
  if (baseline_missing) {
    out.trace.Note("calc.note.ctcae-no-baseline", Severity::kInfo, {}, table.no_baseline_rule);
  }
  out.trace.Note("calc.note.ctcae-lab-only", Severity::kInfo, {}, table.lab_grade_rule);
  return out;
}

}  // namespace oncnav
