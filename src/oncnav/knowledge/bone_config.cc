#include "oncnav/knowledge/bone_config.h"

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

using nlohmann::json;

std::string Str(PackReader& r, const json& o, const std::string& path, const std::string& key,
                bool required = true) {
  return r.String(o, path, key, required).value_or("");
}

double Num(PackReader& r, const json& o, const std::string& path, const std::string& key,
           double fallback) {
  auto v = r.Number(o, path, key);
  if (v && !(*v >= 0)) r.Fail(Cat({path, ".", key}), "must not be negative");
  return v.value_or(fallback);
}

// Calls `f(item, path)` for each element of the array `key` of `o`.
template <typename F>
void Each(PackReader& r, const json& o, const std::string& path, const std::string& key, F f,
          bool required = true) {
  const json* a = r.Member(o, path, key, required);
  if (!a) return;
  if (!a->is_array()) {
    r.Fail(Cat({path, ".", key}), "must be an array");
    return;
  }
  for (size_t i = 0; i < a->size(); ++i) {
    f((*a)[i], Cat({path, ".", key, "[", std::to_string(i), "]"}));
  }
}

RuledText ReadRuledText(PackReader& r, const json& o, const std::string& path) {
  return {Str(r, o, path, "text"), Str(r, o, path, "rule"),
          r.StringList(o, path, "regions", false)};
}

AgentText ReadAgentText(PackReader& r, const json& o, const std::string& path) {
  AgentText t;
  t.text = Str(r, o, path, "text");
  t.rule = Str(r, o, path, "rule");
  t.agents = r.StringList(o, path, "agents");
  t.regions = r.StringList(o, path, "regions", false);
  return t;
}

BoneAgentDef ReadAgent(PackReader& r, const json& o, const std::string& path) {
  BoneAgentDef a;
  a.drug = Str(r, o, path, "drug");
  a.route = Str(r, o, path, "route");
  if (a.route != "iv" && a.route != "sc") r.Fail(path + ".route", "must be iv or sc");
  a.dose_mg = Num(r, o, path, "dose_mg", 0);
  Each(r, o, path, "intervals", [&](const json& i, const std::string& p) {
    BoneAgentDef::Interval iv;
    iv.min_weeks = static_cast<int>(Num(r, i, p, "min_weeks", 0));
    iv.max_weeks = static_cast<int>(Num(r, i, p, "max_weeks", 0));
    if (iv.min_weeks < 1 || iv.max_weeks < iv.min_weeks) {
      r.Fail(p, "needs 1 <= min_weeks <= max_weeks");
    }
    a.intervals.push_back(iv);
  });
  if (const json* v = r.Member(o, path, "renal_dosing"); v && v->is_boolean()) {
    a.renal_dosing = v->get<bool>();
  }
  if (const json* v = r.Member(o, path, "calcium_vitamin_d"); v && v->is_boolean()) {
    a.calcium_vitamin_d = v->get<bool>();
  }
  a.rule = Str(r, o, path, "rule");
  Each(r, o, path, "reasons",
       [&](const json& t, const std::string& p) { a.reasons.push_back(ReadRuledText(r, t, p)); });
  if (const json* ap = r.Member(o, path, "approval"); ap && ap->is_object()) {
    for (const auto& [region, sources] : ap->items()) {
      a.approval[region] = r.StringList(*ap, path + ".approval", region);
    }
  }
  return a;
}

void ReadZaRenal(PackReader& r, const json& o, const std::string& path, ZaRenalConfig& z) {
  Each(r, o, path, "bands", [&](const json& b, const std::string& p) {
    ZaRenalConfig::Band band;
    band.min_crcl = Num(r, b, p, "min_crcl", 0);
    band.dose_mg = Num(r, b, p, "dose_mg", 0);
    if (const json* v = r.Member(b, p, "inclusive"); v && v->is_boolean()) {
      band.inclusive = v->get<bool>();
    }
    if (!z.bands.empty() && band.min_crcl >= z.bands.back().min_crcl) {
      r.Fail(p + ".min_crcl", "bands must be listed from the highest clearance down");
    }
    z.bands.push_back(band);
  });
  z.dose_rule = Str(r, o, path, "dose_rule");
  z.above_60_rule = Str(r, o, path, "above_60_rule");
  z.not_recommended_rule = Str(r, o, path, "not_recommended_rule");
  z.hold_rule = Str(r, o, path, "hold_rule");
  z.resume_rule = Str(r, o, path, "resume_rule");
  z.monitor_rule = Str(r, o, path, "monitor_rule");
  z.normal_baseline_below_mg_dl = Num(r, o, path, "normal_baseline_below_mg_dl", 1.4);
  z.rise_from_normal_mg_dl = Num(r, o, path, "rise_from_normal_mg_dl", 0.5);
  z.rise_from_abnormal_mg_dl = Num(r, o, path, "rise_from_abnormal_mg_dl", 1.0);
  z.resume_within_fraction = Num(r, o, path, "resume_within_fraction", 0.1);
}

}  // namespace

