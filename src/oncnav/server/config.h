#pragma once

#include <cstddef>
#include <string>

#include "oncnav/cdshooks/jwt.h"
#include "oncnav/common/result.h"
#include "oncnav/storage/patient_store.h"

namespace oncnav::server {

// Everything `oncnav serve` reads from its configuration file (config/oncnav.json documents
// each option; the defaults below are the same).
struct ServerConfig {
  std::string bind_address = "127.0.0.1";
  int port = 8780;  // 0: the system picks a free port (tests)
  storage::StoreLocation store;
  std::string region = "jp";  // default ?region= of evaluations
  std::string lang = "en";    // default ?lang= of evaluations and error messages
  std::string knowledge_dir;  // "" = the built-in default pack
  size_t max_body_bytes = 8u << 20;
  int rate_limit_per_minute = 6000;  // per client (token, or address without one); 0 = off
  int threads = 8;
  bool access_log = true;           // one line per request on stderr: method, route, status, time
  size_t evaluation_cache_mb = 64;  // rendered evaluations kept in memory; 0 = none
  // CDS Hooks (docs/cds-hooks.md). The URL CDS clients call this server by: the `aud` of their
  // JWTs must be public_url + the path called. "" = http://bind_address:port.
  std::string public_url;
  std::vector<JwtKey> cds_clients;     // the CDS clients trusted, with their public keys
  int cds_fetch_timeout_seconds = 10;  // fetching missing prefetch from a client's fhirServer
};

// Reads a configuration file (JSON; // and /* */ comments allowed). Missing keys keep their
// defaults; an unknown key or a value of the wrong type or range is an error naming it.
Result<ServerConfig> LoadServerConfig(const std::string& path);

// The same checks for a configuration built in code.
std::vector<Error> ValidateServerConfig(const ServerConfig& config);

}  // namespace oncnav::server
