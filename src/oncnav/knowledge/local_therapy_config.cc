#include "oncnav/knowledge/local_therapy_config.h"

#include "oncnav/common/text.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

using nlohmann::json;

std::string Str(PackReader& r, const json& o, const std::string& path, const std::string& key) {
  return r.String(o, path, key).value_or("");
}

template <typename F>
void Each(PackReader& r, const json& o, const std::string& path, const std::string& key, F f) {
  const json* a = r.Member(o, path, key);
  if (!a) return;
  if (!a->is_array()) return r.Fail(Cat({path, ".", key}), "must be an array");
  for (size_t i = 0; i < a->size(); ++i) {
    f((*a)[i], Cat({path, ".", key, "[", std::to_string(i), "]"}));
  }
}

const json& Obj(PackReader& r, const json& o, const std::string& path, const std::string& key) {
  static const json empty = json::object();
  const json* m = r.Member(o, path, key);
  if (m && m->is_object()) return *m;
  if (m) r.Fail(Cat({path, ".", key}), "must be an object");
  return empty;
}

PromptDef ReadPrompt(PackReader& r, const json& o, const std::string& path) {
  PromptDef p{Str(r, o, path, "text"), Str(r, o, path, "severity"), Str(r, o, path, "rule")};
  if (p.severity != "info" && p.severity != "warning" && p.severity != "critical") {
    r.Fail(path + ".severity", "must be info, warning or critical");
  }
  return p;
}

PromptDef Prompt(PackReader& r, const json& o, const std::string& path, const std::string& key) {
  return ReadPrompt(r, Obj(r, o, path, key), Cat({path, ".", key}));
}

std::vector<PromptDef> Prompts(PackReader& r, const json& o, const std::string& path,
                               const std::string& key) {
  std::vector<PromptDef> out;
  Each(r, o, path, key,
       [&](const json& p, const std::string& at) { out.push_back(ReadPrompt(r, p, at)); });
  return out;
}

int Int(PackReader& r, const json& o, const std::string& path, const std::string& key) {
  auto v = r.Number(o, path, key);
  if (v && !(*v >= 0)) r.Fail(Cat({path, ".", key}), "must not be negative");
  return static_cast<int>(v.value_or(0));
}

}  // namespace

