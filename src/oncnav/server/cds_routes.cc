// CDS Hooks over HTTP (docs/cds-hooks.md): discovery, the three services and their feedback.
// The services themselves are the library of src/oncnav/cdshooks; this file authenticates
// nothing (the server checks the client's JWT before a handler runs), fetches missing prefetch
// when the client named a FHIR server, and stores feedback.
#include "oncnav/cdshooks/cds_call.h"
#include "oncnav/cdshooks/discovery.h"
#include "oncnav/cdshooks/feedback.h"
#include "oncnav/cdshooks/order_sign.h"
#include "oncnav/cdshooks/patient_view.h"
#include "oncnav/common/text.h"
#include "oncnav/server/fhir_fetch.h"
#include "oncnav/server/http_response.h"
#include "oncnav/server/patient_document.h"
#include "oncnav/server/route.h"

namespace oncnav::server {
namespace {

class CdsApi {
 public:
  explicit CdsApi(const ApiContext& api) : api_(api) {}

  void Discovery(Exchange& ex) const {
    SendJson(ex.res, 200, CdsDiscovery(api_.pack, api_.config.lang));
  }

  void Call(Exchange& ex) const {
    std::string hook(HookOfService(ex.path_params[0]));
    if (hook.empty()) return Fail(ex, UnknownService());
    ex.audit_action = Cat({"cds-", hook});
    Json body = Json::parse(ex.req.body, nullptr, false);
    if (body.is_discarded()) {
      return Fail(ex, {{ErrorCode::kCdsBadRequest, "$", "the request body is not JSON"}});
    }
    ex.audit_patient = PatientOf(body);
    CdsDefaults defaults{Date::Today(), api_.config.region, api_.config.lang};
    CdsResult result = Run(hook, body, defaults);
    if (result.outcome == CdsOutcome::kFetchNeeded) {
      auto fetched = FetchPrefetch(result.fhir_server, result.fetch, AccessToken(body),
                                   api_.config.cds_fetch_timeout_seconds);
      if (fetched) {
        for (auto& [key, value] : *fetched) body["prefetch"][key] = std::move(value);
        for (const auto& [key, query] : result.fetch_optional) {
          auto optional = FetchPrefetch(result.fhir_server, {{key, query}}, AccessToken(body),
                                        api_.config.cds_fetch_timeout_seconds);
          if (optional) body["prefetch"][key] = std::move(optional->at(key));
        }
        result = Run(hook, body, defaults);
      }
      if (!fetched || result.outcome == CdsOutcome::kFetchNeeded) {
        std::vector<std::string> keys;
        for (const auto& [key, query] : result.fetch) keys.push_back(key);
        std::vector<Error> errors = PrefetchFailed(keys, api_.pack, defaults.lang).errors;
        if (!fetched) errors.insert(errors.end(), fetched.errors().begin(), fetched.errors().end());
        result = ErrorResult(std::move(errors), api_.pack, defaults.lang);
      }
    }
    SendJson(ex.res, result.http_status, result.body);
  }

  void Feedback(Exchange& ex) const {
    if (HookOfService(ex.path_params[0]).empty()) return Fail(ex, UnknownService());
    Json body = Json::parse(ex.req.body, nullptr, false);
    if (body.is_discarded()) {
      return Fail(ex, {{ErrorCode::kCdsBadRequest, "$", "the request body is not JSON"}});
    }
    auto parsed = ParseFeedback(body);
    if (!parsed) return Fail(ex, parsed.errors());
    // The entries are stored as received (the parser checked them), one row each.
    std::vector<storage::CdsFeedbackEntry> entries;
    const Json& sent = body["feedback"];
    for (size_t i = 0; i < parsed->items.size(); ++i) {
      const FeedbackItem& item = parsed->items[i];
      entries.push_back({0, "", ex.cds_client, ex.path_params[0], item.card, item.outcome,
                         item.outcome_timestamp, sent[i].dump()});
    }
    auto stored = api_.store.AddCdsFeedback(entries);
    if (!stored) return Fail(ex, stored.errors());
    SendJson(ex.res, 200, Json::object());
  }

 private:
  CdsResult Run(const std::string& hook, const Json& body, const CdsDefaults& defaults) const {
    if (hook == "patient-view") return HandlePatientView(body, api_.pack, defaults);
    if (hook == "order-sign") return HandleOrderSign(body, api_.pack, api_.cds, defaults);
    return HandleOrderSelect(body, api_.pack, api_.cds, defaults);
  }

  void Fail(Exchange& ex, const std::vector<Error>& errors) const {
    SendErrors(ex.res, errors, &api_.pack, api_.config.lang);
  }

  static std::vector<Error> UnknownService() {
    return {{ErrorCode::kNotFound, "id", "no CDS service has this id (see GET /cds-services)"}};
  }

  // context.patientId when it is an id the audit log can name ("" otherwise).
  static std::string PatientOf(const Json& body) {
    if (!body.is_object()) return "";
    auto context = body.find("context");
    if (context == body.end() || !context->is_object()) return "";
    auto id = context->find("patientId");
    if (id == context->end() || !id->is_string()) return "";
    std::string text = id->get<std::string>();
    return IsValidPatientId(text) ? text : "";
  }

  static std::string AccessToken(const Json& body) {
    auto auth = body.find("fhirAuthorization");
    if (auth == body.end() || !auth->is_object()) return "";
    auto token = auth->find("access_token");
    return token != auth->end() && token->is_string() ? token->get<std::string>() : "";
  }

  const ApiContext& api_;
};

}  // namespace

std::vector<Route> CdsRoutes(const ApiContext& api) {
  auto cds = std::make_shared<CdsApi>(api);
  std::vector<Route> routes = {
      {"GET",
       "/cds-services",
       "cds",
       "CDS Hooks discovery: oncnav's services (patient-view, order-sign, order-select) with "
       "their prefetch templates.",
       std::nullopt,
       "",
       {},
       false,
       "",
       {200, 429},
       [cds](Exchange& ex) { cds->Discovery(ex); }},
      {"POST",
       "/cds-services/{id}",
       "cds",
       "Call a CDS service: cards for the next-line options, safety alerts, missing tests and "
       "the bone plan (patient-view), or checks of draft orders (order-sign, order-select). "
       "Authenticated by the CDS client's JWT; missing prefetch is fetched from fhirServer, or "
       "answered 412.",
       std::nullopt,
       "cds-call",
       {},
       false,
       "a CDS Hooks request (hook, hookInstance, context, prefetch, fhirServer, ...)",
       {200, 400, 401, 404, 412, 422, 429},
       [cds](Exchange& ex) { cds->Call(ex); }},
      {"POST",
       "/cds-services/{id}/feedback",
       "cds",
       "Feedback on cards (accepted or overridden, with the reason); stored for review "
       "(GET /cds-feedback).",
       std::nullopt,
       "cds-feedback",
       {},
       false,
       "{\"feedback\": [{\"card\", \"outcome\", \"acceptedSuggestions\", \"overrideReason\", "
       "\"outcomeTimestamp\"}]}",
       {200, 400, 401, 404, 429},
       [cds](Exchange& ex) { cds->Feedback(ex); }},
  };
  routes[1].cds_jwt = true;
  routes[2].cds_jwt = true;
  return routes;
}

}  // namespace oncnav::server
