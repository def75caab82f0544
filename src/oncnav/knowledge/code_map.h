#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// The tables of codes.json. A code is looked up within one table, so the same code may mean
// different things in different places (80248007 is both a breast body site and "left").
enum class CodeTable : uint8_t {
  kObservation,
  kComponent,
  kAnswer,
  kPrimaryCancer,
  kBodySite,
  kLaterality,
  kMetastaticSite,
  kStopReason,
  kIntent,
  kProcedure,
  kConfirmation,
  kImagingMethod,
};

// A unit-bearing quantity the FHIR import converts (weight, height, tumour length, ...).
struct QuantitySpec {
  std::string id;  // "weight", "height", "length", "percent", ...
  std::string canonical;
  std::vector<std::pair<std::string, double>> units;  // unit -> factor to canonical
  double min = 0;
  double max = 0;
};

// FHIR code mappings from codes.json (interop.md B.1/B.2). Lookups return the concept name
// from the file ("er_presence", "bone", "progression", ...), or an empty view when the code is
// not listed. The concept names each table accepts are checked at load, so the importer can
// compare against a fixed vocabulary. Exact codes are held in one hash map built at load time
// and looked up without allocating.
class CodeMap {
 public:
  // Exact code, then code prefix (ICD-10-CM families such as C50, C79).
  std::string_view Lookup(CodeTable table, std::string_view system, std::string_view code) const;
  // The first listed phrase found in `text` (case-insensitive). Phrases marked exact must
  // equal the whole text once lowercased, trimmed and stripped of a trailing "(...)".
  std::string_view MatchText(CodeTable table, std::string_view text) const;

  const QuantitySpec* Quantity(std::string_view id) const;
  // The value in the quantity's canonical unit, or nullopt for a unit it does not accept.
  static std::optional<double> ToCanonical(const QuantitySpec& spec, double value,
                                           std::string_view unit);

  bool IsAdministrative(std::string_view resource_type) const;
  bool IsSupporting(std::string_view resource_type) const;

  static CodeMap Load(const nlohmann::json& doc, PackReader& reader);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Prefix {
    CodeTable table;
    std::string system;
    std::string prefix;
    std::string concept_name;
  };
  struct Phrase {
    CodeTable table;
    std::string phrase;
    std::string concept_name;
    bool exact = false;
  };

  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> exact_;
  std::vector<Prefix> prefixes_;
  std::vector<Phrase> phrases_;
  std::vector<QuantitySpec> quantities_;
  std::vector<std::string> administrative_;
  std::vector<std::string> supporting_;
};

}  // namespace oncnav
