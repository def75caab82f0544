#include "oncnav/knowledge/texts.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::set<std::string> Placeholders(const std::string& text) {
  std::set<std::string> names;
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    size_t end = text.find('}', pos);
    if (end == std::string::npos) break;
    names.insert(text.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return names;
}

}  // namespace

std::string Texts::Render(std::string_view lang, std::string_view key, const Params& params) const {
  return Render(lang, key, params, 0);
}

std::string Texts::Render(std::string_view lang, std::string_view key, const Params& params,
                          int depth) const {
  auto l = by_lang_.find(lang);
  if (l == by_lang_.end()) l = by_lang_.find(std::string_view("en"));
  if (l == by_lang_.end()) return Cat({"[", key, "]"});
  auto t = l->second.find(key);
  if (t == l->second.end()) return Cat({"[", key, "]"});
  std::string out;
  const std::string& tpl = t->second;
  out.reserve(tpl.size() + 32);
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == '{') {
      size_t end = tpl.find('}', i);
      if (end != std::string::npos) {
        std::string_view name(tpl.data() + i + 1, end - i - 1);
        bool done = false;
        for (const auto& [k, v] : params) {
          if (k == name) {
            // "@key" stands for another message in the same language (a translated value word
            // or phrase), which may use the same params; "@drugs:a + b" for a regimen, each drug
            // in this language's name. The depth bound stops a key that names itself through a
            // param. Data that merely starts with '@' (a name from the input) is printed as is.
            if (v.rfind("@drugs:", 0) == 0) {
              out += RenderDrugs(l->second, std::string_view(v).substr(7));
            } else if (!v.empty() && v[0] == '@' && depth < 4 &&
                       l->second.count(std::string_view(v).substr(1)) > 0) {
              out += Render(lang, std::string_view(v).substr(1), params, depth + 1);
            } else {
              out += v;
            }
            done = true;
            break;
          }
        }
        if (done) {
          i = end;
          continue;
        }
      }
    }
    out += tpl[i];
  }
  return out;
}

std::string Texts::RenderDrugs(const Messages& messages, std::string_view regimen) {
  std::string out;
  while (!regimen.empty()) {
    size_t plus = regimen.find(" + ");
    std::string_view name = regimen.substr(0, plus);
    auto t = messages.find(Cat({"drug.", name}));
    if (!out.empty()) out += " + ";
    out += t == messages.end() ? std::string(name) : t->second;
    if (plus == std::string_view::npos) break;
    regimen.remove_prefix(plus + 3);
  }
  return out;
}

std::string Texts::Regimen(std::string_view lang, std::string_view regimen) const {
  auto l = by_lang_.find(lang);
  if (l == by_lang_.end()) return std::string(regimen);
  return RenderDrugs(l->second, regimen);
}

void Texts::AddMessage(const std::string& lang, const std::string& key, std::string text) {
  by_lang_[lang][key] = std::move(text);
}

bool Texts::Has(std::string_view key) const {
  auto l = by_lang_.find(std::string_view("en"));
  return l != by_lang_.end() && l->second.count(key) > 0;
}

std::vector<std::string> Texts::Keys() const {
  std::vector<std::string> keys;
  auto l = by_lang_.find(std::string_view("en"));
  if (l != by_lang_.end()) {
    for (const auto& [k, v] : l->second) keys.push_back(k);
  }
  return keys;
}

Error TranslatableError(const Texts& texts, ErrorCode code, std::string field, std::string key,
                        Texts::Params params) {
  std::string reason = texts.Render("en", key, params);
  return Error(code, std::move(field), std::move(reason), std::move(key), std::move(params));
}

Texts Texts::Load(const std::string& dir, std::vector<Error>& errors) {
  Texts texts;
  // Each module keeps its messages in texts/<lang>/<module>.json; a key lives in one file.
  for (const auto& lang : Languages()) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/texts/" + lang, ec)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path().filename().string());
    }
    if (ec || files.empty()) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, "texts/" + lang, "has no message files"});
      continue;
    }
    std::sort(files.begin(), files.end());
    for (const auto& name : files) {
      std::string file = "texts/" + lang + "/" + name;
      auto doc = ReadJsonFile(dir, file, errors);
      if (!doc) continue;
      PackReader reader(file, errors);
      const auto* messages = reader.Member(*doc, "$", "messages");
      if (!messages || !messages->is_object()) {
        if (messages) reader.Fail("$.messages", "must be an object of key -> text");
        continue;
      }
      for (const auto& [key, text] : messages->items()) {
        if (!text.is_string()) {
          reader.Fail("$.messages." + key, "must be a string");
          continue;
        }
        if (!texts.by_lang_[lang].emplace(key, text.get<std::string>()).second) {
          reader.Fail("$.messages." + key, "is defined in more than one file");
        }
      }
    }
  }
  // Completeness: every English key in every language, with the same placeholders.
  const auto& en = texts.by_lang_["en"];
  for (const auto& lang : Languages()) {
    if (lang == "en") continue;
    auto& other = texts.by_lang_[lang];
    std::string file = "texts/" + lang;
    for (const auto& [key, text] : en) {
      auto it = other.find(key);
      if (it == other.end()) {
        errors.push_back({ErrorCode::kKnowledgeInvalid, file + ": $.messages." + key,
                          "is missing (present in texts/en)"});
      } else if (Placeholders(it->second) != Placeholders(text)) {
        errors.push_back({ErrorCode::kKnowledgeInvalid, file + ": $.messages." + key,
                          "uses different {placeholders} from texts/en"});
      }
    }
    for (const auto& [key, text] : other) {
      if (!en.count(key)) {
        errors.push_back({ErrorCode::kKnowledgeInvalid, file + ": $.messages." + key,
                          "has no English original in texts/en"});
      }
    }
  }
  return texts;
}

}  // namespace oncnav
