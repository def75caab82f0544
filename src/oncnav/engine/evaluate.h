#pragma once

#include <string>
#include <vector>

#include "oncnav/calc/from_record.h"
#include "oncnav/engine/bone/bone_plan.h"
#include "oncnav/engine/classify.h"
#include "oncnav/engine/course.h"
#include "oncnav/engine/recist.h"
#include "oncnav/engine/therapy/therapy_options.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

struct EvaluateOptions {
  Date as_of;
  std::string region = "jp";  // jp | us | cn | eu
  std::string lang = "en";    // en | ja | zh
  int reimaging_months = 0;   // 0 = the pack's default
};

// Everything oncnav concludes about one patient at one date. Holds a pointer into the
// record it was made from; the record must outlive it.
struct Evaluation {
  const ImportedRecord* input = nullptr;
  EvaluateOptions options;
  Classification classification;
  RecistResult recist;
  Course course;
  TherapyOptions therapy;
  RecordCalculations calculations;    // what the calculators can tell from the record
  BonePlan bone;                      // bone-modifying agent plan and bone care
  std::vector<Finding> alerts;        // from every module, most severe first
  std::vector<Finding> tests_needed;  // likewise
  std::vector<std::string> rules;     // every pack rule applied, in first-use order
};

// Runs the pipeline: classify -> RECIST on the current line -> course of treatment ->
// systemic-therapy options for the region.
// Pure and deterministic for a given record, pack and options; never throws on data.
Evaluation Evaluate(const ImportedRecord& input, const KnowledgePack& pack,
                    const EvaluateOptions& options);

}  // namespace oncnav
