#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "oncnav/model/bone_care.h"
#include "oncnav/model/cancer.h"
#include "oncnav/model/demographics.h"
#include "oncnav/model/imaging.h"
#include "oncnav/model/observations.h"
#include "oncnav/model/pathology.h"
#include "oncnav/model/treatment.h"

namespace oncnav {

// The whole patient record, as read from the native format or imported from FHIR.
// Lists are kept in input order; consumers sort by date where order matters.
struct PatientRecord {
  Demographics demographics;
  std::optional<PrimaryCancer> primary;
  std::vector<MetastaticSite> metastases;
  ClinicalStatus clinical_status;
  std::vector<PathologyReport> pathology;
  std::vector<PdL1Result> pdl1;
  std::vector<GermlineTest> germline;
  std::vector<SomaticVariant> variants;
  std::vector<Regimen> regimens;
  std::vector<Procedure> procedures;
  std::vector<ImagingAssessment> imaging;
  std::vector<TumorMarker> tumor_markers;
  std::vector<LabResult> labs;
  std::vector<AdverseEvent> adverse_events;
  std::vector<PerformanceStatus> performance;
  std::vector<BoneLesionAssessment> bone_assessments;
  std::vector<SkeletalEvent> skeletal_events;
  std::vector<Symptom> symptoms;
  Goals goals;
};

// A problem found while importing that did not stop the import: something not understood
// or an implausible value that was left out. Never silently dropped.
struct ImportWarning {
  ImportWarning() = default;
  ImportWarning(std::string in_resource, std::string in_element, std::string english,
                std::string message_code = {},
                std::vector<std::pair<std::string, std::string>> message_params = {})
      : resource(std::move(in_resource)),
        element(std::move(in_element)),
        message(std::move(english)),
        code(std::move(message_code)),
        params(std::move(message_params)) {}

  std::string resource;  // e.g. "Observation/neutrophils-1" or a native path
  std::string element;   // e.g. "valueQuantity"
  std::string message;   // English, always present
  // When set, the key of a translated message in the pack's texts and its parameters; the
  // output renders it in the requested language instead of `message`.
  std::string code;
  std::vector<std::pair<std::string, std::string>> params;
};

struct ImportedRecord {
  PatientRecord record;
  std::vector<ImportWarning> warnings;
  std::vector<std::string> rules;  // pack rules applied while importing (units, plausibility, ...)
  std::string format;              // "oncnav" | "fhir"
};

}  // namespace oncnav
