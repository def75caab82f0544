#include "oncnav/cdshooks/bone_card.h"

#include "oncnav/cdshooks/card.h"
#include "oncnav/cdshooks/card_detail.h"
#include "oncnav/common/text.h"
#include "oncnav/report/bone_text.h"

namespace oncnav {

std::optional<Json> BonePlanCard(const BonePlan& plan, const KnowledgePack& pack,
                                 std::string_view lang) {
  if (!plan.bone_metastasis && plan.uses.empty()) return std::nullopt;
  auto T = [&](std::string_view key, const Texts::Params& params = {}) {
    return pack.texts.Render(lang, key, params);
  };
  Card card;
  std::string agents;
  for (const auto& o : plan.options) {
    if (o.status != "recommended" && !o.current) continue;
    agents +=
        Cat({agents.empty() ? "" : T("bone.interval.or"), pack.texts.Regimen(lang, o.agent->drug)});
  }
  std::vector<std::string> pending;
  for (const auto& c : plan.checklist) {
    if (c.status != "done") pending.push_back(T(Cat({"bone.check.", c.item->id})));
  }
  card.summary = agents.empty()
                     ? T("cds.bone.summary-none")
                     : T("cds.bone.summary",
                         {{"agents", agents}, {"pending", std::to_string(pending.size())}});

  card.detail = Cat({"### ", T("bone.section"), "\n\n"});
  for (const auto& o : plan.options) {
    card.detail += Cat({"- ", BoneOptionLine(o, pack, lang), "\n"});
    for (const auto& r : o.reasons) card.detail += Cat({"  - ", T(r.code, r.params), "\n"});
    for (const auto& c : o.cautions) card.detail += Cat({"  - ", T(c.code, c.params), "\n"});
    if (card.sources.empty() && !o.agent->rule.empty() && pack.rules.contains(o.agent->rule)) {
      card.sources = pack.rule(o.agent->rule).sources;
    }
  }
  if (plan.options.empty()) {
    card.detail +=
        Cat({T(plan.confirmed ? "bone.text.none-proposed" : "bone.text.unconfirmed"), "\n"});
  }
  for (const auto& e : plan.excluded) {
    card.detail += Cat({"- ", T("bone.label.excluded"), ": ", pack.texts.Regimen(lang, e.drug),
                        " — ", T(e.reason.code, e.reason.params), "\n"});
  }
  if (!pending.empty()) {
    card.detail += Cat({"\n**", T("bone.label.pending"), "**: "});
    for (size_t i = 0; i < pending.size(); ++i) {
      card.detail += Cat({i ? "; " : "", pending[i]});
    }
    card.detail += "\n";
  }
  if (!plan.options.empty() && pack.rules.contains(plan.options.front().agent->rule)) {
    card.detail += RuleFooter(pack.rule(plan.options.front().agent->rule), pack, lang);
  }
  return CardToJson(card, pack);
}

}  // namespace oncnav
