#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// A drug the pack knows (drugs.json). Classes drive exposure and line logic, e.g.
// "endocrine", "aromatase_inhibitor", "cdk46_inhibitor", "anti_her2", "chemotherapy".
struct Drug {
  std::string inn;  // lowercase English INN, the key used everywhere in oncnav
  std::vector<std::string> classes;
  std::map<std::string, std::string> names;  // "ja" / "zh" names where a source gives them
  std::vector<std::string> synonyms;         // lowercase brand names and abbreviations
  std::vector<std::string> rxnorm;           // RxNorm codes (ingredient or product)
  std::vector<std::string> sources;

  bool HasClass(std::string_view cls) const;
};

class DrugCatalog {
 public:
  // Case-insensitive match on INN or synonym; nullptr when unknown.
  const Drug* FindByName(std::string_view name) const;
  const Drug* FindByRxNorm(std::string_view code) const;
  const std::vector<Drug>& drugs() const { return drugs_; }
  // The known class names (for validating references from other files).
  const std::vector<std::string>& classes() const { return classes_; }

  static DrugCatalog Load(const nlohmann::json& doc, PackReader& reader);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Index = std::unordered_map<std::string, size_t, Hash, std::equal_to<>>;
  // Lowercase INN/synonym and RxNorm code -> index into drugs_ (the first drug listing it),
  // built at load: the FHIR import looks up every medication coding and many runs of words.
  // Indices rather than pointers keep copies of the catalogue valid.
  Index by_name_;
  Index by_rxnorm_;
  std::vector<Drug> drugs_;
  std::vector<std::string> classes_;
};

std::string ToLower(std::string_view text);

}  // namespace oncnav
