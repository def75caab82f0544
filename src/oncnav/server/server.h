#pragma once

#include <memory>
#include <string>
#include <vector>

#include "oncnav/cdshooks/cds_knowledge.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/server/config.h"
#include "oncnav/server/route.h"
#include "oncnav/storage/patient_store.h"

namespace oncnav::server {

// The HTTP server: registers every route of the table with authentication, role checks, rate
// limits, audit and the access log around it; unknown paths and oversized bodies get the JSON
// error document too.
class Server {
 public:
  // `store` must have the schema this build needs (storage::CheckSchema); `cds` is the CDS
  // Hooks knowledge loaded for `pack`.
  Server(ServerConfig config, std::unique_ptr<storage::PatientStore> store, KnowledgePack pack,
         CdsKnowledge cds);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the configured address; returns the port (the one the system chose for port 0).
  Result<int> Bind();
  // Serves until Stop() is called (from another thread).
  void Run();
  void Stop();
  bool IsRunning() const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<Route> routes_;
};

// `oncnav serve`: opens the store (refusing a schema mismatch with what to run), loads the
// knowledge pack, binds, prints "oncnav: serving on http://ADDRESS:PORT" on stdout, and serves
// until SIGINT or SIGTERM. Returns the exit status; problems are printed on stderr.
int RunServer(const ServerConfig& config);

}  // namespace oncnav::server
