#pragma once

#include <string>
#include <string_view>

#include "oncnav/common/text.h"
#include "oncnav/model/patient.h"

// Message building for the FHIR import. Messages are only built for warnings and errors, never
// on the path of a value that is used.
namespace oncnav::fhir {

// An ImportWarning from its three text fields. Built by assignment rather than by aggregate
// initialisation so that the import does not depend on the struct's other (optional) members.
inline ImportWarning MakeWarning(std::string resource, std::string element, std::string message) {
  ImportWarning warning;
  warning.resource = std::move(resource);
  warning.element = std::move(element);
  warning.message = std::move(message);
  return warning;
}

}  // namespace oncnav::fhir
