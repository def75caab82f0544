#include "oncnav/knowledge/therapy_catalog.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/knowledge/drug_catalog.h"

namespace oncnav {
namespace {

std::string At(const std::string& path, size_t i) {
  return Cat({path, "[", std::to_string(i), "]"});
}

const nlohmann::json* Array(const nlohmann::json& obj, const std::string& path,
                            const std::string& key, PackReader& reader, bool required = true) {
  const auto* v = reader.Member(obj, path, key, required);
  if (v && !v->is_array()) {
    reader.Fail(Cat({path, ".", key}), "must be an array");
    return nullptr;
  }
  return v;
}

std::optional<int> Int(const nlohmann::json& obj, const std::string& path, const std::string& key,
                       PackReader& reader) {
  auto n = reader.Number(obj, path, key, false);
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

bool Boolean(const nlohmann::json& obj, const std::string& key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() && it->get<bool>();
}

std::optional<Condition> ReadCondition(const nlohmann::json& c, const std::string& path,
                                       PackReader& reader) {
  if (!c.is_object() || c.size() != 1) {
    reader.Fail(path, "must be an object with exactly one condition kind");
    return std::nullopt;
  }
  const std::string kind = c.begin().key();
  const nlohmann::json& body = c.begin().value();
  std::string at = Cat({path, ".", kind});
  if (kind == "prior") {
    PriorCondition p;
    p.cls = reader.String(body, at, "class", false).value_or("");
    p.drug = reader.String(body, at, "drug", false).value_or("");
    p.scope = reader.String(body, at, "scope").value_or("advanced");
    p.progressed = Boolean(body, "progressed");
    p.min = Int(body, at, "min", reader);
    p.max = Int(body, at, "max", reader);
    if (p.cls.empty() == p.drug.empty()) reader.Fail(at, "needs exactly one of class or drug");
    if (p.scope != "metastatic" && p.scope != "advanced" && p.scope != "any")
      reader.Fail(at + ".scope", "must be metastatic, advanced or any");
    if (!p.min && !p.max) reader.Fail(at, "needs min or max");
    return p;
  }
  if (kind == "not_progressed_on") {
    NotProgressedOnCondition n;
    n.classes = reader.StringList(body, at, "classes", false);
    n.drugs = reader.StringList(body, at, "drugs", false);
    return n;
  }
  if (kind == "biomarker") {
    BiomarkerCondition b;
    b.genes = reader.StringList(body, at, "genes");
    b.cdx = reader.StringList(body, at, "cdx", false);
    b.test = reader.String(body, at, "test").value_or("");
    b.plasma_negative_needs_tissue = Boolean(body, "plasma_negative_needs_tissue");
    b.retest_after_progression = Boolean(body, "retest_after_progression");
    return b;
  }
  if (kind == "germline") {
    GermlineCondition g;
    g.genes = reader.StringList(body, at, "genes");
    g.test = reader.String(body, at, "test").value_or("");
    return g;
  }
  if (kind == "pdl1") {
    PdL1Condition p;
    p.assay = reader.String(body, at, "assay").value_or("");
    p.score_type = reader.String(body, at, "score_type").value_or("");
    p.min = reader.Number(body, at, "min", false);
    p.below = reader.Number(body, at, "below", false);
    p.test = reader.String(body, at, "test").value_or("");
    if (p.min.has_value() == p.below.has_value())
      reader.Fail(at, "needs exactly one of min or below");
    return p;
  }
  if (kind == "menopause") {
    MenopauseCondition m;
    if (!body.is_object()) {
      reader.Fail(at, "must be an object");
      return m;
    }
    for (const auto& [status, action] : body.items()) {
      static const std::vector<std::string> statuses = {"premenopausal", "perimenopausal",
                                                        "postmenopausal", "male"};
      static const std::vector<std::string> actions = {"eligible", "ovarian_suppression",
                                                       "not_eligible"};
      if (std::find(statuses.begin(), statuses.end(), status) == statuses.end())
        reader.Fail(Cat({at, ".", status}), "is not a menopausal status");
      if (!action.is_string() ||
          std::find(actions.begin(), actions.end(), action.get<std::string>()) == actions.end()) {
        reader.Fail(Cat({at, ".", status}),
                    "must be eligible, ovarian_suppression or not_eligible");
        continue;
      }
      m.by_status[status] = action.get<std::string>();
    }
    return m;
  }
  if (kind == "endocrine_resistance") {
    EndocrineResistanceCondition e;
    e.in = reader.StringList(body, at, "in");
    e.basis = reader.String(body, at, "basis", false).value_or("");
    return e;
  }
  if (kind == "interval_after_curative_chemo") {
    IntervalCondition i;
    i.min_months = Int(body, at, "min_months", reader).value_or(0);
    return i;
  }
  reader.Fail(at, "is not a known condition kind");
  return std::nullopt;
}

std::vector<Condition> ReadConditions(const nlohmann::json& obj, const std::string& path,
                                      PackReader& reader) {
  std::vector<Condition> out;
  const auto* list = Array(obj, path, "conditions", reader, false);
  if (!list) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    if (auto c = ReadCondition((*list)[i], At(path + ".conditions", i), reader)) out.push_back(*c);
  }
  return out;
}

Approval ReadApproval(const nlohmann::json& a, const std::string& path, PackReader& reader) {
  static const std::vector<std::string> statuses = {"approved", "restricted", "filed",
                                                    "not-approved", "unknown"};
  Approval out;
  out.status = reader.String(a, path, "status").value_or("");
  if (std::find(statuses.begin(), statuses.end(), out.status) == statuses.end())
    reader.Fail(path + ".status", "must be approved, restricted, filed, not-approved or unknown");
  out.date = reader.String(a, path, "date", false).value_or("");
  out.reimbursed = reader.String(a, path, "reimbursed", false).value_or("");
  out.withdrawn = reader.String(a, path, "withdrawn", false).value_or("");
  out.label = reader.String(a, path, "label", false).value_or("");
  out.sources = reader.StringList(a, path, "sources");
  if (out.sources.empty()) reader.Fail(path + ".sources", "must name at least one source");
  out.conditions = ReadConditions(a, path, reader);
  return out;
}

TherapyOption ReadOption(const nlohmann::json& o, const std::string& path, PackReader& reader) {
  TherapyOption opt;
  opt.rule = ReadInlineRule(o, path, reader);
  opt.subtypes = reader.StringList(o, path, "subtypes");
  opt.her2 = reader.StringList(o, path, "her2", false);
  if (const auto* regimen = reader.Member(o, path, "regimen")) {
    std::string at = path + ".regimen";
    opt.drugs = reader.StringList(*regimen, at, "drugs");
    opt.label = reader.String(*regimen, at, "label", false).value_or("");
    if (const auto* alts = Array(*regimen, at, "alternatives", reader, false)) {
      for (size_t i = 0; i < alts->size(); ++i) {
        std::string ap = At(at + ".alternatives", i);
        Alternative alt;
        alt.instead_of = reader.String((*alts)[i], ap, "instead_of").value_or("");
        alt.use = reader.StringList((*alts)[i], ap, "use");
        opt.alternatives.push_back(std::move(alt));
      }
    }
  }
  if (const auto* tier = reader.Member(o, path, "tier")) {
    if (tier->is_number_integer()) {
      opt.tier = tier->get<int>();
    } else if (tier->is_object()) {
      for (const auto& [subtype, t] : tier->items()) {
        if (t.is_number_integer())
          opt.tier_by_subtype[subtype] = t.get<int>();
        else
          reader.Fail(Cat({path, ".tier.", subtype}), "must be an integer");
      }
    } else {
      reader.Fail(path + ".tier", "must be an integer or an object of integers by subtype");
    }
  }
  if (const auto* overrides = Array(o, path, "tier_if", reader, false)) {
    for (size_t i = 0; i < overrides->size(); ++i) {
      std::string at = At(path + ".tier_if", i);
      TierOverride t;
      t.when = reader.String((*overrides)[i], at, "when").value_or("");
      t.tier = Int((*overrides)[i], at, "tier", reader).value_or(0);
      if (t.when != "brain_metastases" && t.when != "visceral_crisis")
        reader.Fail(at + ".when", "must be brain_metastases or visceral_crisis");
      opt.tier_if.push_back(t);
    }
  }
  opt.conditions = ReadConditions(o, path, reader);
  opt.trials = reader.StringList(o, path, "trials");
  if (const auto* approval = reader.Member(o, path, "approval")) {
    for (const auto& region : Regions()) {
      auto it = approval->find(region);
      if (it == approval->end()) {
        reader.Fail(Cat({path, ".approval.", region}), "is required (every region is stated)");
        continue;
      }
      opt.approval[region] = ReadApproval(*it, Cat({path, ".approval.", region}), reader);
    }
  }
  return opt;
}

template <typename Item>
void ReadTargets(const nlohmann::json& obj, const std::string& path, PackReader& reader,
                 Item& item) {
  item.drugs = reader.StringList(obj, path, "drugs", false);
  item.classes = reader.StringList(obj, path, "classes", false);
  if (item.drugs.empty() && item.classes.empty()) reader.Fail(path, "needs drugs or classes");
}

}  // namespace

int TherapyOption::TierFor(std::string_view subtype) const {
  auto it = tier_by_subtype.find(subtype);
  return it == tier_by_subtype.end() ? tier : it->second;
}

Rule ReadInlineRule(const nlohmann::json& obj, const std::string& path, PackReader& reader) {
  Rule rule;
  rule.id = reader.String(obj, path, "id").value_or("");
  rule.summary = reader.String(obj, path, "summary").value_or("");
  rule.sources = reader.StringList(obj, path, "sources");
  rule.file = reader.file();
  if (rule.sources.empty()) reader.Fail(path + ".sources", "must name at least one source");
  if (!ParseEvidence(reader.String(obj, path, "evidence").value_or(""), rule.evidence)) {
    reader.Fail(path + ".evidence",
                "must be one of verified, seed, derived, partially-verified, design, unverified");
  }
  return rule;
}

std::string TherapyCatalog::EventTerm(std::string_view recorded) const {
  std::string key = ToLower(recorded);
  auto it = event_terms.find(key);
  if (it != event_terms.end()) return it->second;
  for (char& c : key) {
    if (c == ' ' || c == '-') c = '_';
  }
  return key;
}

void TherapyCatalog::LoadOptions(const nlohmann::json& doc, PackReader& reader,
                                 TherapyCatalog& catalog) {
  const auto* options = Array(doc, "$", "options", reader);
  if (!options) return;
  for (size_t i = 0; i < options->size(); ++i) {
    catalog.options.push_back(ReadOption((*options)[i], At("$.options", i), reader));
  }
}

void TherapyCatalog::LoadTrials(const nlohmann::json& doc, PackReader& reader,
                                TherapyCatalog& catalog) {
  const auto* trials = Array(doc, "$", "trials", reader);
  if (!trials) return;
  for (size_t i = 0; i < trials->size(); ++i) {
    const auto& t = (*trials)[i];
    std::string path = At("$.trials", i);
    Trial trial;
    trial.id = reader.String(t, path, "id").value_or("");
    trial.population = reader.String(t, path, "population").value_or("");
    trial.arms = reader.String(t, path, "arms").value_or("");
    trial.pfs_months = reader.String(t, path, "pfs_months").value_or("");
    trial.os_months = reader.String(t, path, "os_months").value_or("");
    trial.notes = reader.String(t, path, "notes", false).value_or("");
    trial.sources = reader.StringList(t, path, "sources");
    if (!ParseEvidence(reader.String(t, path, "evidence").value_or(""), trial.evidence))
      reader.Fail(path + ".evidence", "is not a known evidence grade");
    if (catalog.trials.count(trial.id)) reader.Fail(path + ".id", "is listed twice");
    catalog.trials.emplace(trial.id, std::move(trial));
  }
}

void TherapyCatalog::LoadSafety(const nlohmann::json& doc, PackReader& reader,
                                TherapyCatalog& catalog) {
  catalog.exclusive_classes = reader.StringList(doc, "$", "exclusive_classes");
  if (const auto* terms = reader.Member(doc, "$", "event_terms")) {
    for (const auto& [term, synonyms] : terms->items()) {
      catalog.event_terms[term] = term;
      if (!synonyms.is_array()) {
        reader.Fail("$.event_terms." + term, "must be an array of synonyms");
        continue;
      }
      for (const auto& s : synonyms) {
        if (s.is_string()) catalog.event_terms[ToLower(s.get<std::string>())] = term;
      }
    }
  }
  if (const auto* stops = Array(doc, "$", "hard_stops", reader)) {
    for (size_t i = 0; i < stops->size(); ++i) {
      const auto& s = (*stops)[i];
      std::string path = At("$.hard_stops", i);
      SafetyRule rule;
      rule.rule = ReadInlineRule(s, path, reader);
      rule.action = reader.String(s, path, "action").value_or("");
      if (rule.action != "hard_stop" && rule.action != "review")
        reader.Fail(path + ".action", "must be hard_stop or review");
      ReadTargets(s, path, reader, rule);
      rule.events = reader.StringList(s, path, "events");
      rule.event_on = reader.StringList(s, path, "event_on", false);
      rule.min_grade = Int(s, path, "min_grade", reader).value_or(1);
      rule.recurrent_grade = Int(s, path, "recurrent_grade", reader).value_or(0);
      for (const auto& e : rule.events) {
        if (!catalog.event_terms.count(e))
          reader.Fail(path + ".events", "'" + e + "' is not declared in $.event_terms");
      }
      catalog.hard_stops.push_back(std::move(rule));
    }
  }
  if (const auto* checks = Array(doc, "$", "checks", reader)) {
    for (size_t i = 0; i < checks->size(); ++i) {
      const auto& c = (*checks)[i];
      std::string path = At("$.checks", i);
      PreStartCheck check;
      check.rule = ReadInlineRule(c, path, reader);
      check.text = reader.String(c, path, "text").value_or("");
      ReadTargets(c, path, reader, check);
      check.labs = reader.StringList(c, path, "labs", false);
      check.max_age_days = Int(c, path, "max_age_days", reader).value_or(0);
      if (!check.labs.empty() && check.max_age_days <= 0)
        reader.Fail(path + ".max_age_days", "must be positive when labs are named");
      catalog.checks.push_back(std::move(check));
    }
  }
  if (const auto* items = Array(doc, "$", "monitoring", reader)) {
    for (size_t i = 0; i < items->size(); ++i) {
      const auto& m = (*items)[i];
      std::string path = At("$.monitoring", i);
      MonitoringItem item;
      item.rule = ReadInlineRule(m, path, reader);
      item.text = reader.String(m, path, "text").value_or("");
      ReadTargets(m, path, reader, item);
      catalog.monitoring.push_back(std::move(item));
    }
  }
}

}  // namespace oncnav
