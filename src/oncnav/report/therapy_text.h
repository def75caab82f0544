#pragma once

#include <string>

#include "oncnav/engine/therapy/therapy_options.h"

namespace oncnav {

// The options and exclusions as a tumour board reads them, in `lang`: each option with its
// approval in the region, why, the trials, what is still missing, monitoring and sources.
std::string TherapyToText(const TherapyOptions& t, const KnowledgePack& pack,
                          std::string_view lang);

}  // namespace oncnav
