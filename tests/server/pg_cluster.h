#pragma once

#include <string>

namespace oncnav::testing {

// A throwaway PostgreSQL cluster (Debian's postgresql package: initdb and pg_ctl) in `dir`,
// listening only on a Unix socket in that directory, trusted local connections, stopped by the
// destructor. As root the cluster runs as the `postgres` system user (initdb refuses root).
class PgCluster {
 public:
  explicit PgCluster(const std::string& dir);
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  bool running() const { return running_; }
  const std::string& error() const { return error_; }
  // A libpq URL of the cluster's "postgres" database.
  std::string url() const;

 private:
  std::string Run(const std::string& command) const;  // as the cluster's user
  std::string dir_;
  std::string bin_;
  bool as_postgres_ = false;
  bool running_ = false;
  std::string error_;
};

}  // namespace oncnav::testing
