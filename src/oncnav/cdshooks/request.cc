#include "oncnav/cdshooks/request.h"

#include <algorithm>
#include <vector>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

class Checker {
 public:
  void Fail(std::string field, std::string reason) {
    errors_.emplace_back(ErrorCode::kCdsBadRequest, std::move(field), std::move(reason));
  }

  // A required (or, when present, an optional) non-empty string.
  const std::string* String(const Json& obj, std::string_view key, std::string_view path,
                            bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) Fail(std::string(path), "is required");
      return nullptr;
    }
    if (!it->is_string()) {
      Fail(std::string(path), it->is_null() ? "must not be null" : "must be a string");
      return nullptr;
    }
    if (it->get_ref<const std::string&>().empty()) {
      Fail(std::string(path), "must not be empty");
      return nullptr;
    }
    return &it->get_ref<const std::string&>();
  }

  std::vector<Error> errors_;
};

bool IsHttpUrl(std::string_view s) { return s.starts_with("https://") || s.starts_with("http://"); }

// "Practitioner/abc" with Practitioner among `types`.
bool IsReference(std::string_view s, const std::vector<std::string_view>& types) {
  auto slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == s.size()) return false;
  if (s.find('/', slash + 1) != std::string_view::npos) return false;
  return types.empty() || std::find(types.begin(), types.end(), s.substr(0, slash)) != types.end();
}

void CheckAuthorization(const Json& auth, Checker& c) {
  if (!auth.is_object()) {
    c.Fail("fhirAuthorization", "must be an object");
    return;
  }
  c.String(auth, "access_token", "fhirAuthorization.access_token", true);
  if (const auto* type = c.String(auth, "token_type", "fhirAuthorization.token_type", true);
      type && *type != "Bearer") {
    c.Fail("fhirAuthorization.token_type", "must be \"Bearer\"");
  }
  auto exp = auth.find("expires_in");
  if (exp == auth.end()) {
    c.Fail("fhirAuthorization.expires_in", "is required");
  } else if (!exp->is_number_integer()) {
    c.Fail("fhirAuthorization.expires_in", "must be an integer number of seconds");
  }
  c.String(auth, "scope", "fhirAuthorization.scope", true);
  c.String(auth, "subject", "fhirAuthorization.subject", true);
}

void CheckContext(const Json& ctx, std::string_view hook, CdsRequest& out, Checker& c) {
  const bool orders = hook == "order-sign" || hook == "order-select";
  std::vector<std::string_view> user_types = {"Practitioner", "PractitionerRole"};
  if (!orders) {
    user_types.push_back("Patient");
    user_types.push_back("RelatedPerson");
  }
  if (const auto* user = c.String(ctx, "userId", "context.userId", true)) {
    if (!IsReference(*user, user_types)) {
      c.Fail("context.userId", orders ? "must be Practitioner/<id> or PractitionerRole/<id>"
                                      : "must be Practitioner/, PractitionerRole/, Patient/ or "
                                        "RelatedPerson/ followed by an id");
    } else {
      out.user_id = *user;
    }
  }
  if (const auto* patient = c.String(ctx, "patientId", "context.patientId", true)) {
    out.patient_id = *patient;
  }
  c.String(ctx, "encounterId", "context.encounterId", false);
  if (!orders) return;

  auto drafts = ctx.find("draftOrders");
  if (drafts == ctx.end()) {
    c.Fail("context.draftOrders", "is required");
  } else if (!drafts->is_object() || drafts->value("resourceType", "") != "Bundle") {
    c.Fail("context.draftOrders", "must be a FHIR Bundle");
  } else if (drafts->contains("entry") && !(*drafts)["entry"].is_array()) {
    c.Fail("context.draftOrders.entry", "must be an array");
  }
  if (hook != "order-select") return;
  auto sel = ctx.find("selections");
  if (sel == ctx.end()) {
    c.Fail("context.selections", "is required");
  } else if (!sel->is_array() || sel->empty()) {
    c.Fail("context.selections", "must be a non-empty array");
  } else {
    for (size_t i = 0; i < sel->size(); ++i) {
      const auto& s = (*sel)[i];
      if (!s.is_string() || !IsReference(s.get<std::string>(), {})) {
        c.Fail(Cat({"context.selections[", std::to_string(i), "]"}),
               "must be a reference such as MedicationRequest/123");
      }
    }
  }
}

}  // namespace

Result<CdsRequest> ParseCdsRequest(const Json& body, std::string_view expected_hook) {
  Checker c;
  CdsRequest out;
  if (!body.is_object()) {
    c.Fail("", "the request body must be a JSON object");
    return c.errors_;
  }
  if (const auto* hook = c.String(body, "hook", "hook", true)) {
    out.hook = *hook;
    if (*hook != expected_hook) {
      c.Fail("hook", Cat({"is \"", *hook, "\" but this service answers \"", expected_hook, "\""}));
    }
  }
  if (const auto* id = c.String(body, "hookInstance", "hookInstance", true)) {
    out.hook_instance = *id;
  }
  if (const auto* server = c.String(body, "fhirServer", "fhirServer", false)) {
    if (!IsHttpUrl(*server)) c.Fail("fhirServer", "must be an http or https URL");
    out.fhir_server = *server;
  }
  if (auto auth = body.find("fhirAuthorization"); auth != body.end()) {
    CheckAuthorization(*auth, c);
    if (!body.contains("fhirServer")) {
      c.Fail("fhirServer", "is required when fhirAuthorization is given");
    }
    out.has_authorization = true;
  }
  auto ctx = body.find("context");
  if (ctx == body.end()) {
    c.Fail("context", "is required");
  } else if (!ctx->is_object()) {
    c.Fail("context", "must be an object");
  } else {
    out.context = *ctx;
    CheckContext(*ctx, expected_hook, out, c);
  }
  if (auto pre = body.find("prefetch"); pre != body.end()) {
    if (!pre->is_object()) {
      c.Fail("prefetch", "must be an object");
    } else {
      out.prefetch = *pre;
    }
  }
  if (!c.errors_.empty()) return c.errors_;
  return out;
}

}  // namespace oncnav
