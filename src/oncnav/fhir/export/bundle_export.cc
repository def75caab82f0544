#include "oncnav/fhir/export/bundle_export.h"

#include "oncnav/fhir/export/export_sections.h"

namespace oncnav {

nlohmann::ordered_json ExportFhirBundle(const PatientRecord& record, const KnowledgePack& pack) {
  fhir::BundleBuilder b(record, pack);
  fhir::ExportPatient(b);
  fhir::ExportConditions(b);
  fhir::ExportPathology(b);
  fhir::ExportGenomics(b);
  fhir::ExportMedications(b);
  fhir::ExportProcedures(b);
  fhir::ExportImaging(b);
  fhir::ExportObservations(b);
  fhir::ExportAdverseEvents(b);
  return b.Finish();
}

}  // namespace oncnav
