// CDS Hooks over HTTP: discovery, the services behind a client's JWT (signature, audience,
// expiry, replay), missing prefetch fetched from the client's FHIR server or answered 412, and
// feedback stored for review. The services' cards themselves are tested in
// tests/unit/cdshooks; responses written here are also validated by the ajv oracle.
#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>
#include <thread>

#include "../support/test_jwt.h"
#include "../unit/cdshooks/cds_test_support.h"
#include "server_test_support.h"

namespace oncnav::testing {
namespace {

constexpr const char* kIssuer = "https://ehr.example.org/";
constexpr const char* kKid = "ehr-key-1";
constexpr const char* kPatientView = "/cds-services/oncnav-patient-view";

json Request(const std::string& hook, const std::string& example) {
  return cdstest::RequestFor(hook, cdstest::ReadJson(cdstest::ExampleBundle(example)));
}

// A server that trusts one CDS client (an ES384 key generated for the test).
class CdsServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    key_ = GenerateTestKey("ES384");
    std::string pem = dir_.path() + "/ehr.pem";
    std::ofstream(pem) << key_.pem;
    std::string config = dir_.path() + "/cds.json";
    std::ofstream(config) << json{{"rate_limit_per_minute", 0},
                                  {"access_log", false},
                                  {"cds_clients",
                                   {{{"issuer", kIssuer},
                                     {"kid", kKid},
                                     {"alg", "ES384"},
                                     {"public_key_file", pem}}}}}
                                 .dump();
    server_.reset();
    Start({"--config", config});
  }

  // A fresh JWT for a call to `path`, as the client would sign it.
  std::string Jwt(const std::string& path, const std::string& jti = "", int64_t exp_in = 300) {
    static std::atomic<int> counter{0};
    int64_t now = std::time(nullptr);
    json claims = {{"iss", kIssuer},
                   {"aud", "http://127.0.0.1:" + std::to_string(server_->port()) + path},
                   {"exp", now + exp_in},
                   {"iat", now - 5},
                   {"jti", jti.empty() ? "jti-" + std::to_string(++counter) : jti}};
    return SignedJwt(key_, claims, kKid);
  }

  httplib::Result Call(const std::string& path, const json& body, const std::string& jwt) {
    return client_->Post(path, Bearer(jwt), body.dump(), "application/json");
  }
  httplib::Result Call(const std::string& path, const json& body) {
    return Call(path, body, Jwt(path));
  }

  TestKey key_;
};

