#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "oncnav/model/patient.h"

// Message building for the FHIR import. Messages are only built for warnings and errors, never
// on the path of a value that is used.
namespace oncnav::fhir {

// Joins `parts` with one allocation. The import builds messages with this instead of
// `"literal" + std::string(x)`: GCC 12 at -O3 reports that operator+(const char*, string&&)
// pattern as an overlapping memcpy (-Werror=restrict, GCC bug 105651), and this is also cheaper.
inline std::string Cat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (auto part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (auto part : parts) out.append(part.data(), part.size());
  return out;
}

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
