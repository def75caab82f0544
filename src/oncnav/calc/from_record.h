#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/calc/calc_report.h"
#include "oncnav/common/date.h"
#include "oncnav/model/patient.h"

namespace oncnav {

struct RecordCalcOptions {
  Date as_of;
  // The lab's reference limits (and baselines) by test id ("calcium", "ionized_calcium",
  // "creatinine", "neutrophils"), in the test's canonical unit (labs.json). Records carry no
  // reference ranges, so without these some CTCAE grades stay a range or cannot be given.
  std::map<std::string, CtcaeReferences, std::less<>> references;
  std::string calcium_formula;  // empty = the pack's default
};

// A record value a calculator used.
struct RecordInput {
  std::string name;  // "creatinine", "albumin", "weight", "age", "sex", "performance", ...
  std::optional<Date> date;
  std::optional<double> value;  // as recorded, in `unit`
  std::string text;             // for a value that is a word (sex)
  std::string unit;             // as recorded, may be empty
};

struct RecordCalc {
  CalcOutput output;
  std::vector<RecordInput> inputs;
};

// A calculator the record does not allow: what is missing (input names, see RecordInput), or
// why the values present could not be used (`reason`, e.g. an age outside the adult range).
struct CannotCompute {
  std::string calculator;
  std::vector<std::string> missing;
  std::string reason;  // English, from the calculator's error; empty when only data is missing
};

struct RecordCalculations {
  Date as_of;
  std::vector<RecordCalc> results;
  std::vector<CannotCompute> cannot_compute;
  std::vector<std::string> rules;  // every rule applied, for the evaluation's provenance
};

// Computes what the record allows as of `options.as_of` (values dated later are ignored):
// Cockcroft-Gault from the latest creatinine, weight, sex and age at that creatinine;
// corrected calcium from the latest calcium and albumin of the same day; CTCAE grades of the
// latest calcium (ionised, else corrected), creatinine and neutrophils; ECOG <-> Karnofsky
// from the latest performance status. Never fails: what cannot be computed is listed.
RecordCalculations CalculatorsFromRecord(const PatientRecord& record, const KnowledgePack& pack,
                                         const RecordCalcOptions& options);
RecordCalculations CalculatorsFromRecord(const PatientRecord& record, const KnowledgePack& pack,
                                         Date as_of);

}  // namespace oncnav