// A FHIR server on loopback answering oncnav's prefetch queries from a patient Bundle.
class FakeFhirServer {
 public:
  FakeFhirServer(json prefetch, int status) : prefetch_(std::move(prefetch)) {
    http_.Get(".*", [this, status](const httplib::Request& req, httplib::Response& res) {
      authorizations_.push_back(req.get_header_value("Authorization"));
      std::string type = req.path.substr(req.path.rfind('/', req.path.size() - 1) + 1);
      const auto& keys = cdstest::PrefetchKeyOfType();
      json body = req.path.find("/Patient/") != std::string::npos ? prefetch_["patient"]
                  : keys.count(type)                              ? prefetch_[keys.at(type)]
                                     : json{{"resourceType", "OperationOutcome"}};
      res.status = status;
      res.set_content(body.dump(), "application/fhir+json");
    });
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
    while (!http_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FakeFhirServer() {
    http_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/fhir"; }
  const std::vector<std::string>& authorizations() const { return authorizations_; }

 private:
  json prefetch_;
  httplib::Server http_;
  int port_ = 0;
  std::thread thread_;
  std::vector<std::string> authorizations_;  // written by the one listening thread
};

TEST_P(CdsServerTest, DiscoveryIsPublic) {
  auto r = client_->Get("/cds-services");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json doc = Body(r);
  ASSERT_EQ(doc["services"].size(), 3u);
  EXPECT_EQ(doc["services"][0]["id"], "oncnav-patient-view");
  EXPECT_TRUE(doc["services"][0]["prefetch"].contains("patient"));
  cdstest::WriteForOracle("discovery", "server-" + GetParam(), doc);
}

TEST_P(CdsServerTest, PatientViewAnswersCardsAndIsAudited) {
  json request = Request("patient-view", "hr-positive-her2-low-second-line");
  auto r = Call(kPatientView, request);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json cards = Body(r)["cards"];
  ASSERT_FALSE(cards.empty());
  for (const auto& card : cards) {
    const std::string summary = card["summary"];
    size_t characters = 0;  // UTF-8: count the bytes that start a character
    for (unsigned char c : summary) characters += (c & 0xC0) != 0x80;
    EXPECT_LT(characters, 140u) << summary;
    EXPECT_FALSE(card["source"]["label"].get<std::string>().empty());
  }
  cdstest::WriteForOracle("responses", "server-patient-view-" + GetParam(), Body(r));

  json entries =
      Body(client_->Get("/audit?actor=cds:" + std::string(kIssuer), Bearer(admin_)))["entries"];
  ASSERT_EQ(entries.size(), 1u) << entries.dump(1);
  EXPECT_EQ(entries[0]["action"], "cds-patient-view");
  EXPECT_EQ(entries[0]["patient"], request["context"]["patientId"]);
  EXPECT_EQ(entries[0]["outcome"], 200);
}

TEST_P(CdsServerTest, RefusesMissingForgedMisaddressedExpiredAndReplayedTokens) {
  json request = Request("patient-view", "hr-positive-her2-low-second-line");
  auto none = client_->Post(kPatientView, request.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(FirstCode(none), "cds-unauthorized");
  // An API token is not a CDS client's JWT.
  EXPECT_EQ(Call(kPatientView, request, admin_)->status, 401);

  TestKey stranger = GenerateTestKey("ES384");
  int64_t now = std::time(nullptr);
  json claims = {{"iss", kIssuer},
                 {"aud", "http://127.0.0.1:" + std::to_string(server_->port()) + kPatientView},
                 {"exp", now + 300},
                 {"iat", now},
                 {"jti", "forged"}};
  EXPECT_EQ(Call(kPatientView, request, SignedJwt(stranger, claims, kKid))->status, 401);
  // Signed for another service.
  EXPECT_EQ(Call(kPatientView, request, Jwt("/cds-services/oncnav-order-sign"))->status, 401);
  EXPECT_EQ(Call(kPatientView, request, Jwt(kPatientView, "", -600))->status, 401);

  std::string once = Jwt(kPatientView, "used-once");
  EXPECT_EQ(Call(kPatientView, request, once)->status, 200);
  auto replay = Call(kPatientView, request, once);
  EXPECT_EQ(replay->status, 401);
  EXPECT_EQ(Body(replay)["errors"][0]["field"], "jti");

  // Every call is in the audit log, refusals included.
  json entries = Body(client_->Get("/audit", Bearer(admin_)))["entries"];
  int refused = 0;
  for (const auto& e : entries) refused += e["action"] == "cds-call" && e["outcome"] == 401;
  EXPECT_EQ(refused, 6);
}

TEST_P(ServerTest, CdsCallsAreRefusedUntilAClientIsTrusted) {
  auto r = client_->Post("/cds-services/oncnav-patient-view", Bearer("header.payload.sig"), "{}",
                         "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_NE(Body(r)["errors"][0]["reason"].get<std::string>().find("cds_clients"),
            std::string::npos);
}

TEST_P(CdsServerTest, UnknownServiceAndMalformedBodies) {
  std::string path = "/cds-services/no-such-service";
  EXPECT_EQ(Call(path, json::object())->status, 404);
  auto not_json = client_->Post(kPatientView, Bearer(Jwt(kPatientView)), "{", "application/json");
  EXPECT_EQ(not_json->status, 400);
  EXPECT_EQ(FirstCode(not_json), "cds-bad-request");
  json wrong_hook = Request("order-sign", "hr-positive-her2-low-second-line");
  EXPECT_EQ(Call(kPatientView, wrong_hook)->status, 400);
}

TEST_P(CdsServerTest, MissingPrefetchWithoutFhirServerIs412) {
  json request = Request("patient-view", "hr-positive-her2-low-second-line");
  request["prefetch"].erase("observations");
  auto r = Call(kPatientView, request);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 412) << r->body;
  EXPECT_EQ(Body(r)["errors"][0]["field"], "prefetch.observations");
}

TEST_P(CdsServerTest, MissingPrefetchIsFetchedFromTheClientsFhirServer) {
  json request = Request("patient-view", "hr-positive-her2-low-second-line");
  auto with_prefetch = Call(kPatientView, request);
  ASSERT_EQ(with_prefetch->status, 200);
  FakeFhirServer fhir(request["prefetch"], 200);
  request.erase("prefetch");
  request["fhirServer"] = fhir.url();
  request["fhirAuthorization"] = {{"access_token", "ehr-access-token"},
                                  {"token_type", "Bearer"},
                                  {"expires_in", 300},
                                  {"scope", "patient/*.read"},
                                  {"subject", "oncnav"}};
  auto fetched = Call(kPatientView, request);
  ASSERT_TRUE(fetched);
  ASSERT_EQ(fetched->status, 200) << fetched->body;
  // The same cards as with the prefetch sent (card uuids differ per call).
  json a = Body(with_prefetch)["cards"], b = Body(fetched)["cards"];
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i]["summary"], b[i]["summary"]);
  ASSERT_FALSE(fhir.authorizations().empty());
  for (const auto& auth : fhir.authorizations()) EXPECT_EQ(auth, "Bearer ehr-access-token");
}

TEST_P(CdsServerTest, FhirServerFailureIs412) {
  json request = Request("patient-view", "hr-positive-her2-low-second-line");
  FakeFhirServer fhir(request["prefetch"], 500);
  request.erase("prefetch");
  request["fhirServer"] = fhir.url();
  auto r = Call(kPatientView, request);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 412) << r->body;
  EXPECT_EQ(FirstCode(r), "cds-prefetch-missing");
}

