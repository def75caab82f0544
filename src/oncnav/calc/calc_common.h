#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/common/result.h"
#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// A measured value with the unit it was given in (a unit labs.json accepts for its test).
struct Quantity {
  double value = 0;
  std::string unit;
};

// What a calculator used and what it wants a person to read alongside its number: the pack
// rules applied (provenance) and notes (caveats and advice; codes are keys of the pack's texts).
struct CalcTrace {
  std::vector<std::string> rules;  // first-use order, no duplicates
  std::vector<Finding> notes;

  void Use(const std::string& rule);
  // Records `rule` too, so every note is backed by a rule in the provenance.
  void Note(std::string code, Severity severity, Texts::Params params, const std::string& rule);
};

// The weakest evidence among the clinical rules in `rules` (design rules, which concern
// engineering limits rather than clinical facts, are skipped). Verified when there is none.
Evidence WeakestEvidence(const std::vector<std::string>& rules, const KnowledgePack& pack);

// Adds a note naming every unverified clinical rule in the trace (once per trace), so a result
// that rests on an unverified fact always says so.
void NoteUnverified(CalcTrace& trace, const KnowledgePack& pack);

// Checks a laboratory value given to a calculator: its unit must be one labs.json accepts for
// `test`, and the value must be finite and possible. Errors name `field` (the value) or
// `unit_field` (the unit). Returns the value in the test's canonical unit.
std::optional<double> CheckLabValue(const KnowledgePack& pack, std::string_view test,
                                    const Quantity& q, std::string_view field,
                                    std::string_view unit_field, std::vector<Error>& errors);

// Converts a value of `test` between two units labs.json accepts for it.
double ConvertLab(const LabTest& test, double value, std::string_view from, std::string_view to);
// Whether two units of `test` are the same scale (same factor to the canonical unit).
bool SameUnit(const LabTest& test, std::string_view a, std::string_view b);

// A number within [limits.min, limits.max]; otherwise an error naming the field.
bool CheckLimits(double value, const Limits& limits, std::string_view field, std::string_view unit,
                 std::vector<Error>& errors);

// Formats a number for messages: up to `decimals` places, trailing zeros removed.
std::string FormatNumber(double v, int decimals = 1);

// Rounds to `decimals` places (output values are rounded; computation is not).
double RoundTo(double v, int decimals);

}  // namespace oncnav
