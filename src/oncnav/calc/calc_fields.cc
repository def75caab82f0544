#include "oncnav/calc/calc_fields.h"

#include <cmath>
#include <cstdlib>

#include "oncnav/calc/calc_common.h"
#include "oncnav/common/text.h"
#include "oncnav/knowledge/score_table.h"

namespace oncnav {

const std::string* FieldSet::Find(std::string_view name) const {
  auto it = fields_.find(name);
  return it == fields_.end() ? nullptr : &it->second;
}

std::optional<double> FieldSet::Number(std::string_view name) {
  const std::string* text = Find(name);
  if (!text) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(text->c_str(), &end);
  while (end && *end == ' ') ++end;
  if (text->empty() || !end || *end != '\0' || !std::isfinite(v)) {
    errors_.push_back(
        {ErrorCode::kInvalidValue, std::string(name), Cat({"'", *text, "' is not a number"})});
    return std::nullopt;
  }
  return v;
}

std::string FieldSet::Text(std::string_view name) {
  const std::string* text = Find(name);
  return text ? *text : std::string();
}

std::optional<bool> FieldSet::YesNo(std::string_view name) {
  const std::string* text = Find(name);
  if (!text) return std::nullopt;
  std::string v = NormaliseChoice(*text);
  if (v == "yes" || v == "true") return true;
  if (v == "no" || v == "false") return false;
  errors_.push_back({ErrorCode::kInvalidValue, std::string(name), "must be yes or no"});
  return std::nullopt;
}

std::optional<Quantity> FieldSet::Lab(std::string_view name, std::string_view unit_name,
                                      bool shared_unit) {
  const std::string* unit = Find(unit_name);
  if (!Find(name)) {
    if (unit && !shared_unit) {
      errors_.push_back(
          {ErrorCode::kInvalidValue, std::string(unit_name), Cat({"is given without ", name})});
    }
    return std::nullopt;
  }
  auto v = Number(name);
  if (!v) return std::nullopt;
  return Quantity{*v, unit ? *unit : std::string()};
}

Sex FieldSet::SexField(std::string_view name) {
  const std::string* text = Find(name);
  if (!text) return Sex::kUnknown;
  std::string v = NormaliseChoice(*text);
  if (v == "female") return Sex::kFemale;
  if (v == "male") return Sex::kMale;
  if (v == "other") return Sex::kOther;
  if (v != "unknown") {
    errors_.push_back({ErrorCode::kInvalidValue, std::string(name), "must be female or male"});
  }
  return Sex::kUnknown;
}

}  // namespace oncnav
