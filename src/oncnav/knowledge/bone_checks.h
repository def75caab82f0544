#pragma once

#include <vector>

#include "oncnav/common/error.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// Checks what bone.json names against the rest of the pack: every rule id is defined, every
// text key exists, every agent is a bone-modifying agent of drugs.json, every approval source
// is listed in the manifest, and every laboratory test is in labs.json.
void CheckBoneReferences(const KnowledgePack& pack, std::vector<Error>& errors);

}  // namespace oncnav
