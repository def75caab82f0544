// The FHIR export round trip on synthetic patients: several hundred varied records (every
// section, missing data, toxicity switches, induction and maintenance, early relapses) export
// and import back to what FhirCarriedRecord says the mapping carries, without import warnings
// other than the documented lymph-node one.
#include <gtest/gtest.h>

#include "fhir_roundtrip_support.h"
#include "oncnav/synth/generator.h"

namespace oncnav {
namespace {

TEST(FhirExportSynthetic, GeneratedPatientsRoundTrip) {
  int failures = 0;
  for (uint64_t i = 0; i < 500; ++i) {
    PatientRecord record = synth::GenerateSynthPatient(77, i, testing::Pack()).record;
    testing::RoundTrip rt = testing::RunRoundTrip(record);
    if (!rt.difference.empty() && ++failures <= 5) {
      ADD_FAILURE() << record.demographics.id << ": " << rt.difference;
    }
    for (const auto& w : rt.warnings) {
      bool documented =
          w.element == "code" && w.message.find("regional or distant") != std::string::npos;
      if (!documented && ++failures <= 5) {
        ADD_FAILURE() << record.demographics.id << ": " << w.resource << " " << w.element << ": "
                      << w.message;
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace oncnav
