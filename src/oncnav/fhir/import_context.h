#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/common/error.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav::fhir {

// One medication resource reduced to what regimen grouping needs (medication_mapping.h).
struct DrugExposure {
  std::string drug;  // INN from the drug catalogue
  std::optional<Date> start;
  std::optional<Date> end;
  bool ongoing = false;    // status active / in-progress / on-hold / intended with no end
  bool completed = false;  // status completed
  StopReason stop_reason = StopReason::kNone;
  std::string_view intent;  // concept from the intent table, may be empty
  std::string resource;     // "MedicationRequest/<id>" for provenance
};

// Tumour-marker results of one specimen (or one date) while they are being collected.
struct PathologyGroup {
  std::string key;  // specimen id, or "@<date>"
  PathologyReport report;
  Presence ish_presence = Presence::kUnknown;
};

// Everything one import accumulates. Mapping functions read the resource they are given and
// write here; bundle_import.cc runs them and then the whole-record steps (regimens, pathology).
class ImportContext {
 public:
  ImportContext(const KnowledgePack& knowledge, const Date& evaluation_date)
      : pack(knowledge), codes(knowledge.codes), as_of(evaluation_date) {}

  // Sets the resource being mapped (for warning and error locations).
  void Begin(std::string_view type, std::string_view id, size_t entry_index);
  std::string ResourceName() const;                       // "Observation/<id>"
  std::string FieldPath(std::string_view element) const;  // "entry[3].resource.<element>"

  void Warn(std::string_view element, std::string message);
  void Fail(ErrorCode code, std::string field, std::string reason);

  // Reads a FHIR date/dateTime member. Malformed, future and before-birth dates are errors
  // naming the field; a missing member is nullopt without error.
  std::optional<Date> ReadDate(const simdjson::dom::element& obj, std::string_view key,
                               std::string_view path);
  // effective[x] / performed[x] / onset[x]: <prefix>DateTime, <prefix>Period.start, ...
  std::optional<Date> ReadTiming(const simdjson::dom::element& res, std::string_view prefix);
  std::optional<Date> ReadTimingEnd(const simdjson::dom::element& res, std::string_view prefix);

  // Counts a resource that is not used for one reason; reported once per key at the end,
  // so a Synthea export with hundreds of unrelated conditions yields a handful of warnings.
  void Unused(std::string key, std::string element, std::string message);
  void FlushUnused();

  const KnowledgePack& pack;
  const CodeMap& codes;
  Date as_of;
  std::optional<Date> birth_date;
  std::string patient_id;
  std::string patient_full_url;

  ImportedRecord out;
  std::vector<Error> errors;

  std::vector<PathologyGroup> pathology;
  std::vector<DrugExposure> exposures;
  std::string stage_from_observation;
  std::vector<Date> surgery_dates;
  std::optional<Date> weight_date;  // date of the weight kept (the latest)
  std::optional<Date> height_date;

 private:
  struct UnusedGroup {
    std::string key;
    std::string first_resource;
    std::string element;
    std::string message;
    int count = 0;
  };

  std::string_view type_;
  std::string_view id_;
  size_t entry_index_ = 0;
  std::vector<UnusedGroup> unused_;
};

}  // namespace oncnav::fhir
