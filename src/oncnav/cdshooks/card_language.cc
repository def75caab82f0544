#include "oncnav/cdshooks/card_language.h"

#include <optional>

#include "oncnav/knowledge/texts.h"

namespace oncnav {
namespace {

std::optional<std::string> Supported(const Json& code) {
  if (!code.is_string()) return std::nullopt;
  std::string tag = code.get<std::string>();
  std::string lang = tag.substr(0, tag.find_first_of("-_"));
  for (auto& ch : lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const auto& known : Languages()) {
    if (lang == known) return lang;
  }
  return std::nullopt;
}

std::optional<std::string> FromConcept(const Json& cc) {
  if (!cc.is_object() || !cc.contains("coding") || !cc["coding"].is_array()) return std::nullopt;
  for (const auto& coding : cc["coding"]) {
    if (!coding.is_object() || !coding.contains("code")) continue;
    if (auto lang = Supported(coding["code"])) return lang;
  }
  return std::nullopt;
}

// Patient.communication[] holds {language, preferred}; Practitioner.communication[] holds the
// CodeableConcept itself (FHIR R4).
std::optional<std::string> FromResource(const Json& prefetch, std::string_view key,
                                        std::string_view type) {
  auto it = prefetch.find(key);
  if (it == prefetch.end() || !it->is_object() || it->value("resourceType", "") != type) {
    return std::nullopt;
  }
  auto comm = it->find("communication");
  if (comm == it->end() || !comm->is_array()) return std::nullopt;
  std::optional<std::string> first;
  for (const auto& c : *comm) {
    if (!c.is_object()) continue;
    const Json& cc = type == "Patient" ? c.value("language", Json()) : c;
    auto lang = FromConcept(cc);
    if (!lang) continue;
    if (c.value("preferred", false)) return lang;
    if (!first) first = lang;
  }
  return first;
}

}  // namespace

std::string CardLanguage(const Json& prefetch, std::string_view fallback) {
  if (auto lang = FromResource(prefetch, "practitioner", "Practitioner")) return *lang;
  if (auto lang = FromResource(prefetch, "patient", "Patient")) return *lang;
  return std::string(fallback);
}

}  // namespace oncnav
