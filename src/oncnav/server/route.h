#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/cdshooks/cds_knowledge.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/server/config.h"
#include "oncnav/server/evaluation_cache.h"
#include "oncnav/storage/patient_store.h"

namespace oncnav::server {

// One request in flight, as a route handler sees it.
struct Exchange {
  const httplib::Request& req;
  httplib::Response& res;
  std::vector<std::string> path_params;  // the {placeholders} of the route's path, in order
  storage::User user;                    // the authenticated user (routes with a role)
  std::string audit_patient;             // the patient the audit line names ("" = none)
  bool audited = false;      // set when the store already audited the request in its transaction
  std::string audit_action;  // the route's audit action; a handler may make it more precise
  std::string cds_client;    // the issuer of the CDS client's JWT (routes with cds_jwt)
};

using Handler = std::function<void(Exchange&)>;

struct QueryParam {
  std::string name;
  std::string description;
};

// A route describes itself: the server registers it and the OpenAPI document is generated from
// the same table, so the documentation cannot drift from the code.
struct Route {
  std::string method;  // GET | POST | PUT | DELETE
  std::string path;    // OpenAPI form: "/patients/{id}"
  std::string tag;
  std::string summary;
  std::optional<storage::Role> role;  // the least role allowed; nullopt = public
  std::string audit_action;           // patient-data routes: the audit action; "" = none
  std::vector<QueryParam> query;
  bool if_match = false;     // needs an If-Match header
  std::string request_body;  // what the body is; "" = no body
  std::vector<int> statuses;
  Handler handler;
  // Authenticated by a trusted CDS client's JWT (cdshooks/jwt.h, config cds_clients) instead
  // of an API token; `role` is then unset.
  bool cds_jwt = false;
};

// What handlers share: read-only after start, except the store and the cache (thread-safe).
struct ApiContext {
  ServerConfig config;
  storage::PatientStore& store;
  const KnowledgePack& pack;
  const CdsKnowledge& cds;
  EvaluationCache& evaluations;
};

std::vector<Route> PatientRoutes(const ApiContext& api);
std::vector<Route> AdminRoutes(const ApiContext& api);
std::vector<Route> CdsRoutes(const ApiContext& api);

}  // namespace oncnav::server
