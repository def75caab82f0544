#include "oncnav/knowledge/recist_config.h"

namespace oncnav {

RecistConfig RecistConfig::Load(const nlohmann::json&, PackReader&) { return {}; }

}  // namespace oncnav
