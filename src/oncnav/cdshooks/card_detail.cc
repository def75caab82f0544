#include "oncnav/cdshooks/card_detail.h"

#include "oncnav/common/text.h"

namespace oncnav {

std::string RuleFooter(const Rule& rule, const KnowledgePack& pack, std::string_view lang) {
  std::string sources;
  for (const auto& id : rule.sources) {
    auto it = pack.sources.find(id);
    if (it == pack.sources.end()) continue;
    std::string cite = it->second.url.starts_with("http")
                           ? Cat({"[", id, "](", it->second.url, ") ", it->second.citation})
                           : Cat({id, " ", it->second.citation});
    sources += Cat({sources.empty() ? "" : "; ", cite});
  }
  std::string out =
      Cat({"\n\n", pack.texts.Render(lang, "cds.detail.rule",
                                     {{"rule", rule.id},
                                      {"evidence", std::string(EvidenceName(rule.evidence))},
                                      {"sources", sources}})});
  if (!DrivesDefault(rule.evidence)) {
    out += Cat({"\n\n", pack.texts.Render(lang, "cds.detail.caveat")});
  }
  return out;
}

}  // namespace oncnav