TEST_P(CdsServerTest, OrderSignWarnsOfASecondBoneAgent) {
  json request = Request("order-sign", "hr-positive-bone-only-first-line");
  request["context"]["draftOrders"] = {
      {"resourceType", "Bundle"},
      {"type", "collection"},
      {"entry", {cdstest::DraftOrder("draft-1", "Zoledronic acid 4 MG", "1114085")}}};
  auto r = Call("/cds-services/oncnav-order-sign", request);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json cards = Body(r)["cards"];
  ASSERT_EQ(cards.size(), 1u) << cards.dump(1);
  EXPECT_EQ(cards[0]["indicator"], "warning");
  EXPECT_NE(cards[0]["summary"].get<std::string>().find("denosumab"), std::string::npos);
  cdstest::WriteForOracle("responses", "server-order-sign-" + GetParam(), Body(r));
}

TEST_P(CdsServerTest, FeedbackIsStoredForAdmins) {
  std::string path = std::string(kPatientView) + "/feedback";
  json feedback = {{"feedback",
                    {{{"card", "9368d37b-283f-44a0-93ea-547cebab93ed"},
                      {"outcome", "overridden"},
                      {"overrideReason",
                       {{"reason", {{"system", "http://example.org/reasons"}, {"code", "other"}}},
                        {"userComment", "discussed at the tumour board"}}},
                      {"outcomeTimestamp", "2026-11-22T10:00:00Z"}}}}};
  auto bad = Call(path, {{"feedback", {{{"card", "c"}, {"outcome", "ignored"}}}}});
  EXPECT_EQ(bad->status, 400);
  auto r = Call(path, feedback);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(client_->Get("/cds-feedback", Bearer(clinician_))->status, 403);
  auto stored = client_->Get("/cds-feedback", Bearer(admin_));
  ASSERT_EQ(stored->status, 200);
  json entries = Body(stored)["entries"];
  ASSERT_EQ(entries.size(), 1u) << entries.dump(1);
  EXPECT_EQ(entries[0]["client"], kIssuer);
  EXPECT_EQ(entries[0]["service"], "oncnav-patient-view");
  EXPECT_EQ(entries[0]["outcome"], "overridden");
  EXPECT_EQ(entries[0]["feedback"], feedback["feedback"][0]);
}

INSTANTIATE_TEST_SUITE_P(Backends, CdsServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace oncnav::testing
