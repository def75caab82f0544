#pragma once

#include <simdjson.h>

#include "oncnav/common/date.h"
#include "oncnav/common/result.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

inline constexpr std::string_view kNativeFormatName = "oncnav-patient";
inline constexpr int kNativeFormatVersion = 1;

// Reads a native oncnav patient record (schemas/patient-record.schema.json, docs/record-format.md).
// Every structural or impossible value is an Error naming its JSON path (ER 140 %, a negative
// diameter, a date after `as_of` or before birth, a weight of 0, an unknown lab unit). Fields
// that are merely unknown to oncnav, and drugs or lab tests the pack does not know, become
// import warnings. Known drug synonyms are normalised to the INN.
Result<ImportedRecord> ReadNativeRecord(const simdjson::dom::element& root,
                                        const KnowledgePack& pack, const Date& as_of);

}  // namespace oncnav