const SymptomDef* LocalTherapyConfig::FindSymptom(std::string_view code) const {
  for (const auto& s : symptoms) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

const SreDefinitionDef* LocalTherapyConfig::Definition(std::string_view id) const {
  for (const auto& d : sre_definitions) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

LocalTherapyConfig LocalTherapyConfig::Load(const json& doc, PackReader& r) {
  LocalTherapyConfig c;
  const json& sre = Obj(r, doc, "$", "sre");
  c.sre_default = Str(r, sre, "$.sre", "default_definition");
  c.sre_default_rule = Str(r, sre, "$.sre", "default_rule");
  c.sre_types = r.StringList(sre, "$.sre", "types");
  Each(r, sre, "$.sre", "definitions", [&](const json& d, const std::string& p) {
    c.sre_definitions.push_back(
        {Str(r, d, p, "id"), Str(r, d, p, "rule"), r.StringList(d, p, "counts")});
  });
  if (!c.Definition(c.sre_default)) r.Fail("$.sre.default_definition", "is not a definition");
  Each(r, doc, "$", "score_triggers", [&](const json& t, const std::string& p) {
    c.score_triggers.push_back({Str(r, t, p, "score"), Str(r, t, p, "band"), ReadPrompt(r, t, p)});
  });
  c.deficit = Prompts(r, doc, "$", "deficit");
  const json& rt = Obj(r, doc, "$", "radiotherapy");
  Each(r, rt, "$.radiotherapy", "schedules", [&](const json& s, const std::string& p) {
    auto dose = r.Number(s, p, "dose_gy");
    c.rt_schedules.push_back({dose.value_or(0), Int(r, s, p, "fractions"), Str(r, s, p, "rule")});
  });
  c.rt_first = Prompts(r, rt, "$.radiotherapy", "first");
  c.reirradiation_after_months = Int(r, rt, "$.radiotherapy", "reirradiation_after_months");
  c.rt_reirradiation = Prompts(r, rt, "$.radiotherapy", "reirradiation");
  c.rt_too_early = Prompt(r, rt, "$.radiotherapy", "too_early");
  c.rt_after_surgery = Prompt(r, rt, "$.radiotherapy", "after_surgery");
  c.fracture_surgery = Prompt(r, doc, "$", "fracture_surgery");
  c.fracture_surgery_sites =
      r.StringList(Obj(r, doc, "$", "fracture_surgery"), "$.fracture_surgery", "sites");
  c.rehabilitation = Prompt(r, doc, "$", "rehabilitation");
  const json& brain = Obj(r, doc, "$", "brain");
  c.brain_site = Str(r, brain, "$.brain", "site");
  c.brain_mri = Prompt(r, brain, "$.brain", "mri");
  c.brain_options = Prompt(r, brain, "$.brain", "options");
  c.brain_symptomatic = Prompt(r, brain, "$.brain", "symptomatic");
  c.brain_asymptomatic = Prompt(r, brain, "$.brain", "asymptomatic");
  Each(r, doc, "$", "symptom_sites", [&](const json& s, const std::string& p) {
    c.symptom_sites.push_back({Str(r, s, p, "site"), Str(r, s, p, "rule"), Str(r, s, p, "prompt")});
  });
  Each(r, doc, "$", "symptoms", [&](const json& s, const std::string& p) {
    SymptomDef d{Str(r, s, p, "code"), r.StringList(s, p, "sites"), false};
    if (const json* pain = r.Member(s, p, "pain", false); pain && pain->is_boolean())
      d.pain = pain->get<bool>();
    c.symptoms.push_back(std::move(d));
  });
  const json& markers = Obj(r, doc, "$", "markers");
  c.tumour_markers = r.StringList(markers, "$.markers", "tumour");
  c.bone_markers = r.StringList(markers, "$.markers", "bone_turnover");
  c.tumour_marker_rules = r.StringList(markers, "$.markers", "tumour_rules");
  c.bone_marker_rule = Str(r, markers, "$.markers", "bone_turnover_rule");
  c.marker_rise_rule = Str(r, markers, "$.markers", "rise_rule");
  c.marker_early_rule = Str(r, markers, "$.markers", "early_rule");
  c.marker_early_weeks = Int(r, markers, "$.markers", "early_weeks");
  const json& ladder = Obj(r, doc, "$", "analgesia");
  c.ladder_rule = Str(r, ladder, "$.analgesia", "rule");
  Each(r, ladder, "$.analgesia", "steps", [&](const json& s, const std::string& p) {
    c.ladder.push_back({Int(r, s, p, "step"), r.StringList(s, p, "levels"), Str(r, s, p, "text")});
  });
  return c;
}

void CheckLocalTherapyReferences(const KnowledgePack& pack, std::vector<Error>& errors) {
  const LocalTherapyConfig& c = pack.local_therapy;
  auto rule = [&](const std::string& id) {
    if (!pack.rules.count(id)) {
      errors.push_back(
          {ErrorCode::kKnowledgeInvalid, Cat({"local_therapy.json: rule ", id}), "is not defined"});
    }
  };
  auto text = [&](const std::string& key) {
    if (!pack.texts.Has(key)) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, Cat({"local_therapy.json: text ", key}),
                        "is not in texts"});
    }
  };
  auto prompt = [&](const PromptDef& p) {
    rule(p.rule);
    text(p.text);
  };
  rule(c.sre_default_rule);
  for (const auto& d : c.sre_definitions) rule(d.rule);
  for (const auto& t : c.sre_types) text(Cat({"lt.event.", t}));
  for (const auto& t : c.score_triggers) prompt(t.prompt);
  for (const auto& p : c.deficit) prompt(p);
  for (const auto& s : c.rt_schedules) rule(s.rule);
  for (const auto& p : c.rt_first) prompt(p);
  for (const auto& p : c.rt_reirradiation) prompt(p);
  for (const auto* p :
       {&c.rt_too_early, &c.rt_after_surgery, &c.fracture_surgery, &c.rehabilitation, &c.brain_mri,
        &c.brain_options, &c.brain_symptomatic, &c.brain_asymptomatic}) {
    prompt(*p);
  }
  for (const auto& s : c.symptom_sites) {
    rule(s.rule);
    text(s.prompt);
  }
  for (const auto& s : c.symptoms) text(Cat({"sym.code.", s.code}));
  for (const auto& r : c.tumour_marker_rules) rule(r);
  for (const auto* r :
       {&c.bone_marker_rule, &c.marker_rise_rule, &c.marker_early_rule, &c.ladder_rule}) {
    rule(*r);
  }
  for (const auto& s : c.ladder) text(s.text);
}

}  // namespace oncnav
