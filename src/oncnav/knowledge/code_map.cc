#include "oncnav/knowledge/code_map.h"

namespace oncnav {

CodeMap CodeMap::Load(const nlohmann::json&, PackReader&) { return {}; }

}  // namespace oncnav
