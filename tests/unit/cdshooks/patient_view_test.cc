#include "oncnav/cdshooks/patient_view.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "cds_test_support.h"
#include "oncnav/cdshooks/card_language.h"
#include "oncnav/common/text.h"
#include "oncnav/fhir/bundle_import.h"
#include "oncnav/report/bone_text.h"
#include "oncnav/report/therapy_json.h"

namespace oncnav {
namespace {

using cdstest::Defaults;
using cdstest::ExampleBundle;
using cdstest::Pack;
using cdstest::ReadJson;
using cdstest::RequestFor;

size_t Chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The engine's own view of the same bundle: the oracle the cards must agree with.
Evaluation EvaluateBundle(const Json& bundle, ImportedRecord& keep, const std::string& lang) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  EXPECT_EQ(parser.parse(bundle.dump()).get(root), simdjson::SUCCESS);
  auto imported = ImportFhirBundle(root, Pack(), Defaults().as_of);
  EXPECT_TRUE(imported.ok());
  keep = std::move(imported).value();
  return Evaluate(keep, Pack(), {Defaults().as_of, "jp", lang, 0});
}

void ExpectWellFormedCard(const Json& card) {
  ASSERT_TRUE(card.contains("uuid"));
  EXPECT_EQ(card["uuid"].get<std::string>().size(), 36u);
  EXPECT_LT(Chars(card["summary"]), 140u) << card["summary"];
  EXPECT_FALSE(card["summary"].get<std::string>().empty());
  const std::string indicator = card["indicator"];
  EXPECT_TRUE(indicator == "info" || indicator == "warning" || indicator == "critical");
  EXPECT_FALSE(card["source"]["label"].get<std::string>().empty());
  if (card.contains("detail")) {
    EXPECT_FALSE(card["detail"].get<std::string>().empty());
  }
}

class PatientViewExamples : public testing::TestWithParam<const char*> {};

// Each example patient (mCODE-style bundles) gets one options card, one bone-plan card when it
// has bone metastases, one card per safety alert and one card for the missing tests, exactly as
// the engine evaluates the same bundle.
TEST_P(PatientViewExamples, CardsFollowTheEvaluation) {
  const Json bundle = ReadJson(ExampleBundle(GetParam()));
  CdsResult r = HandlePatientView(RequestFor("patient-view", bundle), Pack(), Defaults());
  ASSERT_EQ(r.outcome, CdsOutcome::kCards) << r.body.dump(1);
  ASSERT_EQ(r.http_status, 200);
  cdstest::WriteForOracle("responses", Cat({"patient-view-", GetParam()}), r.body);

  ImportedRecord record;
  Evaluation ev = EvaluateBundle(bundle, record, "en");
  const Json& cards = r.body["cards"];
  const bool bone = ev.bone.bone_metastasis || !ev.bone.uses.empty();
  const size_t expected = (ev.therapy.options.empty() ? 0 : 1) + (bone ? 1 : 0) + ev.alerts.size() +
                          (ev.tests_needed.empty() ? 0 : 1);
  ASSERT_EQ(cards.size(), expected) << r.body.dump(1);
  for (const auto& card : cards) ExpectWellFormedCard(card);

  size_t next = 0;
  if (!ev.therapy.options.empty()) {
    const Json& options = cards[next++];
    EXPECT_EQ(options["indicator"], "info");
    const std::string label = OptionLabel(ev.therapy.options.front(), Pack(), "en");
    const std::string detail = options["detail"];
    EXPECT_NE(detail.find(label), std::string::npos) << detail;
    EXPECT_NE(
        detail.find(ev.therapy.options.front().option ? ev.therapy.options.front().option->rule.id
                                                      : "RA-01"),
        std::string::npos);
  }
  if (bone) {
    const Json& card = cards[next++];
    EXPECT_EQ(card["indicator"], "info");
    const std::string detail = card["detail"];
    for (const auto& o : ev.bone.options) {
      EXPECT_NE(detail.find(BoneOptionLine(o, Pack(), "en")), std::string::npos) << detail;
    }
    for (const auto& c : ev.bone.checklist) {
      if (c.status == "done") continue;
      EXPECT_NE(detail.find(Pack().texts.Render("en", Cat({"bone.check.", c.item->id}))),
                std::string::npos)
          << detail;
    }
  }
  for (const auto& alert : ev.alerts) {
    const Json& card = cards[next++];
    EXPECT_EQ(card["indicator"], std::string(SeverityName(alert.severity)));
    EXPECT_NE(card["detail"].get<std::string>().find(alert.rule), std::string::npos);
  }
  if (!ev.tests_needed.empty()) {
    const std::string detail = cards[next]["detail"];
    for (const auto& t : ev.tests_needed) {
      EXPECT_NE(detail.find(Pack().texts.Render("en", t.code, t.params)), std::string::npos);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(All, PatientViewExamples,
                         testing::Values("hr-positive-bone-only-first-line",
                                         "hr-positive-her2-low-second-line",
                                         "her2-positive-brain-metastases-third-line",
                                         "tnbc-first-line-relapse-after-neoadjuvant",
                                         "hr-positive-her2-gain-at-progression"));

// The patient with bone metastases and no bone-modifying agent yet: the bone card names the
// agents that can be started, and a Japanese card is in Japanese.
TEST(PatientView, BoneCardProposesAnAgent) {
  const Json bundle = ReadJson(ExampleBundle("hr-positive-her2-low-second-line"));
  ImportedRecord record;
  Json cards = PatientViewCards(EvaluateBundle(bundle, record, "ja"), Pack(), "ja");
  bool found = false;
  for (const auto& card : cards) {
    const std::string summary = card["summary"];
    if (summary.rfind("骨転移", 0) != 0) continue;
    found = true;
    EXPECT_NE(summary.find("デノスマブ"), std::string::npos) << summary;
  }
  EXPECT_TRUE(found) << cards.dump(1);
}

// The bone-only first-line patient: the first card proposes to continue the current regimen.
TEST(PatientView, BoneOnlyFirstLineContinues) {
  const Json bundle = ReadJson(ExampleBundle("hr-positive-bone-only-first-line"));
  CdsResult r = HandlePatientView(RequestFor("patient-view", bundle), Pack(), Defaults());
  ASSERT_EQ(r.outcome, CdsOutcome::kCards);
  const std::string summary = r.body["cards"][0]["summary"];
  EXPECT_NE(summary.find("continue"), std::string::npos) << summary;
}

TEST(PatientView, NullPrefetchMeansNoDataAndStillAnswers) {
  const Json bundle = ReadJson(ExampleBundle("hr-positive-bone-only-first-line"));
  Json req = RequestFor("patient-view", bundle);
  req["prefetch"]["adverseEvents"] = nullptr;  // the client has none
  CdsResult r = HandlePatientView(req, Pack(), Defaults());
  EXPECT_EQ(r.outcome, CdsOutcome::kCards);
}

TEST(PatientView, OperationOutcomeCountsAsMissingPrefetch) {
  const Json bundle = ReadJson(ExampleBundle("hr-positive-bone-only-first-line"));
  Json req = RequestFor("patient-view", bundle);
  req["prefetch"]["observations"] = {{"resourceType", "OperationOutcome"}};
  CdsResult r = HandlePatientView(req, Pack(), Defaults());
  EXPECT_EQ(r.http_status, 412);
  req["fhirServer"] = "https://ehr.example.org/fhir";
  r = HandlePatientView(req, Pack(), Defaults());
  ASSERT_EQ(r.outcome, CdsOutcome::kFetchNeeded);
  ASSERT_EQ(r.fetch.size(), 1u);
  EXPECT_EQ(r.fetch.begin()->first, "observations");
}

TEST(PatientView, PrefetchedPatientMustBeTheContextPatient) {
  const Json bundle = ReadJson(ExampleBundle("hr-positive-bone-only-first-line"));
  Json req = RequestFor("patient-view", bundle);
  req["context"]["patientId"] = "someone-else";
  CdsResult r = HandlePatientView(req, Pack(), Defaults());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.errors.front().field, "prefetch.patient.id");
}

TEST(PatientView, MalformedBodiesAre400) {
  for (const char* body : {R"([])", R"({})", R"({"hook":"patient-view"})",
                           R"({"hook":"patient-view","hookInstance":"x","context":[]})",
                           R"({"hook":"patient-view","hookInstance":null,"context":{}})",
                           R"({"hook":"patient-view","hookInstance":"x","fhirServer":"ftp://a",
                               "context":{"userId":"Practitioner/1","patientId":"1"}})",
                           R"({"hook":"patient-view","hookInstance":"x",
                               "context":{"userId":"Device/1","patientId":"1"}})"}) {
    CdsResult r = HandlePatientView(Json::parse(body), Pack(), Defaults());
    EXPECT_EQ(r.http_status, 400) << body;
    EXPECT_EQ(r.outcome, CdsOutcome::kError);
    EXPECT_TRUE(r.body.contains("errors"));
  }
}