const BoneAgentDef* BoneConfig::Agent(std::string_view drug) const {
  for (const auto& a : agents) {
    if (a.drug == drug) return &a;
  }
  return nullptr;
}

std::vector<std::string> BoneConfig::RuleRefs() const {
  std::vector<std::string> out = {za_renal.dose_rule,
                                  za_renal.above_60_rule,
                                  za_renal.not_recommended_rule,
                                  za_renal.hold_rule,
                                  za_renal.resume_rule,
                                  za_renal.monitor_rule,
                                  dn_renal_rule,
                                  dn_ckd_rule,
                                  checklist_window_rule,
                                  hc_basis_rule,
                                  hc_band_rule,
                                  hc_no_supplements_rule,
                                  calcitonin.rule,
                                  hypocalcemia_rule,
                                  hypocalcemia_correct_first_rule,
                                  toxicity_rule,
                                  after_sre_rule,
                                  stable_rule,
                                  denosumab_cover_rule,
                                  continue_rule,
                                  duplicate_rule,
                                  onj_rule};
  out.insert(out.end(), start_rules.begin(), start_rules.end());
  for (const auto& a : agents) {
    out.push_back(a.rule);
    for (const auto& t : a.reasons) out.push_back(t.rule);
  }
  for (const auto& c : checklist) out.push_back(c.rule);
  for (const auto& t : monitoring) out.push_back(t.rule);
  for (const auto& t : guidance) out.push_back(t.rule);
  for (const auto& b : hc_bands) {
    for (const auto& t : b.actions) out.push_back(t.rule);
  }
  return out;
}

std::vector<std::string> BoneConfig::TextRefs() const {
  std::vector<std::string> out = {calcitonin.text};
  for (const auto& a : agents) {
    for (const auto& t : a.reasons) out.push_back(t.text);
  }
  for (const auto& t : monitoring) out.push_back(t.text);
  for (const auto& t : guidance) out.push_back(t.text);
  for (const auto& b : hc_bands) {
    out.push_back(Cat({"bone.hcm-band.", b.id}));
    for (const auto& t : b.actions) out.push_back(t.text);
  }
  for (const auto& c : checklist) out.push_back(Cat({"bone.check.", c.id}));
  return out;
}

