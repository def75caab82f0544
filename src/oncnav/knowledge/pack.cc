#include "oncnav/knowledge/pack.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "oncnav/common/text.h"
#include "oncnav/knowledge/bone_checks.h"
#include "oncnav/knowledge/calculator_checks.h"
#include "oncnav/knowledge/required_rules.h"
#include "oncnav/knowledge/required_texts.h"
#include "oncnav/knowledge/therapy_validation.h"

namespace oncnav {
namespace {

void LoadRules(const nlohmann::json& doc, PackReader& reader, KnowledgePack& pack) {
  const auto* rules = reader.Member(doc, "$", "rules", false);
  if (!rules) return;
  if (!rules->is_array()) {
    reader.Fail("$.rules", "must be an array");
    return;
  }
  for (size_t i = 0; i < rules->size(); ++i) {
    const auto& r = (*rules)[i];
    std::string path = "$.rules[" + std::to_string(i) + "]";
    Rule rule;
    rule.id = reader.String(r, path, "id").value_or("");
    rule.summary = reader.String(r, path, "summary").value_or("");
    rule.sources = reader.StringList(r, path, "sources");
    rule.file = reader.file();
    auto evidence = reader.String(r, path, "evidence").value_or("");
    if (!ParseEvidence(evidence, rule.evidence)) {
      reader.Fail(path + ".evidence",
                  "must be one of verified, seed, derived, partially-verified, design, unverified");
    }
    if (rule.sources.empty()) reader.Fail(path + ".sources", "must name at least one source");
    if (rule.id.empty()) continue;
    if (pack.rules.count(rule.id)) {
      reader.Fail(path + ".id", "'" + rule.id + "' is defined twice");
      continue;
    }
    pack.rules.emplace(rule.id, std::move(rule));
  }
}

template <typename Section>
Section LoadSection(const std::string& dir, const std::string& file, KnowledgePack& pack,
                    std::vector<Error>& errors) {
  auto doc = ReadJsonFile(dir, file, errors);
  if (!doc) return Section{};
  PackReader reader(file, errors);
  LoadRules(*doc, reader, pack);
  return Section::Load(*doc, reader);
}

// options.json, trials.json and safety.json fill one catalogue; their entries are rules too.
void LoadTherapy(const std::string& dir, KnowledgePack& pack, std::vector<Error>& errors) {
  using Loader = void (*)(const nlohmann::json&, PackReader&, TherapyCatalog&);
  const std::pair<const char*, Loader> files[] = {{"options.json", TherapyCatalog::LoadOptions},
                                                  {"trials.json", TherapyCatalog::LoadTrials},
                                                  {"safety.json", TherapyCatalog::LoadSafety}};
  for (const auto& [file, load] : files) {
    auto doc = ReadJsonFile(dir, file, errors);
    if (!doc) continue;
    PackReader reader(file, errors);
    LoadRules(*doc, reader, pack);
    load(*doc, reader, pack.therapy);
  }
  auto add = [&](const Rule& rule) {
    if (rule.id.empty()) return;
    if (!pack.rules.emplace(rule.id, rule).second) {
      errors.push_back(
          {ErrorCode::kKnowledgeInvalid, Cat({rule.file, ": rule ", rule.id}), "is defined twice"});
    }
  };
  for (const auto& o : pack.therapy.options) add(o.rule);
  for (const auto& s : pack.therapy.hard_stops) add(s.rule);
  for (const auto& c : pack.therapy.checks) add(c.rule);
  for (const auto& m : pack.therapy.monitoring) add(m.rule);
}

void LoadManifest(const std::string& dir, KnowledgePack& pack, std::vector<Error>& errors) {
  auto doc = ReadJsonFile(dir, "manifest.json", errors);
  if (!doc) return;
  PackReader reader("manifest.json", errors);
  pack.manifest.pack = reader.String(*doc, "$", "pack").value_or("");
  pack.manifest.revision = reader.String(*doc, "$", "revision").value_or("");
  auto version = reader.Number(*doc, "$", "format_version");
  if (version) {
    pack.manifest.format_version = static_cast<int>(*version);
    if (pack.manifest.format_version != kKnowledgeFormatVersion) {
      reader.Fail("$.format_version", "is " + std::to_string(pack.manifest.format_version) +
                                          "; this build reads format " +
                                          std::to_string(kKnowledgeFormatVersion));
    }
  }
  const auto* sources = reader.Member(*doc, "$", "sources");
  if (!sources || !sources->is_array()) {
    if (sources) reader.Fail("$.sources", "must be an array");
    return;
  }
  for (size_t i = 0; i < sources->size(); ++i) {
    const auto& s = (*sources)[i];
    std::string path = "$.sources[" + std::to_string(i) + "]";
    Source source;
    source.id = reader.String(s, path, "id").value_or("");
    source.citation = reader.String(s, path, "citation").value_or("");
    source.url = reader.String(s, path, "url", false).value_or("");
    if (pack.sources.count(source.id))
      reader.Fail(path + ".id", "'" + source.id + "' is listed twice");
    pack.sources.emplace(source.id, std::move(source));
  }
}

void CheckSourceRefs(const std::string& file, const std::string& path,
                     const std::vector<std::string>& refs, const KnowledgePack& pack,
                     std::vector<Error>& errors) {
  for (const auto& id : refs) {
    if (!pack.sources.count(id)) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, file + ": " + path,
                        "cites source '" + id + "', which manifest.json does not list"});
    }
  }
}

