#include "oncnav/cdshooks/patient_view.h"

#include <algorithm>

#include "oncnav/cdshooks/bone_card.h"
#include "oncnav/cdshooks/card.h"
#include "oncnav/cdshooks/card_detail.h"
#include "oncnav/cdshooks/cds_call.h"
#include "oncnav/common/text.h"
#include "oncnav/report/therapy_json.h"

namespace oncnav {
namespace {

constexpr size_t kOptionsShown = 3;

std::string OptionMarkdown(const ProposedOption& p, const KnowledgePack& pack,
                           std::string_view lang) {
  auto T = [&](std::string_view key, const Texts::Params& params = {}) {
    return pack.texts.Render(lang, key, params);
  };
  std::string out =
      Cat({std::to_string(p.rank), ". **", OptionLabel(p, pack, lang), "** — ",
           T(Cat({"value.option-status.", p.status})), "; ", T(Cat({"region.", p.approval.region})),
           ": ", T(Cat({"value.approval.", p.approval.status})), "\n   ",
           OptionRationale(p, pack, lang), "\n"});
  for (const auto& r : p.requirements) {
    out += Cat({"   - ", T("label.requires"), ": ", T(r.code, r.params), "\n"});
  }
  for (const auto& c : p.cautions) {
    out += Cat({"   - ", T("label.caution"), ": ", T(c.code, c.params), "\n"});
  }
  const Rule& rule = p.option ? p.option->rule : pack.rule("RA-01");
  out += Cat({"   - ", T("label.sources"), ": ", rule.id, " (", EvidenceName(rule.evidence), ";"});
  for (const auto& id : rule.sources) out += Cat({" ", id});
  out += ")\n";
  return out;
}

Json OptionsCard(const TherapyOptions& t, const KnowledgePack& pack, std::string_view lang) {
  const auto& first = t.options.front();
  Card card;
  card.summary = pack.texts.Render(
      lang, t.decision == "continue" ? "cds.options.summary-continue" : "cds.options.summary",
      {{"line", std::to_string(t.line)},
       {"count", std::to_string(t.options.size())},
       {"first", OptionLabel(first, pack, lang)}});
  card.detail = Cat(
      {"### ", pack.texts.Render(lang, "cds.options.heading", {{"line", std::to_string(t.line)}}),
       "\n\n"});
  for (size_t i = 0; i < t.options.size() && i < kOptionsShown; ++i) {
    card.detail += OptionMarkdown(t.options[i], pack, lang);
  }
  if (t.options.size() > kOptionsShown) {
    card.detail += Cat(
        {"\n", pack.texts.Render(lang, "cds.options.more",
                                 {{"count", std::to_string(t.options.size() - kOptionsShown)}})});
  }
  const Rule& rule = first.option ? first.option->rule : pack.rule("RA-01");
  card.sources = rule.sources;
  return CardToJson(card, pack);
}

Json AlertCard(const Finding& f, const KnowledgePack& pack, std::string_view lang) {
  Card card;
  const std::string message = pack.texts.Render(lang, f.code, f.params);
  card.summary = message;
  card.indicator = f.severity;
  card.detail = message;
  if (!f.rule.empty() && pack.rules.contains(f.rule)) {
    const Rule& rule = pack.rule(f.rule);
    card.detail += RuleFooter(rule, pack, lang);
    card.sources = rule.sources;
  }
  return CardToJson(card, pack);
}

Json TestsCard(const std::vector<Finding>& tests, const KnowledgePack& pack,
               std::string_view lang) {
  Card card;
  card.summary =
      pack.texts.Render(lang, "cds.tests.summary", {{"count", std::to_string(tests.size())}});
  card.indicator = Severity::kInfo;
  for (const auto& f : tests) {
    card.indicator = std::max(card.indicator, f.severity);
    card.detail += Cat({"- ", pack.texts.Render(lang, f.code, f.params)});
    if (!f.rule.empty()) card.detail += Cat({" (", f.rule, ")"});
    card.detail += "\n";
    if (card.sources.empty() && !f.rule.empty() && pack.rules.contains(f.rule)) {
      card.sources = pack.rule(f.rule).sources;
    }
  }
  return CardToJson(card, pack);
}

}  // namespace

Json PatientViewCards(const Evaluation& ev, const KnowledgePack& pack, std::string_view lang) {
  Json cards = Json::array();
  if (!ev.therapy.options.empty()) cards.push_back(OptionsCard(ev.therapy, pack, lang));
  if (auto bone = BonePlanCard(ev.bone, pack, lang)) cards.push_back(std::move(*bone));
  for (const auto& f : ev.alerts) cards.push_back(AlertCard(f, pack, lang));
  if (!ev.tests_needed.empty()) cards.push_back(TestsCard(ev.tests_needed, pack, lang));
  return cards;
}

CdsResult HandlePatientView(const Json& request, const KnowledgePack& pack,
                            const CdsDefaults& defaults) {
  auto prepared = PrepareCall(request, "patient-view", pack, defaults);
  if (auto* answer = std::get_if<CdsResult>(&prepared)) return std::move(*answer);
  auto& call = std::get<PreparedCall>(prepared);
  Evaluation ev = Evaluate(call.record, pack, {defaults.as_of, defaults.region, call.lang, 0});
  return CardsResult(PatientViewCards(ev, pack, call.lang), call.lang);
}

}  // namespace oncnav
