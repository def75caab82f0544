#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "pg_cluster.h"
#include "server_process.h"

namespace oncnav::testing {

using nlohmann::json;

inline std::string Example(const std::string& relative) {
  return ReadFile(std::string(ONCNAV_SOURCE_DIR) + "/examples/" + relative);
}

// An example native record under another patient id.
inline std::string WithId(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find("\"" + from + "\"");
  if (pos != std::string::npos) text.replace(pos + 1, from.size(), to);
  return text;
}

inline httplib::Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

inline httplib::Headers BearerIfMatch(const std::string& token, const std::string& etag) {
  return {{"Authorization", "Bearer " + token}, {"If-Match", etag}};
}

inline json Body(const httplib::Result& r) {
  return r ? json::parse(r->body, nullptr, false) : json();
}

inline std::string FirstCode(const httplib::Result& r) {
  json j = Body(r);
  if (!j.is_object() || !j.contains("errors") || j["errors"].empty()) return "";
  return j["errors"][0].value("code", "");
}

// A migrated store with one user of each role, and a server on it. The parameter is the
// backend: "sqlite" (a temporary data directory) or "postgresql" (a throwaway cluster).
class ServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      pg_ = std::make_unique<PgCluster>(dir_.path());
      ASSERT_TRUE(pg_->running()) << pg_->error();
      database_ = {"--database", pg_->url()};
    }
    auto upgrade = Cli({"db", "upgrade"});
    ASSERT_EQ(upgrade.status, 0) << upgrade.out;
    admin_ = AddUser("alice", "admin");
    clinician_ = AddUser("carol", "clinician");
    viewer_ = AddUser("victor", "viewer");
    Start();
  }

  std::string AddUser(const std::string& name, const std::string& role) {
    auto r = Cli({"user", "add", name, "--role", role});
    EXPECT_EQ(r.status, 0);
    while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r.out;
  }

  // `oncnav ARGS... --data-dir DIR [--database URL]`.
  CliResult Cli(std::vector<std::string> args) const {
    args.push_back("--data-dir");
    args.push_back(dir_.path());
    args.insert(args.end(), database_.begin(), database_.end());
    return RunCli(args);
  }

  bool sqlite() const { return GetParam() == "sqlite"; }

  void Start(std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), database_.begin(), database_.end());
    server_ = std::make_unique<ServerProcess>(dir_.path(), extra);
    ASSERT_TRUE(server_->started()) << server_->stderr_text();
    client_ = server_->Client();
  }

  std::string db_path() const { return dir_.path() + "/oncnav.db"; }

  TempDir dir_;
  std::unique_ptr<PgCluster> pg_;  // stopped after the server, before dir_ is removed
  std::vector<std::string> database_;
  std::string admin_, clinician_, viewer_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace oncnav::testing
