#include "oncnav/fhir/patient_mapping.h"

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"

namespace oncnav::fhir {

void MapPatient(const simdjson::dom::element& res, ImportContext& ctx) {
  auto& demo = ctx.out.record.demographics;
  demo.id = std::string(Str(res, "id"));
  auto gender = Str(res, "gender");
  if (gender == "female") {
    demo.sex = Sex::kFemale;
  } else if (gender == "male") {
    demo.sex = Sex::kMale;
  } else if (gender == "other") {
    demo.sex = Sex::kOther;
  } else if (!gender.empty() && gender != "unknown") {
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn("gender", "fhir.gender-not-fhir", {{"gender", std::string(gender)}});
  }
  demo.birth_date = ctx.ReadDate(res, "birthDate");
  ctx.birth_date = demo.birth_date;
}

}  // namespace oncnav::fhir
