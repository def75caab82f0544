#include "oncnav/knowledge/source_usage.h"

#include "oncnav/common/text.h"

namespace oncnav {

std::map<std::string, std::vector<std::string>> SourceUsage(const KnowledgePack& pack) {
  std::map<std::string, std::vector<std::string>> usage;
  for (const auto& [id, source] : pack.sources) usage[id];
  auto cite = [&](const std::vector<std::string>& ids, const std::string& what) {
    for (const auto& id : ids) {
      auto& list = usage[id];
      if (list.empty() || list.back() != what) list.push_back(what);
    }
  };
  for (const auto& [id, rule] : pack.rules) cite(rule.sources, Cat({"rule ", id}));
  for (const auto& [id, trial] : pack.therapy.trials) cite(trial.sources, Cat({"trial ", id}));
  for (const auto& o : pack.therapy.options) {
    for (const auto& [region, a] : o.approval)
      cite(a.sources, Cat({"approval ", o.rule.id, " ", region}));
  }
  for (const auto& d : pack.drugs.drugs()) cite(d.sources, Cat({"drug ", d.inn}));
  for (const auto& t : pack.labs.tests()) cite(t.sources, Cat({"lab ", t.id}));
  return usage;
}

}  // namespace oncnav
