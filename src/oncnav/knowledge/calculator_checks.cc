#include "oncnav/knowledge/calculator_checks.h"

#include "oncnav/common/text.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

constexpr const char* kFile = "calculators.json";

void Fail(std::vector<Error>& errors, const std::string& where, const std::string& reason) {
  errors.push_back({ErrorCode::kKnowledgeInvalid, Cat({kFile, ": ", where}), reason});
}

void CheckUnit(const KnowledgePack& pack, const std::string& test, const std::string& unit,
               const std::string& where, std::vector<Error>& errors) {
  const LabTest* t = pack.labs.Find(test);
  if (!t) {
    Fail(errors, where, Cat({"names the laboratory test '", test, "', which labs.json lacks"}));
    return;
  }
  if (!unit.empty() && !pack.labs.ToCanonical(*t, 1, unit)) {
    Fail(errors, where, Cat({"'", unit, "' is not a unit labs.json accepts for ", test}));
  }
}

}  // namespace

void CheckCalculatorReferences(const KnowledgePack& pack, std::vector<Error>& errors) {
  const CalculatorConfig& c = pack.calculators;
  for (const auto& id : c.RuleIds()) {
    if (!pack.rules.count(id)) {
      Fail(errors, "(rules)", Cat({"names rule '", id, "', which no file defines"}));
    }
  }
  for (const auto& f : c.calcium.formulas) {
    CheckUnit(pack, "calcium", f.calcium_unit, Cat({"formula ", f.id}), errors);
    CheckUnit(pack, "albumin", f.albumin_unit, Cat({"formula ", f.id}), errors);
  }
  for (const auto& term : c.ctcae.terms) {
    for (const auto& scale : term.scales) {
      CheckUnit(pack, scale.lab, scale.unit, Cat({"ctcae term ", term.id}), errors);
    }
  }
  // Units the calculators convert to by name.
  CheckUnit(pack, "creatinine", "mg/dL", "cockcroft_gault", errors);
  CheckUnit(pack, "creatinine", "umol/L", "cockcroft_gault", errors);
  CheckUnit(pack, "calcium", "mg/dL", "corrected_calcium", errors);
  CheckUnit(pack, "calcium", "mmol/L", "corrected_calcium", errors);
}

}  // namespace oncnav