// Prefetch values of the wrong shape are 400s naming the key, never a crash.
TEST(PatientView, MalformedPrefetchIs400) {
  const Json bundle = ReadJson(ExampleBundle("hr-positive-bone-only-first-line"));
  const std::vector<std::pair<std::string, Json>> cases = {
      {"conditions", "Condition?patient=1"},
      {"patient", Json::array()},
      {"observations", {{"resourceType", "Bundle"}, {"entry", {{"x", 1}}}}},
      {"observations", {{"resourceType", "Bundle"}, {"entry", Json::array({{{"resource", 7}}})}}},
      {"medicationRequests", {{"resourceType", "Bundle"}, {"entry", "none"}}},
  };
  for (const auto& [key, value] : cases) {
    Json req = RequestFor("patient-view", bundle);
    req["prefetch"][key] = value;
    CdsResult r = HandlePatientView(req, Pack(), Defaults());
    EXPECT_EQ(r.http_status, 400) << key << " " << value.dump();
    ASSERT_FALSE(r.errors.empty());
    EXPECT_TRUE(r.errors.front().field.starts_with(Cat({"prefetch.", key})))
        << r.errors.front().field;
  }
}

// CDS Hooks has no locale: the card language follows the prefetched Practitioner, then the
// Patient, then the deployment default.
TEST(CardLanguageTest, PractitionerThenPatientThenDefault) {
  Json prefetch = Json::object();
  EXPECT_EQ(CardLanguage(prefetch, "zh"), "zh");
  prefetch["patient"] = Json::parse(R"({"resourceType":"Patient","id":"p","communication":[
      {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"fr"}]}},
      {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en"}]}},
      {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"ja-JP"}]},"preferred":true}]})");
  EXPECT_EQ(CardLanguage(prefetch, "en"), "ja");  // preferred wins over order
  prefetch["practitioner"] = Json::parse(R"({"resourceType":"Practitioner","id":"d",
      "communication":[{"coding":[{"system":"urn:ietf:bcp:47","code":"zh-Hans"}]}]})");
  EXPECT_EQ(CardLanguage(prefetch, "en"), "zh");
  prefetch["practitioner"]["communication"] = Json::array();
  EXPECT_EQ(CardLanguage(prefetch, "en"), "ja");
}

