#include "pg_cluster.h"

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace oncnav::testing {
namespace {

std::string NewestPgBin() {
  std::string best;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
    auto bin = e.path() / "bin";
    if (std::filesystem::exists(bin / "initdb") && bin.string() > best) best = bin.string();
  }
  return best;
}

}  // namespace

std::string PgCluster::Run(const std::string& command) const {
  std::string full = as_postgres_ ? "runuser -u postgres -- " + command : command;
  full += " 2>&1";
  std::string out;
  FILE* p = popen(full.c_str(), "r");
  if (!p) return "cannot run " + command;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : (out.empty() ? "failed" : out);
}

PgCluster::PgCluster(const std::string& dir) : dir_(dir + "/pg") {
  bin_ = NewestPgBin();
  if (bin_.empty()) {
    error_ = "no PostgreSQL server installed (Debian package postgresql)";
    return;
  }
  as_postgres_ = geteuid() == 0;
  std::filesystem::create_directories(dir_);
  if (as_postgres_) {
    passwd* pw = getpwnam("postgres");
    if (!pw) {
      error_ = "running as root and there is no postgres user";
      return;
    }
    chmod(dir.c_str(), 0755);  // the parent must be traversable by the cluster's user
    if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      error_ = "cannot hand the cluster directory to postgres";
      return;
    }
  }
  error_ = Run(bin_ + "/initdb -D " + dir_ + "/data -A trust -U postgres -E UTF8 --no-sync");
  if (!error_.empty()) return;
  // fsync stays on: the crash test relies on committed writes being durable.
  error_ = Run(bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/log -w -t 60 -o \"-c " +
               "listen_addresses='' -k " + dir_ + " -p 5432\" start");
  running_ = error_.empty();
}

PgCluster::~PgCluster() {
  if (running_) Run(bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate -w stop");
}

std::string PgCluster::url() const {
  return "postgresql:///postgres?host=" + dir_ + "&port=5432&user=postgres";
}

}  // namespace oncnav::testing
