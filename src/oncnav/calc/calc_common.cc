#include "oncnav/calc/calc_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

int Weakness(Evidence e) {
  switch (e) {
    case Evidence::kVerified:
      return 0;
    case Evidence::kSeed:
      return 1;
    case Evidence::kDerived:
      return 2;
    case Evidence::kPartiallyVerified:
      return 3;
    case Evidence::kDesign:
      return 4;
    case Evidence::kUnverified:
      return 5;
  }
  return 5;
}

std::string AcceptedUnits(const LabTest& test) {
  std::string out;
  for (const auto& u : test.units) out += (out.empty() ? "" : ", ") + u.unit;
  return out;
}

}  // namespace

void CalcTrace::Use(const std::string& rule) {
  if (rule.empty()) return;
  if (std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
}

void CalcTrace::Note(std::string code, Severity severity, Texts::Params params,
                     const std::string& rule) {
  Use(rule);
  AddUnique(notes, {std::move(code), severity, std::move(params), rule});
}

Evidence WeakestEvidence(const std::vector<std::string>& rules, const KnowledgePack& pack) {
  Evidence weakest = Evidence::kVerified;
  for (const auto& id : rules) {
    auto it = pack.rules.find(id);
    if (it == pack.rules.end() || it->second.evidence == Evidence::kDesign) continue;
    if (Weakness(it->second.evidence) > Weakness(weakest)) weakest = it->second.evidence;
  }
  return weakest;
}

void NoteUnverified(CalcTrace& trace, const KnowledgePack& pack) {
  std::vector<std::string> rules = trace.rules;
  for (const auto& id : rules) {
    auto it = pack.rules.find(id);
    if (it != pack.rules.end() && it->second.evidence == Evidence::kUnverified) {
      trace.Note("calc.note.unverified", Severity::kWarning, {{"rule", id}}, id);
    }
  }
}

std::optional<double> CheckLabValue(const KnowledgePack& pack, std::string_view test,
                                    const Quantity& q, std::string_view field,
                                    std::string_view unit_field, std::vector<Error>& errors) {
  const LabTest* t = pack.labs.Find(test);
  if (!t) {
    errors.push_back({ErrorCode::kInternal, std::string(field),
                      Cat({"the knowledge pack has no laboratory test '", test, "'"})});
    return std::nullopt;
  }
  if (q.unit.empty()) {
    errors.push_back({ErrorCode::kMissingField, std::string(unit_field),
                      Cat({"is required (one of ", AcceptedUnits(*t), ")"})});
    return std::nullopt;
  }
  auto canonical = pack.labs.ToCanonical(*t, q.value, q.unit);
  if (!canonical) {
    errors.push_back({ErrorCode::kInvalidValue, std::string(unit_field),
                      Cat({"'", q.unit, "' is not a unit for ", t->id,
                           " (accepted: ", AcceptedUnits(*t), ")"})});
    return std::nullopt;
  }
  if (!std::isfinite(q.value)) {
    errors.push_back({ErrorCode::kInvalidValue, std::string(field), "must be a finite number"});
    return std::nullopt;
  }
  if (q.value < 0) {
    errors.push_back(
        {ErrorCode::kInvalidValue, std::string(field),
         Cat({FormatNumber(q.value, 3), " ", q.unit, ": a ", t->id, " value cannot be negative"})});
    return std::nullopt;
  }
  if (*canonical < t->plausible_min || *canonical > t->plausible_max) {
    std::string reason = Cat({FormatNumber(q.value, 3), " ", q.unit, " is not a possible ", t->id,
                              " value (possible range ", FormatNumber(t->plausible_min, 3), " to ",
                              FormatNumber(t->plausible_max, 3), " ", t->canonical_unit, ")"});
    // Name the likely slip: the same number would be possible in another accepted unit.
    for (const auto& u : t->units) {
      if (SameUnit(*t, u.unit, q.unit)) continue;
      double as_other = q.value * u.factor;
      if (as_other >= t->plausible_min && as_other <= t->plausible_max) {
        reason += Cat({"; was it given in ", u.unit, "?"});
        break;
      }
    }
    errors.push_back({ErrorCode::kInvalidValue, std::string(field), reason});
    return std::nullopt;
  }
  return canonical;
}

double ConvertLab(const LabTest& test, double value, std::string_view from, std::string_view to) {
  double f = 1, g = 1;
  for (const auto& u : test.units) {
    if (u.unit == from) f = u.factor;
    if (u.unit == to) g = u.factor;
  }
  return value * f / g;
}

bool SameUnit(const LabTest& test, std::string_view a, std::string_view b) {
  if (a == b) return true;
  std::optional<double> fa, fb;
  for (const auto& u : test.units) {
    if (u.unit == a) fa = u.factor;
    if (u.unit == b) fb = u.factor;
  }
  return fa && fb && *fa == *fb;
}

bool CheckLimits(double value, const Limits& limits, std::string_view field, std::string_view unit,
                 std::vector<Error>& errors) {
  if (!std::isfinite(value)) {
    errors.push_back({ErrorCode::kInvalidValue, std::string(field), "must be a finite number"});
    return false;
  }
  if (value < limits.min || value > limits.max) {
    std::string u = unit.empty() ? "" : Cat({" ", unit});
    errors.push_back({ErrorCode::kInvalidValue, std::string(field),
                      Cat({FormatNumber(value, 3), u, " is outside the accepted range ",
                           FormatNumber(limits.min, 3), " to ", FormatNumber(limits.max, 3), u})});
    return false;
  }
  return true;
}

std::string FormatNumber(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, RoundTo(v, decimals));
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

double RoundTo(double v, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

}  // namespace oncnav
