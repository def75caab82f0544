#include "oncnav/server/config.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "oncnav/common/text.h"

namespace oncnav::server {
namespace {

using nlohmann::json;

template <typename T>
void Read(const json& j, const char* key, T& out, std::vector<Error>& errors) {
  auto it = j.find(key);
  if (it == j.end()) return;
  try {
    out = it->get<T>();
  } catch (const json::exception&) {
    errors.push_back({ErrorCode::kInvalidType, key, "has the wrong type"});
  }
}

bool OneOf(const std::string& v, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (v == a) return true;
  }
  return false;
}

}  // namespace

std::vector<Error> ValidateServerConfig(const ServerConfig& c) {
  std::vector<Error> errors;
  if (c.port < 0 || c.port > 65535) {
    errors.push_back({ErrorCode::kInvalidValue, "port", "must be 0 to 65535"});
  }
  if (!OneOf(c.region, {"jp", "us", "cn", "eu"})) {
    errors.push_back({ErrorCode::kInvalidValue, "region", "must be jp, us, cn or eu"});
  }
  if (!OneOf(c.lang, {"en", "ja", "zh"})) {
    errors.push_back({ErrorCode::kInvalidValue, "lang", "must be en, ja or zh"});
  }
  if (c.max_body_bytes < 1024) {
    errors.push_back({ErrorCode::kInvalidValue, "max_body_bytes", "must be at least 1024"});
  }
  if (c.rate_limit_per_minute < 0) {
    errors.push_back({ErrorCode::kInvalidValue, "rate_limit_per_minute", "must be 0 or more"});
  }
  if (c.threads < 1 || c.threads > 256) {
    errors.push_back({ErrorCode::kInvalidValue, "threads", "must be 1 to 256"});
  }
  return errors;
}

Result<ServerConfig> LoadServerConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kFileNotFound, path, "cannot read the configuration file"};
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str(), nullptr, false, /*ignore_comments=*/true);
  if (j.is_discarded() || !j.is_object()) {
    return Error{ErrorCode::kInvalidJson, path, "the configuration is not a JSON object"};
  }
  static const char* kKeys[] = {"bind_address",
                                "port",
                                "data_dir",
                                "database",
                                "region",
                                "lang",
                                "knowledge_dir",
                                "max_body_bytes",
                                "threads",
                                "access_log",
                                "rate_limit_per_minute"};
  std::vector<Error> errors;
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* k : kKeys) known = known || key == k;
    if (!known) errors.push_back({ErrorCode::kInvalidValue, key, "is not a configuration option"});
  }
  ServerConfig c;
  Read(j, "bind_address", c.bind_address, errors);
  Read(j, "port", c.port, errors);
  Read(j, "data_dir", c.store.data_dir, errors);
  Read(j, "database", c.store.database, errors);
  Read(j, "region", c.region, errors);
  Read(j, "lang", c.lang, errors);
  Read(j, "knowledge_dir", c.knowledge_dir, errors);
  Read(j, "max_body_bytes", c.max_body_bytes, errors);
  Read(j, "rate_limit_per_minute", c.rate_limit_per_minute, errors);
  Read(j, "threads", c.threads, errors);
  Read(j, "access_log", c.access_log, errors);
  auto more = ValidateServerConfig(c);
  errors.insert(errors.end(), more.begin(), more.end());
  if (!errors.empty()) return errors;
  return c;
}

}  // namespace oncnav::server
