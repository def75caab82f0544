// Every example of the CDS Hooks specification (../shared/data/cds-hooks/examples) is accepted
// or rejected as the specification requires. Most examples are fragments (a context, a
// fhirAuthorization, a prefetch): they are placed into a request envelope for the hook they
// illustrate. Response, discovery and card-part examples are checked by the ajv oracle
// (tests/oracle/validate_cds.mjs) against schemas/cds-hooks/*.schema.json.
#include <gtest/gtest.h>

#include "cds_test_support.h"
#include "oncnav/cdshooks/feedback.h"
#include "oncnav/cdshooks/order_sign.h"
#include "oncnav/cdshooks/patient_view.h"
#include "oncnav/cdshooks/prefetch.h"
#include "oncnav/cdshooks/request.h"

namespace oncnav {
namespace {

using cdstest::Defaults;
using cdstest::Knowledge;
using cdstest::Pack;
using cdstest::ReadJson;
using cdstest::SpecExample;

Json Envelope(const std::string& hook, const Json& context) {
  return {{"hook", hook},
          {"hookInstance", "6f1e0a3c-0000-4000-8000-000000000001"},
          {"context", context}};
}

CdsResult Call(const std::string& hook, const Json& request) {
  if (hook == "patient-view") return HandlePatientView(request, Pack(), Defaults());
  if (hook == "order-select") return HandleOrderSelect(request, Pack(), Knowledge(), Defaults());
  return HandleOrderSign(request, Pack(), Knowledge(), Defaults());
}

bool HasErrorOn(const CdsResult& r, const std::string& field) {
  for (const auto& e : r.errors) {
    if (e.field == field) return true;
  }
  return false;
}

// A full patient-view request with fhirServer and fhirAuthorization whose prefetch holds only
// another service's key: valid, but oncnav's prefetch is missing, so the server must fetch it
// from the FHIR server (the spec: fetch, or 412 if it cannot).
TEST(CdsSpecExamples, FullRequestWithFhirServerAsksToFetch) {
  Json req = ReadJson(SpecExample("current.02.example.json"));
  ASSERT_TRUE(ParseCdsRequest(req, "patient-view").ok());
  CdsResult r = HandlePatientView(req, Pack(), Defaults());
  ASSERT_EQ(r.outcome, CdsOutcome::kFetchNeeded);
  EXPECT_EQ(r.fhir_server, "http://hooks.smarthealthit.org:9080");
  EXPECT_EQ(r.fetch.at("patient"), "Patient/1288992");
  EXPECT_EQ(r.fetch.at("conditions"), "Condition?patient=1288992");
  EXPECT_EQ(r.fetch.at("adverseEvents"), "AdverseEvent?subject=1288992");
  EXPECT_FALSE(r.fetch.contains("practitioner"));  // optional keys are not fetched
}

// The same request without fhirServer/fhirAuthorization: nothing to fetch from, so 412.
TEST(CdsSpecExamples, MissingPrefetchWithoutFhirServerIs412) {
  Json req = ReadJson(SpecExample("current.02.example.json"));
  req.erase("fhirServer");
  req.erase("fhirAuthorization");
  CdsResult r = HandlePatientView(req, Pack(), Defaults());
  EXPECT_EQ(r.outcome, CdsOutcome::kError);
  EXPECT_EQ(r.http_status, 412);
  EXPECT_TRUE(HasErrorOn(r, "prefetch.patient"));
}

// fhirAuthorization without fhirServer violates the CONDITIONAL rule.
TEST(CdsSpecExamples, AuthorizationWithoutFhirServerIs400) {
  Json req = ReadJson(SpecExample("current.02.example.json"));
  req.erase("fhirServer");
  CdsResult r = HandlePatientView(req, Pack(), Defaults());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_TRUE(HasErrorOn(r, "fhirServer"));
}

// The extensions example calls patient-view without context.patientId (REQUIRED): 400.
TEST(CdsSpecExamples, ExtensionExampleLacksPatientId) {
  Json req = ReadJson(SpecExample("current.23.extensions.json"));
  CdsResult r = HandlePatientView(req, Pack(), Defaults());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_TRUE(HasErrorOn(r, "context.patientId"));
}

TEST(CdsSpecExamples, AccessTokenExampleIsAValidFhirAuthorization) {
  Json req = Envelope("patient-view", {{"userId", "Practitioner/a"}, {"patientId", "1"}});
  req["fhirServer"] = "https://fhir.example.org";
  req["fhirAuthorization"] = ReadJson(
      SpecExample("current.09.passing-the-access-token-to-the-cds-serv.json"))["fhirAuthorization"];
  EXPECT_TRUE(ParseCdsRequest(req, "patient-view").ok());
  req["fhirAuthorization"]["token_type"] = "MAC";
  EXPECT_FALSE(ParseCdsRequest(req, "patient-view").ok());
}

struct ContextCase {
  const char* file;
  const char* hook;
  int status;         // 400: the context breaks the hook's table; 412: valid, no prefetch
  const char* field;  // the field a 400 names
};

class CdsContextExamples : public testing::TestWithParam<ContextCase> {};

// Each context example in a request for the hook it illustrates, without prefetch or
// fhirServer: a context that satisfies the hook's REQUIRED fields gets 412 (prefetch missing),
// one that does not gets 400 naming the field.
TEST_P(CdsContextExamples, AcceptedOrRejectedAsTheHookRequires) {
  const auto& c = GetParam();
  Json context = ReadJson(SpecExample(c.file))["context"];
  CdsResult r = Call(c.hook, Envelope(c.hook, context));
  EXPECT_EQ(r.http_status, c.status) << c.file << "\n" << r.body.dump(1);
  if (c.status == 400) {
    EXPECT_TRUE(HasErrorOn(r, c.field)) << c.file << r.body.dump(1);
  }
}

INSTANTIATE_TEST_SUITE_P(
    All, CdsContextExamples,
    testing::Values(
        ContextCase{"patient-view.01.examples.normalized.json", "patient-view", 412, ""},
        ContextCase{"patient-view.02.examples.normalized.json", "patient-view", 412, ""},
        ContextCase{"current.25.what-s-the-difference.normalized.json", "patient-view", 412, ""},
        ContextCase{"current.04.example-prefetch-token.json", "patient-view", 400,
                    "context.userId"},
        ContextCase{"current.27.examples.normalized.json", "patient-view", 400,
                    "context.patientId"},
        ContextCase{"order-sign.01.example-r4.json", "order-sign", 412, ""},
        ContextCase{"order-sign.02.example-stu3.json", "order-sign", 412, ""},
        ContextCase{"order-sign.03.example-dstu2.normalized.json", "order-sign", 412, ""},
        ContextCase{"order-select.01.example-r4.json", "order-select", 412, ""},
        ContextCase{"order-select.02.example-stu3.json", "order-select", 412, ""},
        ContextCase{"order-select.03.example-dstu2.normalized.json", "order-select", 412, ""},
        ContextCase{"current.05.example-prefetch-token.json", "order-sign", 400, "context.userId"},
        ContextCase{"current.06.example-prefetch-token.json", "order-sign", 400,
                    "context.patientId"},
        ContextCase{"order-dispatch.01.example-r4.normalized.json", "order-sign", 400,
                    "context.draftOrders"}));

// A request whose hook is not the service's is refused.
TEST(CdsSpecExamples, HookMustMatchTheService) {
  Json context = ReadJson(SpecExample("order-select.01.example-r4.json"))["context"];
  CdsResult r = HandleOrderSign(Envelope("order-select", context), Pack(), Knowledge(), Defaults());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_TRUE(HasErrorOn(r, "hook"));
}

// The prefetch template examples resolve with the example context of the same section.
TEST(CdsSpecExamples, PrefetchTemplatesResolve) {
  Json context = ReadJson(SpecExample("current.04.example-prefetch-token.json"))["context"];
  Json templates = ReadJson(SpecExample("current.07.example-prefetch-templates.json"))["prefetch"];
  EXPECT_EQ(ResolvePrefetchTemplate(templates["patient"].get<std::string>(), context),
            "Patient/123");
  EXPECT_EQ(ResolvePrefetchTemplate(templates["hemoglobin-a1c"].get<std::string>(), context),
            "Observation?patient=123&code=4548-4&_count=1&sort:desc=date");
  // {{userPractitionerRoleId}} needs a PractitionerRole user, which this context lacks.
  EXPECT_FALSE(ResolvePrefetchTemplate(templates["user"].get<std::string>(), context));
  context["userId"] = "PractitionerRole/123";
  EXPECT_EQ(ResolvePrefetchTemplate(templates["user"].get<std::string>(), context),
            "PractitionerRole?_id=123");
}

TEST(CdsSpecExamples, FeedbackExamplesAreAccepted) {
  for (const char* file : {"current.19.example-suggestion-accepted.normalized.json",
                           "current.20.example-overridden-guidance-without-over.normalized.json",
                           "current.21.example-overridden-guidance-with-overrid.normalized.json"}) {
    auto parsed = ParseFeedback(ReadJson(SpecExample(file)));
    ASSERT_TRUE(parsed.ok()) << file << ": " << parsed.error().ToString();
    EXPECT_EQ(parsed->items.size(), 1u);
  }
  auto accepted = ParseFeedback(
      ReadJson(SpecExample("current.19.example-suggestion-accepted.normalized.json")));
  EXPECT_EQ(accepted->items[0].accepted_suggestions[0], "e56e1945-20b3-4393-8503-a1a20fd73152");
  auto reason = ParseFeedback(
      ReadJson(SpecExample("current.21.example-overridden-guidance-with-overrid.normalized.json")));
  ASSERT_TRUE(reason->items[0].override_reason);
  EXPECT_EQ(reason->items[0].override_reason->code, "d7ecf885");
  EXPECT_EQ(reason->items[0].user_comment, "A comment entered by the clinician.");
}

}  // namespace
}  // namespace oncnav
