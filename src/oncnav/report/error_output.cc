#include "oncnav/report/error_output.h"

#include "oncnav/common/text.h"

namespace oncnav {

std::string ErrorMessage(const Error& e, const KnowledgePack* pack, std::string_view lang) {
  if (!pack || e.message_key.empty() || !pack->texts.Has(e.message_key)) return e.reason;
  return pack->texts.Render(lang, e.message_key, e.message_params);
}

std::string ErrorLine(const Error& e, const KnowledgePack* pack, std::string_view lang) {
  std::string message = ErrorMessage(e, pack, lang);
  if (e.field.empty()) return message;
  return Cat({e.field, ": ", message});
}

Json ErrorsToJson(const std::vector<Error>& errors, const KnowledgePack* pack,
                  std::string_view lang) {
  Json list = Json::array();
  for (const auto& e : errors) {
    Json j = {{"code", Describe(e.code).name},
              {"field", e.field},
              {"reason", e.reason},
              {"message", ErrorMessage(e, pack, lang)}};
    if (!e.message_key.empty()) j["message_key"] = e.message_key;
    list.push_back(std::move(j));
  }
  return Json({{"errors", std::move(list)}});
}

}  // namespace oncnav
