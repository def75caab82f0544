#include "oncnav/knowledge/bone_checks.h"

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

// The text keys the bone engine and its reports name in code (the rest come from bone.json).
const std::vector<std::string_view>& BoneTextKeys() {
  static const std::vector<std::string_view> keys = {
      "alert.bone-continue-after-sre",
      "alert.bone-denosumab-cover",
      "alert.bone-hypercalcemia",
      "alert.bone-hypocalcemia",
      "alert.bone-onj",
      "alert.bone-stopped-after-sre",
      "alert.bone-stopped-for-toxicity",
      "alert.bone-stopped-not-for-ae",
      "alert.bone-stopped-stable",
      "alert.bone-two-agents",
      "alert.bone-za-crcl-below-30",
      "alert.bone-za-resume",
      "alert.bone-za-withhold",
      "bone.caution.correct-calcium-first",
      "bone.caution.dn-ckd",
      "bone.caution.dn-low-crcl",
      "bone.caution.no-supplements-hypercalcemia",
      "bone.interval.one",
      "bone.interval.or",
      "bone.interval.range",
      "bone.label.calcium",
      "bone.label.checklist",
      "bone.label.excluded",
      "bone.label.guidance",
      "bone.label.monitoring",
      "bone.label.options",
      "bone.label.pending",
      "bone.label.renal",
      "bone.reason.continue",
      "bone.reason.za-dose",
      "bone.reason.za-dose-unknown",
      "bone.reason.za-no-change",
      "bone.section",
      "bone.status.current",
      "bone.status.recommended",
      "bone.status.pending",
      "bone.status.withhold",
      "bone.check-status.done",
      "bone.check-status.pending",
      "bone.check-status.to_confirm",
      "bone.check-status.problem",
      "bone.route.iv",
      "bone.route.sc",
      "bone.crcl-basis.latest",
      "bone.crcl-basis.baseline",
      "bone.stop-reason.progression",
      "bone.stop-reason.toxicity",
      "bone.stop-reason.completed",
      "bone.stop-reason.patient_choice",
      "bone.stop-reason.other",
      "bone.stop-reason.none",
      "bone.text.calcium",
      "bone.text.hypocalcemia",
      "bone.text.indicated",
      "bone.text.no-bone",
      "bone.text.none-proposed",
      "bone.text.option",
      "bone.text.renal",
      "bone.text.unconfirmed",
      "excluded.bone-stopped-for-toxicity",
      "excluded.bone-za-crcl-below-30",
      "test.bone-confirm-imaging",
      "test.bone-crcl",
      "test.bone-za-baseline-creatinine",
  };
  return keys;
}

}  // namespace

void CheckBoneReferences(const KnowledgePack& pack, std::vector<Error>& errors) {
  const BoneConfig& bone = pack.bone;
  auto fail = [&](const std::string& what, const std::string& reason) {
    errors.push_back({ErrorCode::kKnowledgeInvalid, Cat({"bone.json: ", what}), reason});
  };
  for (const auto& id : bone.RuleRefs()) {
    if (!id.empty() && !pack.rules.count(id)) fail(Cat({"rule ", id}), "is not defined");
  }
  for (auto key : BoneTextKeys()) {
    if (!pack.texts.Has(key))
      fail(Cat({"text ", std::string(key)}), "is used by the engine but not in texts");
  }
  for (const auto& key : bone.TextRefs()) {
    if (!key.empty() && !pack.texts.Has(key)) fail(Cat({"text ", key}), "is not in texts");
  }
  for (const auto& a : bone.agents) {
    const Drug* d = pack.drugs.FindByName(a.drug);
    if (!d || d->inn != a.drug || !d->HasClass("bone_modifying_agent")) {
      fail(Cat({"agent ", a.drug}), "is not a bone_modifying_agent INN of drugs.json");
    }
    for (const auto& [region, sources] : a.approval) {
      for (const auto& s : sources) {
        if (!pack.sources.count(s)) fail(Cat({"agent ", a.drug, " approval ", region}), s);
      }
    }
  }
  auto check_agents = [&](const std::string& what, const std::vector<std::string>& agents) {
    for (const auto& a : agents) {
      if (!bone.Agent(a)) fail(what, Cat({"names agent '", a, "', which bone.json does not list"}));
    }
  };
  for (const auto& c : bone.checklist) {
    check_agents(Cat({"checklist ", c.id}), c.agents);
    for (const auto& t : c.tests) {
      if (!pack.labs.Find(t))
        fail(Cat({"checklist ", c.id}), Cat({"test '", t, "' is not in labs.json"}));
    }
  }
  for (const auto& t : bone.monitoring) check_agents(Cat({"monitoring ", t.text}), t.agents);
  for (const auto& t : bone.guidance) check_agents(Cat({"guidance ", t.text}), t.agents);
}

}  // namespace oncnav
