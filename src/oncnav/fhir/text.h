#pragma once

#include <string>
#include <string_view>

#include "oncnav/common/text.h"
#include "oncnav/knowledge/texts.h"
#include "oncnav/model/patient.h"

// Message building for the FHIR import. Messages are only built for warnings and errors, never
// on the path of a value that is used.
namespace oncnav::fhir {

// A warning with the text `key` (texts: fhir.*) and its params: the English message is
// rendered from the pack (it is the fallback every output can show) and the key and params are
// kept so that the output renders the message in the requested language.
inline ImportWarning MakeWarning(const Texts& texts, std::string resource, std::string element,
                                 std::string_view key, Texts::Params params = {}) {
  std::string message = texts.Render("en", key, params);
  return ImportWarning(std::move(resource), std::move(element), std::move(message),
                       std::string(key), std::move(params));
}

}  // namespace oncnav::fhir
