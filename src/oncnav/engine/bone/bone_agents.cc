#include "oncnav/engine/bone/bone_agents.h"

#include <algorithm>

namespace oncnav {

std::vector<BoneAgentUse> FindBoneAgentUses(const PatientRecord& record, const KnowledgePack& pack,
                                            const Date& as_of) {
  std::vector<BoneAgentUse> out;
  for (const auto& reg : record.regimens) {
    if (!reg.start || *reg.start > as_of) continue;
    for (const auto& drug : reg.drugs) {
      const Drug* d = pack.drugs.FindByName(drug);
      if (!d || !d->HasClass("bone_modifying_agent")) continue;
      bool ongoing = !reg.stop || *reg.stop > as_of;
      out.push_back({d->inn, &reg, ongoing});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const BoneAgentUse& a, const BoneAgentUse& b) {
    return *a.regimen->start < *b.regimen->start;
  });
  return out;
}

std::vector<std::string> CurrentBoneAgents(const std::vector<BoneAgentUse>& uses) {
  std::vector<std::string> out;
  for (const auto& u : uses) {
    if (u.ongoing && std::find(out.begin(), out.end(), u.drug) == out.end()) out.push_back(u.drug);
  }
  return out;
}

}  // namespace oncnav
