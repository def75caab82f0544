#pragma once

#include <string>
#include <vector>

#include "oncnav/engine/classify.h"
#include "oncnav/engine/course.h"
#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// A test or check still missing before an option can be started.
struct Requirement {
  std::string code;  // text key, e.g. "test.pik3ca-akt1-pten", "check.lvef"
  std::string kind;  // "test" | "check" | "confirm"
  Texts::Params params;
  std::string rule;
};

// The option's approval in the requested region, as it applies to this patient.
struct ApprovalView {
  std::string region;
  std::string status;  // approved | restricted | filed | not-approved | unknown
  const Approval* declared = nullptr;
  bool label_conditions_met = true;  // false: approved, but this patient is outside the label
};

struct ProposedOption {
  int rank = 0;
  const TherapyOption* option = nullptr;  // null for "continue the current regimen"
  std::vector<std::string> drugs;
  std::vector<Alternative> alternatives;
  std::string regimen;  // display label
  int line = 0;
  std::string timing;  // "now" | "at-progression"
  std::string status;  // "eligible" | "pending" (a test or fact is missing)
  int tier = 0;
  ApprovalView approval;
  bool standard_in_region = false;
  std::vector<Requirement> requirements;
  std::vector<const MonitoringItem*> monitoring;
  std::vector<Finding> cautions;
  std::vector<std::string> rules;  // rules that shaped this option
};

struct ExcludedOption {
  const TherapyOption* option = nullptr;
  std::vector<std::string> drugs;
  std::string reason_code;  // progressed-on-class | safety-hard-stop | biomarker-not-met | ...
  std::string detail;       // text key of the readable reason ("excluded.<...>")
  Texts::Params params;     // fill that text
  std::string rule;         // the rule that excluded it
};

struct TherapyOptions {
  std::string decision;  // "continue" | "next-line" | "first-line" | "none"
  int line = 0;          // the line the listed options are for
  std::vector<ProposedOption> options;
  std::vector<ExcludedOption> excluded;
  std::vector<Finding> alerts;
  std::vector<Finding> tests_needed;
  std::vector<std::string> rules;
};

struct TherapyContext {
  const PatientRecord& record;
  const KnowledgePack& pack;
  const Classification& classification;
  const Course& course;
  Date as_of;
  std::string region;
};

// Proposes the systemic options for the next decision and says why every other option for the
// patient's subtype is excluded. While the current regimen works, option 1 is to continue it and
// the rest are what to consider at progression. Never proposes an option a hard stop excludes,
// a regimen with two drugs of one exclusive class, or an option whose biomarker is unknown as if
// it were met (EnforceInvariants is the last step).
TherapyOptions AssessTherapyOptions(const TherapyContext& context);

}  // namespace oncnav
