#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oncnav {

enum class ErrorCode {
#define ONCNAV_ERROR(name, code, http, exit_status, description) name,
#include "oncnav/common/error_codes.def"
#undef ONCNAV_ERROR
};

// One row of the error catalogue.
struct ErrorInfo {
  ErrorCode code;
  std::string_view name;
  int http_status;
  int exit_status;
  std::string_view description;
};

const ErrorInfo& Describe(ErrorCode code);
const std::vector<ErrorInfo>& ErrorCatalogue();

// An expected failure. `field` locates the problem in the input (a JSON path such as
// "pathology[2].er_percent", or "entry[4].resource.valueQuantity" for FHIR); `reason` says
// what is wrong in words a user can act on.
struct Error {
  Error() = default;
  Error(ErrorCode error_code, std::string error_field, std::string english_reason,
        std::string key = {}, std::vector<std::pair<std::string, std::string>> params = {})
      : code(error_code),
        field(std::move(error_field)),
        reason(std::move(english_reason)),
        message_key(std::move(key)),
        message_params(std::move(params)) {}

  ErrorCode code = ErrorCode::kInternal;
  std::string field;
  std::string reason;  // English, always present
  // When set, the key of the reason's translated text in the knowledge pack (texts: input.*)
  // and its parameters, so that a front end can show the reason in the user's language.
  std::string message_key;
  std::vector<std::pair<std::string, std::string>> message_params;

  // "field: reason" (or just the reason when no field applies).
  std::string ToString() const;
};

}  // namespace oncnav
