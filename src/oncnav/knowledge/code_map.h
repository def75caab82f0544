#pragma once

#include <nlohmann/json.hpp>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// FHIR code mappings from codes.json (interop.md B.1/B.2).
struct CodeMap {
  static CodeMap Load(const nlohmann::json& doc, PackReader& reader);
};

}  // namespace oncnav
