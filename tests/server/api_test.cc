// Every endpoint over HTTP against a real `oncnav serve` on loopback.
#include <set>

#include "server_test_support.h"

namespace oncnav::testing {
namespace {

const char* kNative = "native/hr-positive-her2-low-second-line.json";

std::string NativeId() { return json::parse(Example(kNative))["patient"]["id"].get<std::string>(); }

TEST_P(ServerTest, HealthAndOpenApiArePublicAndListEveryRoute) {
  auto health = client_->Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(Body(health)["store"], GetParam());

  auto doc = client_->Get("/openapi.json");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->status, 200);
  json api = Body(doc);
  EXPECT_EQ(api["openapi"], "3.0.3");
  const std::set<std::pair<std::string, std::string>> expected = {
      {"/patients", "post"},
      {"/patients", "get"},
      {"/patients/{id}", "get"},
      {"/patients/{id}", "put"},
      {"/patients/{id}", "delete"},
      {"/patients/{id}/history", "get"},
      {"/patients/{id}/revisions/{revision}", "get"},
      {"/patients/{id}/evaluation", "get"},
      {"/patients/{id}/fhir", "get"},
      {"/audit", "get"},
      {"/users", "get"},
      {"/users", "post"},
      {"/cds-feedback", "get"},
      {"/cds-services", "get"},
      {"/cds-services/{id}", "post"},
      {"/cds-services/{id}/feedback", "post"},
      {"/health", "get"},
      {"/openapi.json", "get"}};
  std::set<std::pair<std::string, std::string>> found;
  for (const auto& [path, ops] : api["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      found.insert({path, method});
      EXPECT_TRUE(op.contains("responses")) << path << " " << method;
    }
  }
  EXPECT_EQ(found, expected);
  EXPECT_EQ(api["paths"]["/patients/{id}"]["put"]["x-oncnav-role"], "clinician");
  EXPECT_EQ(api["paths"]["/audit"]["get"]["x-oncnav-role"], "admin");
}

TEST_P(ServerTest, CreateReadUpdateDeleteWithRevisions) {
  std::string id = NativeId();
  std::string doc = Example(kNative);
  auto created = client_->Post("/patients", Bearer(clinician_), doc, "application/json");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(created->get_header_value("ETag"), "\"1\"");
  EXPECT_EQ(Body(created)["id"], id);
  EXPECT_EQ(Body(created)["format"], "oncnav");
  EXPECT_TRUE(Body(created)["warnings"].is_array());

  auto again = client_->Post("/patients", Bearer(clinician_), doc, "application/json");
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(FirstCode(again), "conflict");

  auto read = client_->Get("/patients/" + id, Bearer(viewer_));
  ASSERT_EQ(read->status, 200);
  EXPECT_EQ(read->get_header_value("ETag"), "\"1\"");
  EXPECT_EQ(Body(read)["record"], json::parse(doc));
  EXPECT_EQ(Body(read)["author"], "carol");

  auto list = client_->Get("/patients?q=" + id.substr(0, 6), Bearer(viewer_));
  ASSERT_EQ(list->status, 200);
  ASSERT_EQ(Body(list)["patients"].size(), 1u);
  EXPECT_EQ(Body(list)["patients"][0]["id"], id);

  // An update needs If-Match; a stale one is a conflict and writes nothing.
  auto no_match = client_->Put("/patients/" + id, Bearer(clinician_), doc, "application/json");
  EXPECT_EQ(no_match->status, 428);
  EXPECT_EQ(FirstCode(no_match), "precondition-required");
  auto updated =
      client_->Put("/patients/" + id, BearerIfMatch(clinician_, "\"1\""), doc, "application/json");
  ASSERT_EQ(updated->status, 200) << updated->body;
  EXPECT_EQ(updated->get_header_value("ETag"), "\"2\"");
  auto stale =
      client_->Put("/patients/" + id, BearerIfMatch(clinician_, "\"1\""), doc, "application/json");
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(FirstCode(stale), "conflict");
  EXPECT_EQ(Body(stale)["errors"][0]["field"], "If-Match");

  // The id in the body must be the id in the URL.
  auto other = client_->Put("/patients/" + id, BearerIfMatch(clinician_, "\"2\""),
                            WithId(doc, id, "someone-else"), "application/json");
  EXPECT_EQ(other->status, 422);

  auto history = client_->Get("/patients/" + id + "/history", Bearer(viewer_));
  ASSERT_EQ(history->status, 200);
  ASSERT_EQ(Body(history)["revisions"].size(), 2u);
  EXPECT_EQ(Body(history)["revisions"][1]["action"], "update");

  httplib::Headers with_reason = BearerIfMatch(clinician_, "2");
  with_reason.insert({"X-Reason", "duplicate entry"});
  auto deleted = client_->Delete("/patients/" + id, with_reason);
  ASSERT_EQ(deleted->status, 200) << deleted->body;
  EXPECT_EQ(client_->Get("/patients/" + id, Bearer(viewer_))->status, 410);
  EXPECT_EQ(client_->Get("/patients/" + id + "/evaluation", Bearer(viewer_))->status, 410);
  auto after = client_->Get("/patients/" + id + "/history", Bearer(viewer_));
  ASSERT_EQ(Body(after)["revisions"].size(), 3u);
  EXPECT_EQ(Body(after)["revisions"][2]["action"], "delete");
  EXPECT_EQ(Body(after)["revisions"][2]["reason"], "duplicate entry");
  auto first = client_->Get("/patients/" + id + "/revisions/1", Bearer(viewer_));
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(Body(first)["record"], json::parse(doc));
  EXPECT_EQ(Body(client_->Get("/patients", Bearer(viewer_)))["patients"].size(), 0u);
  EXPECT_EQ(
      Body(client_->Get("/patients?include_deleted=true", Bearer(viewer_)))["patients"].size(), 1u);

  // A deleted patient is restored by an update against the deletion revision.
  auto restored =
      client_->Put("/patients/" + id, BearerIfMatch(clinician_, "\"3\""), doc, "application/json");
  EXPECT_EQ(restored->status, 200);
  EXPECT_EQ(client_->Get("/patients/" + id, Bearer(viewer_))->status, 200);
}

TEST_P(ServerTest, EvaluationIsTheCliOutput) {
  std::string path = std::string(ONCNAV_SOURCE_DIR) + "/examples/" + kNative;
  ASSERT_EQ(
      client_->Post("/patients", Bearer(clinician_), Example(kNative), "application/json")->status,
      201);
  for (const char* lang : {"en", "ja"}) {
    auto cli = RunCli({"evaluate", path, "--format", "json", "--region", "us", "--lang", lang,
                       "--as-of", "2026-11-01"});
    ASSERT_EQ(cli.status, 0);
    auto served = client_->Get(
        "/patients/" + NativeId() + "/evaluation?region=us&as_of=2026-11-01&lang=" + lang,
        Bearer(viewer_));
    ASSERT_EQ(served->status, 200) << served->body;
    EXPECT_EQ(json::parse(served->body), json::parse(cli.out)) << lang;
  }
  auto bad = client_->Get("/patients/" + NativeId() + "/evaluation?region=mars&as_of=yesterday",
                          Bearer(viewer_));
  EXPECT_EQ(bad->status, 422);
  EXPECT_EQ(Body(bad)["errors"].size(), 2u);
  EXPECT_EQ(Body(bad)["errors"][0]["field"], "region");
}

// A repeated evaluation may come from the server's cache; it must be the same document, and a
// new revision must never be answered with the evaluation of the old one.
TEST_P(ServerTest, RepeatedEvaluationFollowsTheNewestRevision) {
  std::string id = NativeId();
  ASSERT_EQ(
      client_->Post("/patients", Bearer(clinician_), Example(kNative), "application/json")->status,
      201);
  std::string path = "/patients/" + id + "/evaluation?as_of=2026-11-01";
  auto first = client_->Get(path, Bearer(viewer_));
  auto again = client_->Get(path, Bearer(viewer_));
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(again->get_header_value("ETag"), "\"1\"");

  // Revision 2 is another patient's history under this id.
  std::string other = Example("native/tnbc-first-line-relapse-after-neoadjuvant.json");
  std::string other_id = json::parse(other)["patient"]["id"];
  auto updated = client_->Put("/patients/" + id, BearerIfMatch(clinician_, "\"1\""),
                              WithId(other, other_id, id), "application/json");
  ASSERT_EQ(updated->status, 200) << updated->body;
  auto after = client_->Get(path, Bearer(viewer_));
  ASSERT_EQ(after->status, 200);
  EXPECT_EQ(after->get_header_value("ETag"), "\"2\"");
  EXPECT_NE(json::parse(after->body)["subtype"], json::parse(first->body)["subtype"]);
}

TEST_P(ServerTest, FhirBundleIsAcceptedAndExported) {
  std::string bundle = Example("fhir/hr-positive-bone-only-first-line.json");
  auto created = client_->Post("/patients", Bearer(clinician_), bundle, "application/fhir+json");
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(Body(created)["format"], "fhir");
  std::string id = Body(created)["id"];
  auto exported = client_->Get("/patients/" + id + "/fhir", Bearer(viewer_));
  ASSERT_EQ(exported->status, 200);
  json b = Body(exported);
  EXPECT_EQ(b["resourceType"], "Bundle");
  EXPECT_GT(b["entry"].size(), 3u);
  auto ev = client_->Get("/patients/" + id + "/evaluation", Bearer(viewer_));
  EXPECT_EQ(ev->status, 200);
}

TEST_P(ServerTest, BadInputIsAClearErrorAndWritesNothing) {
  struct Case {
    std::string body;
    int status;
    std::string code;
  };
  std::string doc = Example(kNative);
  std::string impossible = doc;
  impossible.replace(impossible.find("\"er_percent\": ") + 14, 1, "14");  // er_percent >= 140
  const std::vector<Case> cases = {
      {"", 400, "invalid-json"},
      {"{not json", 400, "invalid-json"},
      {"[1, 2]", 415, "unknown-format"},
      {"{}", 415, "unknown-format"},
      {"{\"resourceType\": \"Patient\"}", 422, ""},
      {WithId(doc, NativeId(), "bad id with spaces"), 422, "invalid-value"},
      {impossible, 422, ""},
  };
  for (const auto& c : cases) {
    auto r = client_->Post("/patients", Bearer(clinician_), c.body, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, c.status) << c.body.substr(0, 60) << " -> " << r->body;
    json j = Body(r);
    ASSERT_TRUE(j.contains("errors")) << r->body;
    EXPECT_FALSE(j["errors"][0]["reason"].get<std::string>().empty());
    if (!c.code.empty()) {
      EXPECT_EQ(j["errors"][0]["code"], c.code);
    }
  }
  EXPECT_EQ(Body(client_->Get("/patients?include_deleted=true", Bearer(viewer_)))["patients"],
            json::array());

  // Bodies above max_body_bytes are refused before they are read.
  std::string huge(9u << 20, ' ');
  auto big = client_->Post("/patients", Bearer(clinician_), huge, "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(FirstCode(big), "payload-too-large");

  EXPECT_EQ(client_->Get("/patients/nobody", Bearer(viewer_))->status, 404);
  EXPECT_EQ(FirstCode(client_->Get("/no/such/endpoint")), "not-found");
  EXPECT_EQ(client_->Get("/patients?limit=0", Bearer(viewer_))->status, 422);
  EXPECT_EQ(client_->Get("/patients/x/revisions/abc", Bearer(viewer_))->status, 422);
  ASSERT_EQ(client_->Post("/patients", Bearer(clinician_), doc, "application/json")->status, 201);
  auto bad_etag = client_->Put("/patients/" + NativeId(), BearerIfMatch(clinician_, "one"), doc,
                               "application/json");
  EXPECT_EQ(bad_etag->status, 400);
  // The server is still up after all of it.
  EXPECT_EQ(client_->Get("/health")->status, 200);
}

TEST_P(ServerTest, AdminCreatesUsersWhoseTokensWork) {
  auto made = client_->Post("/users", Bearer(admin_), R"({"name": "nina", "role": "viewer"})",
                            "application/json");
  ASSERT_EQ(made->status, 201) << made->body;
  std::string token = Body(made)["token"];
  EXPECT_EQ(client_->Get("/patients", Bearer(token))->status, 200);
  auto dup = client_->Post("/users", Bearer(admin_), R"({"name": "nina", "role": "viewer"})",
                           "application/json");
  EXPECT_EQ(dup->status, 409);
  auto bad =
      client_->Post("/users", Bearer(admin_), R"({"name": "", "role": "god"})", "application/json");
  EXPECT_EQ(bad->status, 422);
  auto users = Body(client_->Get("/users", Bearer(admin_)));
  EXPECT_EQ(users["users"].size(), 4u);
  EXPECT_EQ(users.dump().find("oncnav_"), std::string::npos);  // no token is ever listed
  // The token is stored only as a hash.
  if (sqlite()) {
    EXPECT_EQ(ReadFile(db_path()).find(token), std::string::npos);
  }
}

TEST(ServerStart, RefusesAMissingOrOldSchemaWithWhatToRun) {
  TempDir dir;
  {
    ServerProcess server(dir.path());
    EXPECT_FALSE(server.started());
    EXPECT_NE(server.exit_status(), 0);
    EXPECT_NE(server.stderr_text().find("oncnav db upgrade"), std::string::npos)
        << server.stderr_text();
  }
  // An empty database file (schema 0) is refused the same way.
  ASSERT_EQ(RunCli({"db", "status", "--data-dir", dir.path()}).status, 2);  // no file yet
  {
    std::FILE* f = std::fopen((dir.path() + "/oncnav.db").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fclose(f);
    ServerProcess server(dir.path());
    EXPECT_FALSE(server.started());
    EXPECT_EQ(server.exit_status(), 78);
    EXPECT_NE(server.stderr_text().find("schema version 0"), std::string::npos)
        << server.stderr_text();
  }
  EXPECT_EQ(RunCli({"db", "upgrade", "--data-dir", dir.path()}).status, 0);
  auto status = RunCli({"db", "status", "--data-dir", dir.path()});
  EXPECT_EQ(status.status, 0) << status.out;
  ServerProcess server(dir.path());
  EXPECT_TRUE(server.started()) << server.stderr_text();
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace oncnav::testing
