#pragma once

#include <optional>
#include <string>
#include <vector>

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
  Goals goals;
};

// A problem found while importing that did not stop the import: something not understood
// or an implausible value that was left out. Never silently dropped.
struct ImportWarning {
  std::string resource;  // e.g. "Observation/neutrophils-1" or a native path
  std::string element;   // e.g. "valueQuantity"
  std::string message;
};

struct ImportedRecord {
  PatientRecord record;
  std::vector<ImportWarning> warnings;
  std::vector<std::string> rules;  // pack rules applied while importing (units, plausibility, ...)
  std::string format;  // "oncnav" | "fhir"
};

}  // namespace oncnav
