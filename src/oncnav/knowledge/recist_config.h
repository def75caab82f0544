#pragma once

#include <nlohmann/json.hpp>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// RECIST 1.1 thresholds from recist.json (supportive-care.md §1.2).
struct RecistConfig {
  static RecistConfig Load(const nlohmann::json& doc, PackReader& reader);
};

}  // namespace oncnav
