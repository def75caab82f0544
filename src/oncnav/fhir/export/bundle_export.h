#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// Writes one patient as a FHIR R4 collection Bundle with HL7 mCODE STU4 profiles where they
// apply (docs/fhir-mapping.md, "Export"), using exactly the codes ImportFhirBundle reads
// (knowledge/breast/codes.json, labs.json, drugs.json): importing the result gives back the
// record as far as FHIR can carry it (FhirCarriedRecord says exactly how far). The output is a
// pure function of the record: the same record gives the same bytes (no timestamps, ids numbered
// in record order). Never fails: what FHIR cannot carry is left out.
nlohmann::ordered_json ExportFhirBundle(const PatientRecord& record, const KnowledgePack& pack);

// The record as a FHIR round trip (ExportFhirBundle, then ImportFhirBundle) gives it back: every
// field the mapping cannot carry is cleared or reduced to what the import reads (menopausal
// status, goals, HER2 membrane staining, lesion roles and flags, regimen ids, ...; the list is
// in docs/fhir-mapping.md). Regimens are sorted by start and drugs within a regimen by name,
// because the import rebuilds regimens from drug exposures; PathologyReport.source_id and
// regimen ids are cleared in the result. Used by the round-trip tests and to tell a user what
// an export leaves out.
PatientRecord FhirCarriedRecord(const PatientRecord& record, const KnowledgePack& pack);

// The Procedure.code.text the export writes for a procedure: its description, prefixed with
// the kind in words when a biopsy or dental examination has no code and its description does
// not name the kind.
std::string ExportedProcedureText(const Procedure& procedure);

}  // namespace oncnav
