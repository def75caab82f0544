#include "oncnav/server/fhir_fetch.h"

#include <httplib.h>

#include "oncnav/common/text.h"

namespace oncnav::server {

Result<std::map<std::string, Json>> FetchPrefetch(const std::string& fhir_server,
                                                  const std::map<std::string, std::string>& queries,
                                                  const std::string& access_token,
                                                  int timeout_seconds) {
  // "https://host:port/base/path" -> client for "https://host:port", paths under "/base/path".
  size_t scheme_end = fhir_server.find("://");
  size_t path_start =
      scheme_end == std::string::npos ? std::string::npos : fhir_server.find('/', scheme_end + 3);
  std::string origin = fhir_server.substr(0, path_start);
  std::string base = path_start == std::string::npos ? "" : fhir_server.substr(path_start);
  while (!base.empty() && base.back() == '/') base.pop_back();

  httplib::Client client(origin);
  client.set_connection_timeout(timeout_seconds, 0);
  client.set_read_timeout(timeout_seconds, 0);
  httplib::Headers headers = {{"Accept", "application/fhir+json"}};
  if (!access_token.empty()) headers.emplace("Authorization", Cat({"Bearer ", access_token}));

  std::map<std::string, Json> out;
  for (const auto& [key, query] : queries) {
    std::string field = Cat({"prefetch.", key});
    auto res = client.Get(Cat({base, "/", query}), headers);
    if (!res) {
      return Error{
          ErrorCode::kCdsPrefetchMissing, field,
          Cat({"the FHIR server could not be reached (", httplib::to_string(res.error()), ")"})};
    }
    if (res->status != 200) {
      return Error{
          ErrorCode::kCdsPrefetchMissing, field,
          Cat({"the FHIR server answered ", std::to_string(res->status), " to GET ", query})};
    }
    Json value = Json::parse(res->body, nullptr, false);
    if (!value.is_object()) {
      return Error{ErrorCode::kCdsPrefetchMissing, field,
                   "the FHIR server's answer is not a FHIR JSON resource"};
    }
    out.emplace(key, std::move(value));
  }
  return out;
}

}  // namespace oncnav::server
