#pragma once

#include <simdjson.h>

#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"
#include "oncnav/record/field_reader.h"

namespace oncnav {

// Reads the bone-care parts of a native record: `bone_assessments`, `skeletal_events` and
// `symptoms` (docs/record-format.md). Score inputs are checked with the calculators, closed
// vocabularies against local_therapy.json; every problem is an error naming its path.
void ReadBoneCare(FieldReader& r, simdjson::dom::object root, const KnowledgePack& pack,
                  PatientRecord& rec);

}  // namespace oncnav
