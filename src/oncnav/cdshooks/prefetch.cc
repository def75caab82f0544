#include "oncnav/cdshooks/prefetch.h"

#include "oncnav/cdshooks/discovery.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

std::optional<std::string> UserIdOfType(const Json& context, std::string_view type) {
  auto it = context.find("userId");
  if (it == context.end() || !it->is_string()) return std::nullopt;
  const auto& user = it->get_ref<const std::string&>();
  if (user.size() <= type.size() + 1 || !user.starts_with(type) || user[type.size()] != '/') {
    return std::nullopt;
  }
  return user.substr(type.size() + 1);
}

std::optional<std::string> TokenValue(std::string_view token, const Json& context) {
  if (token.starts_with("context.")) {
    auto it = context.find(token.substr(8));
    if (it == context.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return std::nullopt;  // only primitive context fields can be tokens
  }
  if (token == "userPractitionerId") return UserIdOfType(context, "Practitioner");
  if (token == "userPractitionerRoleId") return UserIdOfType(context, "PractitionerRole");
  if (token == "userPatientId") return UserIdOfType(context, "Patient");
  if (token == "userRelatedPersonId") return UserIdOfType(context, "RelatedPerson");
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ResolvePrefetchTemplate(std::string_view tmpl, const Json& context) {
  std::string out;
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(pos));
      break;
    }
    size_t close = tmpl.find("}}", open + 2);
    if (close == std::string_view::npos) return std::nullopt;
    out.append(tmpl.substr(pos, open - pos));
    auto value = TokenValue(tmpl.substr(open + 2, close - open - 2), context);
    if (!value) return std::nullopt;
    out.append(*value);
    pos = close + 2;
  }
  return out;
}

bool PrefetchSatisfied(const Json& prefetch, std::string_view key) {
  auto it = prefetch.find(key);
  if (it == prefetch.end()) return false;
  if (it->is_null()) return true;
  return !(it->is_object() && it->value("resourceType", "") == "OperationOutcome");
}

std::map<std::string, std::string> MissingRequiredPrefetch(const CdsRequest& request) {
  std::map<std::string, std::string> missing;
  for (const auto& t : OncnavPrefetchTemplates()) {
    if (!t.required || PrefetchSatisfied(request.prefetch, t.key)) continue;
    missing[t.key] = ResolvePrefetchTemplate(t.query, request.context).value_or(t.query);
  }
  return missing;
}

std::map<std::string, std::string> MissingOptionalPrefetch(const CdsRequest& request) {
  std::map<std::string, std::string> missing;
  for (const auto& t : OncnavPrefetchTemplates()) {
    if (t.required || request.prefetch.contains(t.key)) continue;
    if (auto query = ResolvePrefetchTemplate(t.query, request.context)) missing[t.key] = *query;
  }
  return missing;
}

}  // namespace oncnav