void CheckCrossReferences(const KnowledgePack& pack, std::vector<Error>& errors) {
  for (const auto& [id, rule] : pack.rules) {
    CheckSourceRefs(rule.file, "rule " + id, rule.sources, pack, errors);
  }
  for (const auto& drug : pack.drugs.drugs()) {
    CheckSourceRefs("drugs.json", "drug " + drug.inn, drug.sources, pack, errors);
  }
  for (const auto& test : pack.labs.tests()) {
    CheckSourceRefs("labs.json", "test " + test.id, test.sources, pack, errors);
  }
  for (const auto& group : pack.classification.dual_probe_groups) {
    if (!pack.rules.count(group.rule)) {
      errors.push_back({ErrorCode::kKnowledgeInvalid,
                        "classification.json: ISH group " + std::to_string(group.group),
                        "names rule '" + group.rule + "', which no file defines"});
    }
  }
  for (const auto& [cls, months] : pack.course.early_relapse_months) {
    const auto& classes = pack.drugs.classes();
    if (std::find(classes.begin(), classes.end(), cls) == classes.end()) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, "course.json: $.early_relapse_months." + cls,
                        "is not a drug class declared in drugs.json"});
    }
  }
  for (const auto& cls : pack.course.non_line_classes) {
    const auto& classes = pack.drugs.classes();
    if (std::find(classes.begin(), classes.end(), cls) == classes.end()) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, "course.json: $.non_line_classes",
                        "'" + cls + "' is not a drug class declared in drugs.json"});
    }
  }
  CheckSyntheticReferences(pack.synthetic, pack.sources, pack.drugs, errors);
  for (auto id : RequiredRuleIds()) {
    if (!pack.rules.count(id)) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, "(pack)",
                        "rule '" + std::string(id) + "' is used by the engine but not defined"});
    }
  }
  for (auto key : RequiredTextKeys()) {
    if (!pack.texts.Has(key)) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, "texts/en",
                        "text '" + std::string(key) + "' is used by the library but not defined"});
    }
  }
}

}  // namespace

const Rule& KnowledgePack::rule(std::string_view id) const {
  auto it = rules.find(id);
  if (it == rules.end()) std::abort();  // RequiredRuleIds() is checked at load
  return it->second;
}

std::string DefaultKnowledgeDir() {
  if (const char* env = std::getenv("ONCNAV_KNOWLEDGE"); env && *env) return env;
  return ONCNAV_DEFAULT_KNOWLEDGE_DIR;
}

Result<KnowledgePack> LoadKnowledgePack(const std::string& dir) {
  std::vector<Error> errors;
  KnowledgePack pack;
  LoadManifest(dir, pack, errors);
  pack.classification = LoadSection<ClassificationConfig>(dir, "classification.json", pack, errors);
  pack.course = LoadSection<CourseConfig>(dir, "course.json", pack, errors);
  pack.recist = LoadSection<RecistConfig>(dir, "recist.json", pack, errors);
  pack.labs = LoadSection<LabCatalog>(dir, "labs.json", pack, errors);
  pack.drugs = LoadSection<DrugCatalog>(dir, "drugs.json", pack, errors);
  pack.codes = LoadSection<CodeMap>(dir, "codes.json", pack, errors);
  LoadTherapy(dir, pack, errors);
  pack.calculators = LoadSection<CalculatorConfig>(dir, "calculators.json", pack, errors);
  pack.bone = LoadSection<BoneConfig>(dir, "bone.json", pack, errors);
  pack.local_therapy = LoadSection<LocalTherapyConfig>(dir, "local_therapy.json", pack, errors);
  pack.texts = Texts::Load(dir, errors);
  for (const auto& drug : pack.drugs.drugs()) {
    for (const auto& lang : Languages()) {
      auto name = drug.names.find(lang);
      pack.texts.AddMessage(lang, Cat({"drug.", drug.inn}),
                            name == drug.names.end() ? drug.inn : name->second);
    }
  }
  pack.synthetic = LoadSection<SyntheticConfig>(dir, "synthetic.json", pack, errors);
  CheckCrossReferences(pack, errors);
  CheckTherapy(pack, errors);
  CheckCalculatorReferences(pack, errors);
  CheckBoneReferences(pack, errors);
  CheckLocalTherapyReferences(pack, errors);
  if (!errors.empty()) return errors;
  return pack;
}

}  // namespace oncnav
