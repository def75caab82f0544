#include "oncnav/knowledge/drug_catalog.h"

#include <algorithm>

namespace oncnav {

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool Drug::HasClass(std::string_view cls) const {
  return std::find(classes.begin(), classes.end(), cls) != classes.end();
}

const Drug* DrugCatalog::FindByName(std::string_view name) const {
  std::string key = ToLower(name);
  for (const auto& d : drugs_) {
    if (d.inn == key) return &d;
    for (const auto& s : d.synonyms) {
      if (s == key) return &d;
    }
  }
  return nullptr;
}


const Drug* DrugCatalog::FindByRxNorm(std::string_view code) const {
  for (const auto& d : drugs_) {
    for (const auto& c : d.rxnorm) {
      if (c == code) return &d;
    }
  }
  return nullptr;
}

DrugCatalog DrugCatalog::Load(const nlohmann::json& doc, PackReader& reader) {
  DrugCatalog catalog;
  catalog.classes_ = reader.StringList(doc, "$", "classes");
  const auto* drugs = reader.Member(doc, "$", "drugs");
  if (!drugs || !drugs->is_array()) {
    if (drugs) reader.Fail("$.drugs", "must be an array");
    return catalog;
  }
  for (size_t i = 0; i < drugs->size(); ++i) {
    const auto& d = (*drugs)[i];
    std::string path = "$.drugs[" + std::to_string(i) + "]";
    Drug drug;
    drug.inn = reader.String(d, path, "inn").value_or("");
    if (drug.inn != ToLower(drug.inn)) reader.Fail(path + ".inn", "must be lowercase");
    drug.classes = reader.StringList(d, path, "classes");
    for (const auto& c : drug.classes) {
      if (std::find(catalog.classes_.begin(), catalog.classes_.end(), c) == catalog.classes_.end()) {
        reader.Fail(path + ".classes", "'" + c + "' is not declared in $.classes");
      }
    }
    drug.synonyms = reader.StringList(d, path, "synonyms", false);
    for (auto& s : drug.synonyms) s = ToLower(s);
    drug.rxnorm = reader.StringList(d, path, "rxnorm", false);
    drug.sources = reader.StringList(d, path, "sources");
    if (const auto* names = reader.Member(d, path, "names", false)) {
      for (const auto& [lang, name] : names->items()) {
        if (name.is_string()) drug.names[lang] = name.get<std::string>();
        else reader.Fail(path + ".names." + lang, "must be a string");
      }
    }
    catalog.drugs_.push_back(std::move(drug));
  }
  return catalog;
}

}  // namespace oncnav
