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
  // Lowercased on the stack: names are looked up for every run of words of a medication text.
  char buf[64];
  std::string heap;
  std::string_view key;
  if (name.size() <= sizeof buf) {
    for (size_t i = 0; i < name.size(); ++i) {
      char c = name[i];
      buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    key = std::string_view(buf, name.size());
  } else {
    heap = ToLower(name);
    key = heap;
  }
  auto it = by_name_.find(key);
  return it == by_name_.end() ? nullptr : &drugs_[it->second];
}

const Drug* DrugCatalog::FindByRxNorm(std::string_view code) const {
  auto it = by_rxnorm_.find(code);
  return it == by_rxnorm_.end() ? nullptr : &drugs_[it->second];
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
      if (std::find(catalog.classes_.begin(), catalog.classes_.end(), c) ==
          catalog.classes_.end()) {
        reader.Fail(path + ".classes", "'" + c + "' is not declared in $.classes");
      }
    }
    drug.synonyms = reader.StringList(d, path, "synonyms", false);
    for (auto& s : drug.synonyms) s = ToLower(s);
    drug.rxnorm = reader.StringList(d, path, "rxnorm", false);
    drug.sources = reader.StringList(d, path, "sources");
    if (const auto* names = reader.Member(d, path, "names", false)) {
      for (const auto& [lang, name] : names->items()) {
        if (name.is_string())
          drug.names[lang] = name.get<std::string>();
        else
          reader.Fail(path + ".names." + lang, "must be a string");
      }
    }
    catalog.drugs_.push_back(std::move(drug));
  }
  // Inserted in file order (INN, then synonyms) so that, as in a linear scan, the first drug
  // listing a name or code wins.
  for (size_t i = 0; i < catalog.drugs_.size(); ++i) {
    const auto& d = catalog.drugs_[i];
    catalog.by_name_.emplace(d.inn, i);
    for (const auto& s : d.synonyms) catalog.by_name_.emplace(s, i);
    for (const auto& code : d.rxnorm) catalog.by_rxnorm_.emplace(code, i);
  }
  return catalog;
}

}  // namespace oncnav