BoneConfig BoneConfig::Load(const json& doc, PackReader& r) {
  BoneConfig c;
  const std::string root = "$";
  c.bone_site = Str(r, doc, root, "bone_site");
  c.confirmations = r.StringList(doc, root, "confirmations");
  c.imaging_organs = r.StringList(doc, root, "imaging_organs");
  Each(r, doc, root, "agents",
       [&](const json& a, const std::string& p) { c.agents.push_back(ReadAgent(r, a, p)); });
  if (const json* z = r.Member(doc, root, "za_renal")) ReadZaRenal(r, *z, "$.za_renal", c.za_renal);
  if (const json* d = r.Member(doc, root, "denosumab_renal")) {
    const std::string p = "$.denosumab_renal";
    c.dn_close_monitoring_below_crcl = Num(r, *d, p, "close_monitoring_below_crcl", 30);
    c.dn_renal_rule = Str(r, *d, p, "rule");
    c.dn_ckd_rule = Str(r, *d, p, "ckd_rule");
  }
  if (const json* k = r.Member(doc, root, "checklist")) {
    const std::string p = "$.checklist";
    c.checklist_window_days = static_cast<int>(Num(r, *k, p, "window_days", 30));
    c.checklist_window_rule = Str(r, *k, p, "window_rule");
    Each(r, *k, p, "items", [&](const json& i, const std::string& ip) {
      ChecklistItemDef item;
      item.id = Str(r, i, ip, "id");
      item.kind = Str(r, i, ip, "kind");
      if (item.kind == "procedure") item.procedure = Str(r, i, ip, "procedure");
      if (item.kind == "lab") item.tests = r.StringList(i, ip, "tests");
      if (item.kind != "procedure" && item.kind != "lab" && item.kind != "confirm" &&
          item.kind != "duplicate") {
        r.Fail(ip + ".kind", "must be procedure, lab, confirm or duplicate");
      }
      item.agents = r.StringList(i, ip, "agents");
      item.rule = Str(r, i, ip, "rule");
      c.checklist.push_back(std::move(item));
    });
  }
  Each(r, doc, root, "monitoring", [&](const json& t, const std::string& p) {
    c.monitoring.push_back(ReadAgentText(r, t, p));
  });
  Each(r, doc, root, "guidance",
       [&](const json& t, const std::string& p) { c.guidance.push_back(ReadAgentText(r, t, p)); });
  if (const json* o = r.Member(doc, root, "onj")) {
    c.onj_terms = r.StringList(*o, "$.onj", "terms");
    c.onj_rule = Str(r, *o, "$.onj", "rule");
  }
  if (const json* h = r.Member(doc, root, "hypercalcemia")) {
    const std::string p = "$.hypercalcemia";
    c.hc_basis_rule = Str(r, *h, p, "basis_rule");
    c.hc_band_rule = Str(r, *h, p, "band_rule");
    c.hc_no_supplements_rule = Str(r, *h, p, "no_supplements_rule");
    Each(r, *h, p, "bands", [&](const json& b, const std::string& bp) {
      HypercalcemiaBand band;
      band.id = Str(r, b, bp, "id");
      band.min_mg_dl = Num(r, b, bp, "min_mg_dl", 0);
      band.severity = Str(r, b, bp, "severity");
      if (band.severity != "warning" && band.severity != "critical") {
        r.Fail(bp + ".severity", "must be warning or critical");
      }
      if (!c.hc_bands.empty() && band.min_mg_dl <= c.hc_bands.back().min_mg_dl) {
        r.Fail(bp + ".min_mg_dl", "bands must be listed from the lowest calcium up");
      }
      Each(r, b, bp, "actions", [&](const json& t, const std::string& tp) {
        band.actions.push_back(ReadRuledText(r, t, tp));
      });
      c.hc_bands.push_back(std::move(band));
    });
    c.calcitonin_above_mg_dl = Num(r, *h, p, "calcitonin_above_mg_dl", 14);
    if (const json* t = r.Member(*h, p, "calcitonin")) {
      c.calcitonin = ReadRuledText(r, *t, p + ".calcitonin");
    }
  }
  if (const json* h = r.Member(doc, root, "hypocalcemia")) {
    const std::string p = "$.hypocalcemia";
    c.hypocalcemia_min_grade = static_cast<int>(Num(r, *h, p, "min_grade", 1));
    c.hypocalcemia_rule = Str(r, *h, p, "rule");
    c.hypocalcemia_correct_first_rule = Str(r, *h, p, "correct_first_rule");
  }
  if (const json* s = r.Member(doc, root, "stop")) {
    const std::string p = "$.stop";
    c.toxicity_rule = Str(r, *s, p, "toxicity_rule");
    c.after_sre_rule = Str(r, *s, p, "after_sre_rule");
    c.stable_rule = Str(r, *s, p, "stable_rule");
    c.denosumab_cover_rule = Str(r, *s, p, "denosumab_cover_rule");
    c.sre_adverse_events = r.StringList(*s, p, "sre_adverse_events");
    c.sre_procedure_kinds = r.StringList(*s, p, "sre_procedure_kinds");
    c.sre_procedure_sites = r.StringList(*s, p, "sre_procedure_sites");
    c.cover_agents = r.StringList(*s, p, "cover_agents");
  }
  c.continue_rule = Str(r, doc, root, "continue_rule");
  c.duplicate_rule = Str(r, doc, root, "duplicate_rule");
  c.start_rules = r.StringList(doc, root, "start_rules");
  return c;
}

}  // namespace oncnav
