#pragma once

// Internal to the FHIR export: one function per part of the record, called in this order by
// ExportFhirBundle (the order of the entries in the Bundle).

#include "oncnav/fhir/export/bundle_builder.h"

namespace oncnav::fhir {

// Patient (mcode-cancer-patient) and the body weight and height observations.
void ExportPatient(BundleBuilder& b);
// PrimaryCancerCondition and SecondaryCancerConditions.
void ExportConditions(BundleBuilder& b);
// HumanSpecimens with their TumorMarkerTests (receptors, HER2, Ki-67) and PD-L1 results.
void ExportPathology(BundleBuilder& b);
// GenomicVariant observations for germline and somatic results.
void ExportGenomics(BundleBuilder& b);
// CancerRelatedMedicationRequests, one per drug of each regimen.
void ExportMedications(BundleBuilder& b);
// Procedures.
void ExportProcedures(BundleBuilder& b);
// Tumor BodyStructures and TumorSize observations.
void ExportImaging(BundleBuilder& b);
// Serum tumour markers, laboratory values and performance status.
void ExportObservations(BundleBuilder& b);
// AdverseEvents.
void ExportAdverseEvents(BundleBuilder& b);

}  // namespace oncnav::fhir
