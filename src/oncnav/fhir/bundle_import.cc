#include "oncnav/fhir/bundle_import.h"

#include <vector>

#include "oncnav/fhir/adverse_event_mapping.h"
#include "oncnav/fhir/biomarker_mapping.h"
#include "oncnav/fhir/condition_mapping.h"
#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/import_context.h"
#include "oncnav/fhir/medication_mapping.h"
#include "oncnav/fhir/observation_mapping.h"
#include "oncnav/fhir/patient_mapping.h"
#include "oncnav/fhir/procedure_mapping.h"
#include "oncnav/fhir/regimen_grouping.h"
#include "oncnav/fhir/text.h"

namespace oncnav {
namespace {

using fhir::ImportContext;
using fhir::ImportRule;
using oncnav::Cat;
using simdjson::dom::element;

struct Entry {
  std::string_view type;
  std::string_view id;
  std::string_view full_url;
  element resource;
  size_t index = 0;
};

std::string EntryPath(size_t i, std::string_view rest = {}) {
  return Cat({"entry[", std::to_string(i), "]", rest});
}

// Reads the entries, reporting every structural problem (not one at a time).
std::vector<Entry> ReadEntries(const element& root, const Texts& texts,
                               std::vector<Error>& errors) {
  std::vector<Entry> entries;
  auto list = fhir::Member(root, "entry");
  if (!list) return entries;  // an empty Bundle is a valid (empty) record
  simdjson::dom::array array;
  if (list->get_array().get(array) != simdjson::SUCCESS) {
    errors.push_back(
        TranslatableError(texts, ErrorCode::kInvalidType, "entry", "input.fhir-entries-not-array"));
    return entries;
  }
  entries.reserve(array.size());
  size_t i = 0;
  for (element e : array) {
    size_t index = i++;
    if (!e.is_object()) {
      errors.push_back(TranslatableError(texts, ErrorCode::kInvalidType, EntryPath(index),
                                         "input.must-be-object"));
      continue;
    }
    auto resource = fhir::Member(e, "resource");
    if (!resource) {
      errors.push_back(TranslatableError(texts, ErrorCode::kMissingField,
                                         EntryPath(index, ".resource"),
                                         "input.fhir-entry-without-resource"));
      continue;
    }
    if (!resource->is_object()) {
      errors.push_back(TranslatableError(texts, ErrorCode::kInvalidType,
                                         EntryPath(index, ".resource"),
                                         "input.fhir-resource-not-object"));
      continue;
    }
    auto type = fhir::Member(*resource, "resourceType");
    if (!type) {
      errors.push_back(TranslatableError(texts, ErrorCode::kMissingField,
                                         EntryPath(index, ".resource.resourceType"),
                                         "input.fhir-resource-type-missing"));
      continue;
    }
    std::string_view type_name;
    if (type->get_string().get(type_name) != simdjson::SUCCESS) {
      errors.push_back(TranslatableError(texts, ErrorCode::kInvalidType,
                                         EntryPath(index, ".resource.resourceType"),
                                         "input.must-be-string"));
      continue;
    }
    entries.push_back(
        {type_name, fhir::Str(*resource, "id"), fhir::Str(e, "fullUrl"), *resource, index});
  }
  return entries;
}

// False when the resource's subject/patient names a different patient than the Bundle's.
bool BelongsToPatient(const element& res, const ImportContext& ctx) {
  if (ctx.patient_id.empty()) return true;
  std::string_view reference;
  for (std::string_view key : {"subject", "patient"}) {
    if (auto ref = fhir::Member(res, key)) {
      reference = fhir::Str(*ref, "reference");
      if (!reference.empty()) break;
    }
  }
  if (reference.empty()) return true;  // nothing says otherwise
  if (!ctx.patient_full_url.empty() && reference == ctx.patient_full_url) return true;
  return fhir::ReferenceId(reference) == ctx.patient_id;
}

bool IsMedication(std::string_view type) {
  return type == "MedicationRequest" || type == "MedicationAdministration" ||
         type == "MedicationStatement";
}

void MapResource(const Entry& entry,
                 const std::vector<std::pair<std::string_view, element>>& medications,
                 ImportContext& ctx) {
  const auto type = entry.type;
  if (type == "Condition") {
    fhir::MapCondition(entry.resource, ctx);
  } else if (type == "Observation") {
    fhir::MapObservation(entry.resource, ctx);
  } else if (IsMedication(type)) {
    fhir::MapMedication(entry.resource, type, medications, ctx);
  } else if (type == "Procedure") {
    fhir::MapProcedure(entry.resource, ctx);
  } else if (type == "AdverseEvent") {
    fhir::MapAdverseEvent(entry.resource, ctx);
  } else if (ctx.codes.IsAdministrative(type) || ctx.codes.IsSupporting(type)) {
    // Rule FHIR-ADMIN-SKIP: no clinical content of its own (supporting resources are read
    // through the references of the resources that use them).
    ctx.Mark(ImportRule::kAdminSkip);
  } else {
    ctx.Unused({"type", type}, "resourceType", "fhir.resource-type-unused",
               "fhir.resource-type-unused-many", [&] {
                 return Texts::Params{{"type", std::string(type)}};
               });
  }
}

}  // namespace

Result<ImportedRecord> ImportFhirBundle(const simdjson::dom::element& root,
                                        const KnowledgePack& pack, const Date& as_of) {
  std::string_view root_type;
  if (!root.is_object() || root["resourceType"].get_string().get(root_type) != simdjson::SUCCESS) {
    return TranslatableError(pack.texts, ErrorCode::kWrongResourceType, "resourceType",
                             "input.fhir-bundle-expected");
  }
  if (root_type != "Bundle") {
    return TranslatableError(pack.texts, ErrorCode::kWrongResourceType, "resourceType",
                             "input.fhir-not-a-bundle", {{"type", std::string(root_type)}});
  }
  ImportContext ctx(pack, as_of);
  ctx.out.format = "fhir";
  auto entries = ReadEntries(root, pack.texts, ctx.errors);
  if (!ctx.errors.empty()) return std::move(ctx.errors);

  // The Patient first: its birth date bounds every other date.
  std::vector<std::pair<std::string_view, element>> medications;
  for (const auto& entry : entries) {
    if (entry.type == "Medication") medications.emplace_back(entry.id, entry.resource);
    if (entry.type == "Specimen") ctx.specimens.emplace_back(entry.id, entry.resource);
    if (entry.type == "BodyStructure") ctx.body_structures.emplace_back(entry.id, entry.resource);
    if (entry.type != "Patient") continue;
    ctx.Begin(entry.type, entry.id, entry.index);
    if (!ctx.patient_id.empty() || ctx.out.record.demographics.birth_date) {
      ctx.Warn("id", "fhir.second-patient");
      continue;
    }
    fhir::MapPatient(entry.resource, ctx);
    ctx.patient_id = std::string(entry.id);
    ctx.patient_full_url = std::string(entry.full_url);
  }
  for (const auto& entry : entries) {
    if (entry.type == "Patient") continue;
    ctx.Begin(entry.type, entry.id, entry.index);
    if (!BelongsToPatient(entry.resource, ctx)) {
      ctx.Warn("subject", "fhir.other-patient");
      continue;
    }
    MapResource(entry, medications, ctx);
  }
  if (!ctx.errors.empty()) return std::move(ctx.errors);

  fhir::FinishPathology(ctx);
  auto& record = ctx.out.record;
  if (!ctx.stage_from_observation.empty()) {
    if (record.primary && record.primary->stage.empty()) {
      record.primary->stage = ctx.stage_from_observation;
    } else if (!record.primary) {
      ctx.out.warnings.push_back(fhir::MakeWarning(
          pack.texts, "Observation", "valueCodeableConcept", "fhir.stage-without-primary"));
    }
  }
  fhir::BuildRegimens(ctx);
  ctx.FlushUnused();
  ctx.FlushRules();
  return std::move(ctx.out);
}

}  // namespace oncnav
