#include "oncnav/server/openapi.h"

#include <map>

#include "oncnav/common/error.h"
#include "oncnav/common/text.h"

namespace oncnav::server {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// "GET /patients/{id}/history" -> "getPatientsIdHistory".
std::string OperationId(const Route& r) {
  std::string id = Lower(r.method);
  bool upper = true;
  for (char c : r.path) {
    if (c == '/' || c == '{' || c == '}' || c == '.' || c == '-') {
      upper = true;
      continue;
    }
    id += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return id;
}

std::string StatusDescription(int status) {
  for (const auto& e : ErrorCatalogue()) {
    if (e.http_status == status) return std::string(e.description);
  }
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    default:
      return "See the error document";
  }
}

}  // namespace

Json OpenApiDocument(const std::vector<Route>& routes) {
  Json paths = Json::object();
  for (const auto& r : routes) {
    Json op = {{"operationId", OperationId(r)}, {"summary", r.summary}, {"tags", {r.tag}}};
    Json params = Json::array();
    for (size_t pos = r.path.find('{'); pos != std::string::npos; pos = r.path.find('{', pos)) {
      size_t end = r.path.find('}', pos);
      params.push_back({{"name", r.path.substr(pos + 1, end - pos - 1)},
                        {"in", "path"},
                        {"required", true},
                        {"schema", {{"type", "string"}}}});
      pos = end;
    }
    for (const auto& q : r.query) {
      params.push_back({{"name", q.name},
                        {"in", "query"},
                        {"required", false},
                        {"description", q.description},
                        {"schema", {{"type", "string"}}}});
    }
    if (r.if_match) {
      params.push_back({{"name", "If-Match"},
                        {"in", "header"},
                        {"required", true},
                        {"description", "the ETag (revision) the change was made against"},
                        {"schema", {{"type", "string"}}}});
    }
    if (!params.empty()) op["parameters"] = std::move(params);
    if (!r.request_body.empty()) {
      op["requestBody"] = {{"required", true},
                           {"description", r.request_body},
                           {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    Json responses = Json::object();
    for (int status : r.statuses) {
      Json resp = {{"description", StatusDescription(status)}};
      if (status >= 400) {
        resp["content"] = {
            {"application/json", {{"schema", {{"$ref", "#/components/schemas/Errors"}}}}}};
      } else {
        resp["content"] = {{"application/json", {{"schema", {{"type", "object"}}}}}};
      }
      responses[std::to_string(status)] = std::move(resp);
    }
    op["responses"] = std::move(responses);
    if (r.role) {
      op["security"] = Json::array({{{"bearer", Json::array()}}});
      op["x-oncnav-role"] = std::string(storage::RoleName(*r.role));
    } else if (r.cds_jwt) {
      op["security"] = Json::array({{{"cdsClientJwt", Json::array()}}});
    } else {
      op["security"] = Json::array();
    }
    if (!r.audit_action.empty()) op["x-oncnav-audit"] = r.audit_action;
    paths[r.path][Lower(r.method)] = std::move(op);
  }
  Json codes = Json::array();
  for (const auto& e : ErrorCatalogue()) codes.push_back(e.name);
  Json error_schema = {
      {"type", "object"},
      {"required", {"code", "field", "reason", "message"}},
      {"properties",
       {{"code", {{"type", "string"}, {"enum", codes}}},
        {"field", {{"type", "string"}}},
        {"reason", {{"type", "string"}, {"description", "in English"}}},
        {"message", {{"type", "string"}, {"description", "in the requested language"}}},
        {"message_key", {{"type", "string"}}}}}};
  return {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "oncnav"},
        {"version", ONCNAV_VERSION},
        {"description",
         "Decision support for metastatic breast cancer: patient store, evaluation, FHIR "
         "export and CDS Hooks. Generated from the server's route table (docs/server.md)."}}},
      {"paths", std::move(paths)},
      {"components",
       {{"securitySchemes",
         {{"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"description", "API token"}}},
          {"cdsClientJwt",
           {{"type", "http"},
            {"scheme", "bearer"},
            {"bearerFormat", "JWT"},
            {"description",
             "A CDS client's JWT (ES384 or RS384) signed with a key listed in cds_clients; aud "
             "= public_url + the path called; each jti once"}}}}},
        {"schemas",
         {{"Error", error_schema},
          {"Errors",
           {{"type", "object"},
            {"required", {"errors"}},
            {"properties",
             {{"errors",
               {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Error"}}}}}}}}}}}}},
  };
}

}  // namespace oncnav::server
