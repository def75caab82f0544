#pragma once

#include <optional>
#include <string>

#include "oncnav/common/date.h"

namespace oncnav {

enum class Sex { kUnknown, kFemale, kMale, kOther };
enum class MenopausalStatus { kUnknown, kPremenopausal, kPerimenopausal, kPostmenopausal };

struct Demographics {
  std::string id;  // the record's own identifier; never printed in logs
  Sex sex = Sex::kUnknown;
  std::optional<Date> birth_date;
  std::optional<double> weight_kg;
  std::optional<double> height_cm;
  MenopausalStatus menopausal_status = MenopausalStatus::kUnknown;
};

}  // namespace oncnav
