#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/knowledge/pack.h"

namespace oncnav {

// The closing Markdown line of a card: the rule that decided it, its evidence grade, and its
// sources with their citations, in `lang`. Rules whose evidence may not drive a default
// recommendation (design, unverified, partially verified) get the caveat line that says so.
std::string RuleFooter(const Rule& rule, const KnowledgePack& pack, std::string_view lang);

}  // namespace oncnav
