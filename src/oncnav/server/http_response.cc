#include "oncnav/server/http_response.h"

#include "oncnav/report/error_output.h"

namespace oncnav::server {

void SendJsonText(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json");
}

void SendJson(httplib::Response& res, int status, const Json& body) {
  SendJsonText(res, status, body.dump());
}

void SendErrors(httplib::Response& res, const std::vector<Error>& errors, const KnowledgePack* pack,
                std::string_view lang) {
  int status = errors.empty() ? 500 : Describe(errors.front().code).http_status;
  SendJson(res, status, ErrorsToJson(errors, pack, lang));
}

}  // namespace oncnav::server
