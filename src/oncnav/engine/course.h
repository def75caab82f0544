#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// A line of therapy in the metastatic setting: the regimens given between two progressions.
struct LineOfTherapy {
  int number = 0;
  std::vector<const Regimen*> regimens;  // in start order
  Date start;
  std::optional<Date> progression_date;  // set when the line ended in progression
};

// Prior exposure to one drug class, and whether it counts as therapy in the advanced setting
// (given for metastatic disease, or by LOT-2 through early relapse after (neo)adjuvant use).
struct Exposure {
  std::string drug_class;
  std::vector<std::string> drugs;
  bool metastatic = false;
  bool early_relapse = false;
  bool adjuvant = false;
};

enum class EndocrineResistance { kNotApplicable, kPrimary, kSecondary, kSensitive };
std::string_view EndocrineResistanceName(EndocrineResistance r);
// "drug + drug + drug", as regimens are named in alerts and reports.
std::string RegimenLabel(const Regimen& r);
// The same as a message parameter ("@drugs:inn + inn") that renders each drug in the
// message's language.
std::string RegimenParam(const Regimen& r, const KnowledgePack& pack);

// What the latest imaging said, as far as the course needs it.
struct ImagingVerdict {
  Date date;
  bool progression = false;
  std::string overall;  // RECIST overall response, e.g. "PD", "SD", "non-CR/non-PD"
};

struct Course {
  bool metastatic = false;
  std::optional<Date> metastatic_since;
  std::vector<LineOfTherapy> lines;
  int line = 0;  // the metastatic line the next decision is for; 0 when not metastatic
  const Regimen* current_regimen = nullptr;
  std::optional<int> days_on_current;
  std::optional<bool> progression;  // on the current line; nullopt = unknown
  std::optional<Date> last_imaging;
  std::optional<Date> next_imaging_due;
  std::optional<Date> next_imaging_window_start;
  bool imaging_overdue = false;
  EndocrineResistance endocrine_resistance = EndocrineResistance::kNotApplicable;
  std::string endocrine_resistance_basis;  // "adjuvant" | "first_line" | "no_adjuvant_endocrine"
  std::vector<Exposure> exposures;
  std::vector<Finding> alerts;
  std::vector<Finding> tests_needed;
  std::vector<std::string> rules;
};

struct CourseOptions {
  Date as_of;
  int reimaging_months = 0;                // 0 = the pack's default
  bool hormone_receptor_positive = false;  // endocrine resistance is reported only then
};

// The start of the line a new imaging series is compared against: the start of the line
// holding the current (or last) metastatic regimen. Used to choose the RECIST baseline.
std::optional<Date> CurrentLineStart(const PatientRecord& record, const KnowledgePack& pack);

// Derives the course of treatment from the regimen history and the latest imaging verdict
// (from RECIST, on the current line). A patient with no recorded metastatic disease gets no
// line logic, only exposures and an explicit statement.
Course AssessCourse(const PatientRecord& record, const KnowledgePack& pack,
                    const CourseOptions& options, const std::optional<ImagingVerdict>& imaging);

}  // namespace oncnav
