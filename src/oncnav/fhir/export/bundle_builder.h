#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/fhir/export/export_codes.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav::fhir {

using ExportJson = nlohmann::ordered_json;

// A FHIR id (R4: 1-64 of [A-Za-z0-9-.]) made from any text: other characters become '-'.
std::string FhirId(std::string_view text);

// The latest date anywhere in the record. The native weight and height are undated and a FHIR
// body-weight observation needs a date: the export dates them with this one.
std::optional<Date> LatestDateOf(const PatientRecord& record);

// Collects the resources of one patient's Bundle with unique, stable ids ("<patient>-<kind>-<n>")
// and the references the sections share (the primary and secondary cancer conditions, the
// specimens). Entries keep the order they were added in, so a record gives the same Bundle
// byte for byte every time.
class BundleBuilder {
 public:
  BundleBuilder(const PatientRecord& record, const KnowledgePack& pack);

  const PatientRecord& record() const { return record_; }
  const KnowledgePack& pack() const { return pack_; }
  const std::string& patient_id() const { return patient_id_; }
  ExportJson Subject() const;

  // Adds a resource with a new id; returns its reference ("Type/id").
  std::string Add(std::string_view type, std::string_view prefix, ExportJson body,
                  std::string_view profile = {});
  // Adds a resource with the given id (the Patient).
  std::string AddWithId(std::string_view type, const std::string& id, ExportJson body,
                        std::string_view profile);
  // An Observation of the patient with status final, the category, code and effective date,
  // then the members of `fields` (value[x], component, focus, ...).
  std::string AddObservation(std::string_view prefix, ExportJson code, const Date& date,
                             ExportJson fields, std::string_view profile,
                             std::string_view category = "laboratory");

  ExportJson Finish();

  // References shared between sections.
  std::string primary_ref;
  std::vector<std::pair<std::string, std::string>> metastasis_refs;  // site -> Condition

 private:
  const PatientRecord& record_;
  const KnowledgePack& pack_;
  std::string patient_id_;
  std::vector<ExportJson> entries_;
  std::map<std::string, int, std::less<>> counters_;
};

// FHIR datatypes.
ExportJson CodingOf(std::string_view system, const exportcodes::Code& code);
ExportJson ConceptOf(std::string_view system, const exportcodes::Code& code,
                     std::string_view text = {});
ExportJson TextConcept(std::string_view text);
ExportJson QuantityOf(double value, std::string_view ucum_unit);
ExportJson Reference(std::string_view reference);
ExportJson ExtensionOf(std::string_view url, std::string_view value_key, ExportJson value);
// A number as FHIR writes it: whole numbers without a fraction.
ExportJson Number(double value);

}  // namespace oncnav::fhir
