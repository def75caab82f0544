#include "oncnav/common/error.h"

namespace oncnav {

const std::vector<ErrorInfo>& ErrorCatalogue() {
  static const std::vector<ErrorInfo> catalogue = {
#define ONCNAV_ERROR(name, code, http, exit_status, description) \
  {ErrorCode::name, code, http, exit_status, description},
#include "oncnav/common/error_codes.def"
#undef ONCNAV_ERROR
  };
  return catalogue;
}

const ErrorInfo& Describe(ErrorCode code) { return ErrorCatalogue().at(static_cast<size_t>(code)); }

std::string Error::ToString() const {
  if (field.empty()) return reason;
  return field + ": " + reason;
}

}  // namespace oncnav
