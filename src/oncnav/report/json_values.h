#pragma once

#include <optional>

#include "oncnav/common/date.h"
#include "oncnav/report/json_object.h"

namespace oncnav {

// A date as "YYYY-MM-DD", or null when there is none (docs/output.md).
inline Json DateOrNull(const std::optional<Date>& d) {
  return d ? Json(d->ToString()) : Json(nullptr);
}

}  // namespace oncnav
