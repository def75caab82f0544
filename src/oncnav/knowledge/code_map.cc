#include "oncnav/knowledge/code_map.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "oncnav/knowledge/drug_catalog.h"

namespace oncnav {
namespace {

struct TableInfo {
  CodeTable table;
  std::string_view name;
  std::vector<std::string_view> concepts;  // the vocabulary the importer understands
};

const std::vector<TableInfo>& Tables() {
  static const std::vector<TableInfo> tables = {
      {CodeTable::kObservation,
       "observation",
       {"er_presence",
        "er_percent",
        "pgr_presence",
        "pgr_percent",
        "hormone_receptor_combined",
        "her2_status",
        "her2_ihc",
        "her2_ish",
        "her2_ish_ratio",
        "her2_ish_copies",
        "ki67",
        "pdl1_22c3",
        "pdl1_sp142",
        "ca15_3",
        "ca27_29",
        "cea",
        "genomic_variant",
        "disease_status",
        "tumor_size",
        "body_weight",
        "body_height",
        "ecog",
        "karnofsky",
        "stage_group"}},
      {CodeTable::kComponent,
       "component",
       {"longest_dimension", "gene_studied", "hgvs_protein", "hgvs_dna", "hgvs_genomic",
        "genomic_source", "clinical_significance"}},
      {CodeTable::kAnswer,
       "answer",
       {"positive", "negative", "equivocal", "ihc_0", "ihc_1", "ihc_2", "ihc_3", "present",
        "absent", "germline", "somatic", "pathogenic", "likely_pathogenic",
        "uncertain_significance", "benign"}},
      {CodeTable::kPrimaryCancer, "primary_cancer", {"breast"}},
      {CodeTable::kBodySite, "body_site", {"breast"}},
      {CodeTable::kLaterality, "laterality", {"left", "right", "bilateral"}},
      {CodeTable::kMetastaticSite,
       "metastatic_site",
       {"bone", "lung", "liver", "brain", "pleura", "distant_lymph_node", "skin", "peritoneum",
        "bone_marrow", "other", "ambiguous_lymph_node"}},
      {CodeTable::kStopReason,
       "stop_reason",
       {"progression", "toxicity", "patient_choice", "completed", "other"}},
      {CodeTable::kIntent, "intent", {"curative", "palliative", "supportive"}},
      {CodeTable::kProcedure,
       "procedure",
       {"surgery", "biopsy", "radiotherapy", "dental_examination"}},
      {CodeTable::kConfirmation, "confirmation", {"biopsy", "imaging", "clinical"}},
      {CodeTable::kImagingMethod, "imaging_method", {"CT", "MRI", "PET"}},
  };
  return tables;
}

const TableInfo* FindTable(std::string_view name) {
  for (const auto& t : Tables()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

// Builds "<table>\x1f<system>|<code>" in `buf`; returns an empty view when it does not fit
// (no real code is that long, so such a code is simply not found).
std::string_view MakeKey(std::array<char, 256>& buf, CodeTable table, std::string_view system,
                         std::string_view code) {
  size_t len = 2 + system.size() + 1 + code.size();
  if (len > buf.size()) return {};
  buf[0] = static_cast<char>('A' + static_cast<int>(table));
  buf[1] = '\x1f';
  std::memcpy(buf.data() + 2, system.data(), system.size());
  buf[2 + system.size()] = '|';
  std::memcpy(buf.data() + 3 + system.size(), code.data(), code.size());
  return {buf.data(), len};
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Lowercases into `buf`; trims spaces and, for exact matching, a trailing "(...)" such as
// SNOMED's "(qualifier value)".
std::string_view Normalize(std::array<char, 256>& buf, std::string_view text, bool strip_tag) {
  size_t n = std::min(text.size(), buf.size());
  for (size_t i = 0; i < n; ++i) buf[i] = LowerAscii(text[i]);
  std::string_view out(buf.data(), n);
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.'))
      s.remove_suffix(1);
    return s;
  };
  out = trim(out);
  if (strip_tag && !out.empty() && out.back() == ')') {
    auto open = out.rfind('(');
    if (open != std::string_view::npos && open > 0) out = trim(out.substr(0, open));
  }
  return out;
}

bool CheckConcept(const TableInfo& table, const std::string& concept_name, PackReader& reader,
                  const std::string& path) {
  if (std::find(table.concepts.begin(), table.concepts.end(), concept_name) !=
      table.concepts.end()) {
    return true;
  }
  reader.Fail(path + ".concept",
              "'" + concept_name + "' is not a concept of table '" + std::string(table.name) + "'");
  return false;
}

const TableInfo* ReadTable(const nlohmann::json& entry, const std::string& path,
                           PackReader& reader) {
  auto name = reader.String(entry, path, "table");
  if (!name) return nullptr;
  const TableInfo* table = FindTable(*name);
  if (!table) reader.Fail(path + ".table", "'" + *name + "' is not a known table");
  return table;
}

bool RequireSources(const nlohmann::json& entry, const std::string& path, PackReader& reader) {
  if (reader.StringList(entry, path, "sources").empty()) {
    reader.Fail(path + ".sources", "must name at least one source");
    return false;
  }
  return true;
}

}  // namespace

std::string_view CodeMap::Lookup(CodeTable table, std::string_view system,
                                 std::string_view code) const {
  if (code.empty()) return {};
  std::array<char, 256> buf;
  auto key = MakeKey(buf, table, system, code);
  if (!key.empty()) {
    auto it = exact_.find(key);
    if (it != exact_.end()) return it->second;
  }
  for (const auto& p : prefixes_) {
    if (p.table == table && p.system == system && code.substr(0, p.prefix.size()) == p.prefix) {
      return p.concept_name;
    }
  }
  return {};
}

std::string_view CodeMap::MatchText(CodeTable table, std::string_view text) const {
  if (text.empty()) return {};
  std::array<char, 256> loose_buf;
  std::array<char, 256> exact_buf;
  auto loose = Normalize(loose_buf, text, false);
  auto exact = Normalize(exact_buf, text, true);
  for (const auto& p : phrases_) {
    if (p.table != table) continue;
    if (p.exact ? exact == p.phrase : loose.find(p.phrase) != std::string_view::npos) {
      return p.concept_name;
    }
  }
  return {};
}

const QuantitySpec* CodeMap::Quantity(std::string_view id) const {
  for (const auto& q : quantities_) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

std::optional<double> CodeMap::ToCanonical(const QuantitySpec& spec, double value,
                                           std::string_view unit) {
  for (const auto& [u, factor] : spec.units) {
    if (u == unit) return value * factor;
  }
  return std::nullopt;
}

bool CodeMap::IsAdministrative(std::string_view resource_type) const {
  return std::find(administrative_.begin(), administrative_.end(), resource_type) !=
         administrative_.end();
}

bool CodeMap::IsSupporting(std::string_view resource_type) const {
  return std::find(supporting_.begin(), supporting_.end(), resource_type) != supporting_.end();
}

CodeMap CodeMap::Load(const nlohmann::json& doc, PackReader& reader) {
  CodeMap map;
  if (const auto* mappings = reader.Member(doc, "$", "mappings")) {
    for (size_t i = 0; mappings->is_array() && i < mappings->size(); ++i) {
      const auto& m = (*mappings)[i];
      std::string path = "$.mappings[" + std::to_string(i) + "]";
      const TableInfo* table = ReadTable(m, path, reader);
      auto concept_name = reader.String(m, path, "concept").value_or("");
      auto system = reader.String(m, path, "system").value_or("");
      auto codes = reader.StringList(m, path, "codes");
      RequireSources(m, path, reader);
      if (!table || !CheckConcept(*table, concept_name, reader, path)) continue;
      for (const auto& code : codes) {
        std::array<char, 256> buf;
        auto key = MakeKey(buf, table->table, system, code);
        if (key.empty()) {
          reader.Fail(path + ".codes", "code '" + code + "' is too long");
          continue;
        }
        auto [it, inserted] = map.exact_.emplace(std::string(key), concept_name);
        if (!inserted && it->second != concept_name) {
          reader.Fail(path + ".codes", "code '" + code + "' is mapped to both '" + it->second +
                                           "' and '" + concept_name + "'");
        }
      }
    }
  }
  if (const auto* prefixes = reader.Member(doc, "$", "prefixes", false)) {
    for (size_t i = 0; prefixes->is_array() && i < prefixes->size(); ++i) {
      const auto& p = (*prefixes)[i];
      std::string path = "$.prefixes[" + std::to_string(i) + "]";
      const TableInfo* table = ReadTable(p, path, reader);
      auto concept_name = reader.String(p, path, "concept").value_or("");
      auto system = reader.String(p, path, "system").value_or("");
      auto list = reader.StringList(p, path, "prefixes");
      RequireSources(p, path, reader);
      if (!table || !CheckConcept(*table, concept_name, reader, path)) continue;
      for (auto& prefix : list)
        map.prefixes_.push_back({table->table, system, prefix, concept_name});
    }
  }
  if (const auto* phrases = reader.Member(doc, "$", "phrases", false)) {
    for (size_t i = 0; phrases->is_array() && i < phrases->size(); ++i) {
      const auto& p = (*phrases)[i];
      std::string path = "$.phrases[" + std::to_string(i) + "]";
      const TableInfo* table = ReadTable(p, path, reader);
      auto concept_name = reader.String(p, path, "concept").value_or("");
      auto list = reader.StringList(p, path, "phrases");
      bool exact = p.contains("exact") && p["exact"].is_boolean() && p["exact"].get<bool>();
      RequireSources(p, path, reader);
      if (!table || !CheckConcept(*table, concept_name, reader, path)) continue;
      for (auto& phrase : list) {
        if (phrase != ToLower(phrase)) reader.Fail(path + ".phrases", "must be lowercase");
        map.phrases_.push_back({table->table, phrase, concept_name, exact});
      }
    }
  }
  if (const auto* units = reader.Member(doc, "$", "units")) {
    for (size_t i = 0; units->is_array() && i < units->size(); ++i) {
      const auto& u = (*units)[i];
      std::string path = "$.units[" + std::to_string(i) + "]";
      QuantitySpec spec;
      spec.id = reader.String(u, path, "quantity").value_or("");
      spec.canonical = reader.String(u, path, "canonical").value_or("");
      spec.min = reader.Number(u, path, "min").value_or(0);
      spec.max = reader.Number(u, path, "max").value_or(0);
      RequireSources(u, path, reader);
      if (spec.max <= spec.min) reader.Fail(path, "max must be greater than min");
      if (const auto* factors = reader.Member(u, path, "units")) {
        for (const auto& [unit, factor] : factors->items()) {
          if (!factor.is_number() || factor.get<double>() <= 0) {
            reader.Fail(path + ".units." + unit, "factor must be a positive number");
            continue;
          }
          spec.units.emplace_back(unit, factor.get<double>());
        }
      }
      map.quantities_.push_back(std::move(spec));
    }
  }
  map.administrative_ = reader.StringList(doc, "$", "administrative_types");
  map.supporting_ = reader.StringList(doc, "$", "supporting_types", false);
  return map;
}

}  // namespace oncnav
