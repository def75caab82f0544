#include "oncnav/cdshooks/order_sign.h"

#include "oncnav/cdshooks/card.h"
#include "oncnav/cdshooks/card_detail.h"
#include "oncnav/cdshooks/cds_call.h"
#include "oncnav/cdshooks/order_checks.h"
#include "oncnav/common/text.h"
#include "oncnav/engine/evaluate.h"

namespace oncnav {
namespace {

Json OrderCard(const OrderFinding& f, const KnowledgePack& pack, std::string_view lang) {
  Card card;
  card.summary = pack.texts.Render(lang, f.code, f.params);
  card.detail = pack.texts.Render(lang, Cat({f.code, "-detail"}), f.params);
  card.indicator = f.severity;
  if (f.rule) {
    card.detail += RuleFooter(*f.rule, pack, lang);
    card.sources = f.rule->sources;
  }
  if (f.order.starts_with("MedicationRequest/")) {
    const std::string drug = f.params.front().second;  // "@drug.<inn>" by construction
    card.suggestions.push_back(
        DeleteSuggestion(pack.texts.Render(lang, "cds.suggestion.remove", {{"drug", drug}}),
                         pack.texts.Render(lang, "cds.suggestion.remove-description",
                                           {{"drug", drug}, {"order", f.order}}),
                         f.order));
  }
  return CardToJson(card, pack);
}

CdsResult HandleOrders(const Json& request, std::string_view hook, const KnowledgePack& pack,
                       const CdsKnowledge& cds, const CdsDefaults& defaults) {
  auto prepared = PrepareCall(request, hook, pack, defaults);
  if (auto* answer = std::get_if<CdsResult>(&prepared)) return std::move(*answer);
  auto& call = std::get<PreparedCall>(prepared);
  const Json& ctx = call.request.context;
  const Json* selections = hook == "order-select" ? &ctx["selections"] : nullptr;
  auto drafts = DraftMedications(ctx["draftOrders"], selections, pack);
  Json cards = Json::array();
  if (!drafts.empty()) {
    Evaluation ev = Evaluate(call.record, pack, {defaults.as_of, defaults.region, call.lang, 0});
    for (const auto& f : CheckDraftOrders(drafts, ev, pack, cds)) {
      cards.push_back(OrderCard(f, pack, call.lang));
    }
  }
  return CardsResult(std::move(cards), call.lang);
}

}  // namespace

CdsResult HandleOrderSign(const Json& request, const KnowledgePack& pack, const CdsKnowledge& cds,
                          const CdsDefaults& defaults) {
  return HandleOrders(request, "order-sign", pack, cds, defaults);
}

CdsResult HandleOrderSelect(const Json& request, const KnowledgePack& pack, const CdsKnowledge& cds,
                            const CdsDefaults& defaults) {
  return HandleOrders(request, "order-select", pack, cds, defaults);
}

}  // namespace oncnav