// The HR+/HER2-low second-line patient is on a working regimen: the first card says continue.
TEST(PatientView, CardsInThePatientsLanguage) {
  const Json bundle = ReadJson(ExampleBundle("hr-positive-her2-low-second-line"));
  Json req = RequestFor("patient-view", bundle);
  req["prefetch"]["patient"]["communication"] =
      Json::parse(R"([{"language":{"coding":[{"code":"ja"}]},"preferred":true}])");
  CdsResult ja = HandlePatientView(req, Pack(), Defaults("en"));
  ASSERT_EQ(ja.outcome, CdsOutcome::kCards);
  EXPECT_EQ(ja.lang, "ja");
  ImportedRecord record;
  Evaluation ev = EvaluateBundle(bundle, record, "ja");
  ASSERT_FALSE(ev.therapy.options.empty());
  const std::string label = OptionLabel(ev.therapy.options.front(), Pack(), "ja");
  EXPECT_NE(ja.body["cards"][0]["detail"].get<std::string>().find(label), std::string::npos);
  EXPECT_NE(ja.body["cards"][0]["summary"].get<std::string>().find("継続"), std::string::npos);

  req["prefetch"]["patient"].erase("communication");
  CdsResult zh = HandlePatientView(req, Pack(), Defaults("zh"));
  EXPECT_EQ(zh.lang, "zh");
  EXPECT_NE(zh.body["cards"][0]["summary"].get<std::string>().find("继续"), std::string::npos);
}

}  // namespace
}  // namespace oncnav
