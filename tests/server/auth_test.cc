// Authorisation on every patient-data endpoint, and the audit log of every access.
#include "server_test_support.h"

namespace oncnav::testing {
namespace {

struct Endpoint {
  std::string method;
  std::string path;
  bool write;  // needs clinician
  std::string action;
};

const char* kId = "demo-hr-her2low-2l";

std::vector<Endpoint> PatientEndpoints() {
  std::string p = std::string("/patients/") + kId;
  return {{"POST", "/patients", true, "create"},
          {"GET", "/patients", false, "list"},
          {"GET", p, false, "read"},
          {"PUT", p, true, "update"},
          {"DELETE", p, true, "delete"},
          {"GET", p + "/history", false, "history"},
          {"GET", p + "/revisions/1", false, "read-revision"},
          {"GET", p + "/evaluation", false, "evaluate"},
          {"GET", p + "/fhir", false, "export-fhir"}};
}

httplib::Result Send(httplib::Client& c, const Endpoint& e, httplib::Headers headers,
                     const std::string& body) {
  if (e.method == "GET") return c.Get(e.path, headers);
  if (e.method == "POST") return c.Post(e.path, headers, body, "application/json");
  if (e.method == "PUT") return c.Put(e.path, headers, body, "application/json");
  return c.Delete(e.path, headers);
}

struct Expected {
  std::string actor;
  std::string patient;
  std::string action;
  int outcome;
};

TEST_P(ServerTest, EveryPatientEndpointRefusesMissingWrongAndUnderPrivilegedTokens) {
  std::string doc = Example("native/hr-positive-her2-low-second-line.json");
  ASSERT_EQ(client_->Post("/patients", Bearer(clinician_), doc, "application/json")->status, 201);
  int64_t start = Body(client_->Get("/audit", Bearer(admin_)))["entries"].back()["seq"];

  std::vector<Expected> expected;
  for (const auto& e : PatientEndpoints()) {
    std::string patient = e.path == "/patients" ? "" : kId;
    auto none = Send(*client_, e, {{"If-Match", "\"1\""}}, doc);
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 401) << e.method << " " << e.path;
    EXPECT_EQ(FirstCode(none), "unauthorized");
    expected.push_back({"-", patient, e.action, 401});

    auto wrong = Send(*client_, e, BearerIfMatch("oncnav_not-a-real-token", "\"1\""), doc);
    EXPECT_EQ(wrong->status, 401) << e.method << " " << e.path;
    expected.push_back({"-", patient, e.action, 401});

    auto basic = Send(*client_, e, {{"Authorization", "Basic " + viewer_}}, doc);
    EXPECT_EQ(basic->status, 401) << e.method << " " << e.path;
    expected.push_back({"-", patient, e.action, 401});

    if (e.write) {
      auto viewer = Send(*client_, e, BearerIfMatch(viewer_, "\"1\""), doc);
      EXPECT_EQ(viewer->status, 403) << e.method << " " << e.path;
      EXPECT_EQ(FirstCode(viewer), "forbidden");
      expected.push_back({"victor", patient, e.action, 403});
    } else {
      auto viewer = Send(*client_, e, Bearer(viewer_), doc);
      EXPECT_EQ(viewer->status, 200) << e.method << " " << e.path << " " << viewer->body;
      expected.push_back({"victor", patient, e.action, 200});
    }
  }
  // Nothing was changed by the refused requests.
  EXPECT_EQ(
      client_->Get(std::string("/patients/") + kId, Bearer(viewer_))->get_header_value("ETag"),
      "\"1\"");
  expected.push_back({"victor", kId, "read", 200});

  // Only an admin reads the audit log and manages users.
  EXPECT_EQ(client_->Get("/audit", Bearer(clinician_))->status, 403);
  EXPECT_EQ(client_->Get("/audit")->status, 401);
  EXPECT_EQ(client_->Get("/users", Bearer(clinician_))->status, 403);
  EXPECT_EQ(
      client_
          ->Post("/users", Bearer(clinician_), R"({"name":"x","role":"admin"})", "application/json")
          ->status,
      403);

  // The audit log holds one line for every access above, in order.
  auto audit = client_->Get("/audit?after=" + std::to_string(start), Bearer(admin_));
  ASSERT_EQ(audit->status, 200);
  json entries = Body(audit)["entries"];
  ASSERT_EQ(entries.size(), expected.size()) << entries.dump(1);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(entries[i]["actor"], expected[i].actor) << i;
    EXPECT_EQ(entries[i]["patient"], expected[i].patient) << i;
    EXPECT_EQ(entries[i]["action"], expected[i].action) << i;
    EXPECT_EQ(entries[i]["outcome"], expected[i].outcome) << i;
  }
}

TEST_P(ServerTest, SuccessfulWritesAreAuditedWithTheirAuthor) {
  std::string doc = Example("native/hr-positive-her2-low-second-line.json");
  ASSERT_EQ(client_->Post("/patients", Bearer(clinician_), doc, "application/json")->status, 201);
  ASSERT_EQ(client_
                ->Put(std::string("/patients/") + kId, BearerIfMatch(clinician_, "\"1\""), doc,
                      "application/json")
                ->status,
            200);
  ASSERT_EQ(
      client_->Delete(std::string("/patients/") + kId, BearerIfMatch(admin_, "\"2\""))->status,
      200);
  auto audit = Body(client_->Get(std::string("/audit?patient=") + kId, Bearer(admin_)));
  ASSERT_EQ(audit["entries"].size(), 3u) << audit.dump(1);
  EXPECT_EQ(audit["entries"][0]["action"], "create");
  EXPECT_EQ(audit["entries"][0]["actor"], "carol");
  EXPECT_EQ(audit["entries"][0]["outcome"], 201);
  EXPECT_EQ(audit["entries"][1]["action"], "update");
  EXPECT_EQ(audit["entries"][2]["action"], "delete");
  EXPECT_EQ(audit["entries"][2]["actor"], "alice");
}

TEST_P(ServerTest, AccessLogCarriesNoPatientIdentifiers) {
  std::string doc = Example("native/hr-positive-her2-low-second-line.json");
  ASSERT_EQ(client_->Post("/patients", Bearer(clinician_), doc, "application/json")->status, 201);
  client_->Get(std::string("/patients/") + kId + "/evaluation", Bearer(viewer_));
  client_->Get(std::string("/patients/") + kId, Bearer(viewer_));
  server_->Stop();
  std::string log = server_->stderr_text();
  EXPECT_NE(log.find("GET /patients/{id}/evaluation 200"), std::string::npos) << log;
  EXPECT_EQ(log.find(kId), std::string::npos) << log;
  EXPECT_EQ(log.find("1962-05-14"), std::string::npos) << log;  // birth date
}

TEST_P(ServerTest, RateLimitAnswers429) {
  server_->Stop();
  std::string config = dir_.path() + "/limited.json";
  std::FILE* f = std::fopen(config.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("{\"rate_limit_per_minute\": 5, \"access_log\": false}", f);
  std::fclose(f);
  Start({"--config", config});
  int limited = 0;
  for (int i = 0; i < 8; ++i) {
    auto r = client_->Get("/patients", Bearer(viewer_));
    if (r->status == 429) {
      ++limited;
      EXPECT_EQ(FirstCode(r), "rate-limited");
    }
  }
  EXPECT_EQ(limited, 3);
}

}  // namespace
}  // namespace oncnav::testing
