#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "oncnav/knowledge/pack_reader.h"

namespace oncnav {

// The languages every product text exists in. English is the reference.
inline const std::vector<std::string>& Languages() {
  static const std::vector<std::string> langs = {"en", "ja", "zh"};
  return langs;
}

// Translated message templates (texts/<lang>.json). A template names its parameters in braces:
// "HER2 IHC {score} without ISH". Every key must exist in every language with the same
// parameters; the loader checks this so no output is ever half-translated.
class Texts {
 public:
  using Params = std::vector<std::pair<std::string, std::string>>;
  // Renders `key` in `lang`, substituting params. A param value "@other.key" is replaced by
  // that message rendered in the same language with the same params, so the engine can pass
  // value words (and phrases with their own placeholders) untranslated. A missing key is a
  // broken invariant (the pack check guarantees completeness), so it renders as "[key]" rather
  // than crash.
  std::string Render(std::string_view lang, std::string_view key, const Params& params = {}) const;
  bool Has(std::string_view key) const;
  // "a + b" with each drug (lowercase INN) in `lang` where the pack has that name.
  std::string Regimen(std::string_view lang, std::string_view regimen) const;
  // Adds a message generated from other pack data (drug names from drugs.json), so that
  // "@drug.<inn>" and "@drugs:a + b" parameters render in each language.
  void AddMessage(const std::string& lang, const std::string& key, std::string text);
  std::vector<std::string> Keys() const;

  static Texts Load(const std::string& dir, std::vector<Error>& errors);

 private:
  using Messages = std::map<std::string, std::string, std::less<>>;
  std::string Render(std::string_view lang, std::string_view key, const Params& params,
                     int depth) const;
  static std::string RenderDrugs(const Messages& messages, std::string_view regimen);
  std::map<std::string, Messages, std::less<>> by_lang_;
};

// An input error whose reason is the English text of `key` (texts: input.*); the key and params
// travel with it so that the reason can be shown in any language (report/error_output.h).
Error TranslatableError(const Texts& texts, ErrorCode code, std::string field, std::string key,
                        Texts::Params params = {});

}  // namespace oncnav
