#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

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

// A migrated store in a temporary directory with one user of each role, and a server on it.
class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunCli({"db", "upgrade", "--data-dir", dir_.path()}).status, 0);
    admin_ = AddUser("alice", "admin");
    clinician_ = AddUser("carol", "clinician");
    viewer_ = AddUser("victor", "viewer");
    Start();
  }

  std::string AddUser(const std::string& name, const std::string& role) {
    auto r = RunCli({"user", "add", name, "--role", role, "--data-dir", dir_.path()});
    EXPECT_EQ(r.status, 0);
    while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r.out;
  }

  void Start(const std::vector<std::string>& extra = {}) {
    server_ = std::make_unique<ServerProcess>(dir_.path(), extra);
    ASSERT_TRUE(server_->started()) << server_->stderr_text();
    client_ = server_->Client();
  }

  std::string db_path() const { return dir_.path() + "/oncnav.db"; }

  TempDir dir_;
  std::string admin_, clinician_, viewer_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace oncnav::testing
