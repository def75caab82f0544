#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "oncnav/knowledge/rule.h"

// Systemic-therapy options as the pack declares them (options.json). Each option is a rule a
// clinician can read: who it is for, the conditions that must hold, the trials behind it and its
// approval in each region. The engine (engine/therapy/) only interprets these declarations.
namespace oncnav {

// Prior therapy of a class (or one drug), counted over a scope:
//   "metastatic": lines for advanced disease (LOT-1);
//   "advanced":   those plus early relapse after (neo)adjuvant therapy (LOT-2);
//   "any":        any setting, (neo)adjuvant regimens included (LOT-3).
// `cls` "*" means any systemic anticancer therapy. `progressed` counts only lines that ended in
// progression (or the early relapse itself).
struct PriorCondition {
  std::string cls;
  std::string drug;
  std::string scope = "advanced";
  bool progressed = false;
  std::optional<int> min, max;
};

// Excludes the option when the disease progressed on one of these classes or drugs.
struct NotProgressedOnCondition {
  std::vector<std::string> classes, drugs;
};

// A somatic alteration in any of `genes`. With `cdx` set, only those assays satisfy the
// condition; a finding by another assay asks for confirmation.
struct BiomarkerCondition {
  std::vector<std::string> genes;
  std::vector<std::string> cdx;
  std::string test;  // text key of the test to order
  bool plasma_negative_needs_tissue = false;
  bool retest_after_progression =
      false;  // a negative result predating the last progression is stale
};

struct GermlineCondition {
  std::vector<std::string> genes;
  std::string test;
};

// A PD-L1 score read only on the named assay and score type (PD1-1). `min`: score >= min;
// `below`: score < below (used where checkpoint inhibitors are not indicated).
struct PdL1Condition {
  std::string assay, score_type;
  std::optional<double> min, below;
  std::string test;
};

// What each menopausal status means for the option: "eligible", "ovarian_suppression"
// (eligible with ovarian function suppression) or "not_eligible". Keys: premenopausal,
// perimenopausal, postmenopausal, male.
struct MenopauseCondition {
  std::map<std::string, std::string, std::less<>> by_status;
};

struct EndocrineResistanceCondition {
  std::vector<std::string> in;  // "primary", "secondary", "sensitive"
  std::string basis;            // "adjuvant" | "first_line" | "" (any)
};

// Months from the end of the last curative-intent chemotherapy to metastatic relapse.
struct IntervalCondition {
  int min_months = 0;
};

using Condition = std::variant<PriorCondition, NotProgressedOnCondition, BiomarkerCondition,
                               GermlineCondition, PdL1Condition, MenopauseCondition,
                               EndocrineResistanceCondition, IntervalCondition>;

// Another drug (or drugs) that may take the place of one drug of the regimen.
struct Alternative {
  std::string instead_of;
  std::vector<std::string> use;
};

struct Approval {
  std::string status;  // approved | restricted | filed | not-approved | unknown
  std::string date, reimbursed, withdrawn, label;
  std::vector<std::string> sources;
  std::vector<Condition> conditions;  // label conditions specific to this region
};

struct TierOverride {
  std::string when;  // "brain_metastases" | "visceral_crisis"
  int tier = 0;
};

struct TherapyOption {
  Rule rule;  // id, summary, sources, evidence
  std::vector<std::string> subtypes;
  std::vector<std::string> her2;  // required HER2 categories; empty = any
  std::vector<std::string> drugs;
  std::vector<Alternative> alternatives;
  std::string label;  // a name for the regimen when its drugs are only an example
  int tier = 0;
  std::map<std::string, int, std::less<>> tier_by_subtype;
  std::vector<TierOverride> tier_if;
  std::vector<Condition> conditions;
  std::vector<std::string> trials;
  std::map<std::string, Approval, std::less<>> approval;  // by region: jp, us, cn, eu

  int TierFor(std::string_view subtype) const;
};

inline const std::vector<std::string>& Regions() {
  static const std::vector<std::string> regions = {"jp", "us", "cn", "eu"};
  return regions;
}

}  // namespace oncnav
