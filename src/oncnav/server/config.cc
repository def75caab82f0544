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

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  if (!in) return "";
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "cds_clients": [{"issuer", "kid", "alg", "public_key_file" | "public_key_pem"}].
void ReadCdsClients(const json& j, std::vector<JwtKey>& out, std::vector<Error>& errors) {
  auto it = j.find("cds_clients");
  if (it == j.end()) return;
  if (!it->is_array()) {
    errors.push_back({ErrorCode::kInvalidType, "cds_clients", "must be an array"});
    return;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& entry = (*it)[i];
    std::string at = Cat({"cds_clients[", std::to_string(i), "]"});
    if (!entry.is_object()) {
      errors.push_back({ErrorCode::kInvalidType, at, "must be an object"});
      continue;
    }
    JwtKey key;
    std::string file;
    std::vector<Error> local;
    for (const auto& [name, value] : entry.items()) {
      std::string* target = name == "issuer"            ? &key.issuer
                            : name == "kid"             ? &key.kid
                            : name == "alg"             ? &key.alg
                            : name == "public_key_pem"  ? &key.public_key_pem
                            : name == "public_key_file" ? &file
                                                        : nullptr;
      if (!target) {
        local.push_back({ErrorCode::kInvalidValue, Cat({at, ".", name}), "is not an option"});
      } else if (!value.is_string()) {
        local.push_back({ErrorCode::kInvalidType, Cat({at, ".", name}), "must be a string"});
      } else {
        *target = value.get<std::string>();
      }
    }
    if (!file.empty()) {
      key.public_key_pem = ReadText(file);
      if (key.public_key_pem.empty()) {
        local.push_back(
            {ErrorCode::kFileNotFound, Cat({at, ".public_key_file"}), Cat({"cannot read ", file})});
      }
    }
    errors.insert(errors.end(), local.begin(), local.end());
    if (local.empty()) out.push_back(std::move(key));
  }
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
  if (!c.public_url.empty() && c.public_url.rfind("http://", 0) != 0 &&
      c.public_url.rfind("https://", 0) != 0) {
    errors.push_back(
        {ErrorCode::kInvalidValue, "public_url", "must start with http:// or https://"});
  }
  if (c.evaluation_cache_mb > 65536) {
    errors.push_back({ErrorCode::kInvalidValue, "evaluation_cache_mb", "must be 0 to 65536"});
  }
  if (c.cds_fetch_timeout_seconds < 1 || c.cds_fetch_timeout_seconds > 60) {
    errors.push_back({ErrorCode::kInvalidValue, "cds_fetch_timeout_seconds", "must be 1 to 60"});
  }
  for (size_t i = 0; i < c.cds_clients.size(); ++i) {
    const JwtKey& k = c.cds_clients[i];
    std::string at = Cat({"cds_clients[", std::to_string(i), "]."});
    if (k.issuer.empty())
      errors.push_back({ErrorCode::kMissingField, at + "issuer", "is required"});
    if (k.kid.empty()) errors.push_back({ErrorCode::kMissingField, at + "kid", "is required"});
    if (k.alg != "ES384" && k.alg != "RS384") {
      errors.push_back({ErrorCode::kInvalidValue, at + "alg", "must be ES384 or RS384"});
    }
    if (k.public_key_pem.find("-----BEGIN PUBLIC KEY-----") == std::string::npos) {
      errors.push_back({ErrorCode::kInvalidValue, at + "public_key_pem",
                        "must be a PEM public key (-----BEGIN PUBLIC KEY-----)"});
    }
  }
  return errors;
}

Result<ServerConfig> LoadServerConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kFileNotFound, path, "cannot read the configuration file"};
  json j = json::parse(ReadText(path), nullptr, false, /*ignore_comments=*/true);
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
                                "rate_limit_per_minute",
                                "public_url",
                                "cds_clients",
                                "cds_fetch_timeout_seconds",
                                "evaluation_cache_mb"};
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
  Read(j, "evaluation_cache_mb", c.evaluation_cache_mb, errors);
  Read(j, "public_url", c.public_url, errors);
  Read(j, "cds_fetch_timeout_seconds", c.cds_fetch_timeout_seconds, errors);
  ReadCdsClients(j, c.cds_clients, errors);
  auto more = ValidateServerConfig(c);
  errors.insert(errors.end(), more.begin(), more.end());
  if (!errors.empty()) return errors;
  return c;
}

}  // namespace oncnav::server
