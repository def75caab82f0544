#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/calc/calc_common.h"
#include "oncnav/model/demographics.h"

namespace oncnav {

// Calculator inputs as text (from the command line, later a form or an API), by field name.
using CalcFields = std::map<std::string, std::string, std::less<>>;

// Typed access to CalcFields; every unparsable value is recorded as an error naming its field.
// An absent field is nullopt / empty: each calculator reports what it requires.
class FieldSet {
 public:
  FieldSet(const CalcFields& fields, std::vector<Error>& errors)
      : fields_(fields), errors_(errors) {}

  std::optional<double> Number(std::string_view name);
  std::string Text(std::string_view name);
  std::optional<bool> YesNo(std::string_view name);
  // A value with its unit in a companion field ("creatinine" + "creatinine-unit").
  // A unit without its value is an error, unless `shared_unit` (one unit field serves several
  // values, e.g. calcium-unit for calcium, corrected-calcium and ionized-calcium).
  std::optional<Quantity> Lab(std::string_view name, std::string_view unit_name,
                              bool shared_unit = false);
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  Sex SexField(std::string_view name);

 private:
  const std::string* Find(std::string_view name) const;
  const CalcFields& fields_;
  std::vector<Error>& errors_;
};

}  // namespace oncnav
