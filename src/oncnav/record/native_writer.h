#pragma once

#include <nlohmann/json.hpp>

#include "oncnav/model/patient.h"

namespace oncnav {

// Writes a patient in the native format (format_version 1, docs/record-format.md), keys in the
// order of the schema. Empty and unknown values are left out, as the format reads an absent
// field as "not recorded". Laboratory values are written as recorded (original value and unit).
// Reading the result with ReadNativeRecord gives the same record back, provided the record is
// one the format can hold: every regimen has a start and a setting, every germline result is
// known (records read from the native format, and the synthetic generator's, always are).
// Whole numbers are written without a fraction ("58", not "58.0").
nlohmann::ordered_json NativeRecordToJson(const PatientRecord& record);

}  // namespace oncnav
