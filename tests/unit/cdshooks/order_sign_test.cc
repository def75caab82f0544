#include "oncnav/cdshooks/order_sign.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "cds_test_support.h"
#include "oncnav/cdshooks/order_checks.h"
#include "oncnav/cdshooks/prefetch_bundle.h"
#include "oncnav/common/text.h"
#include "oncnav/fhir/bundle_import.h"

namespace oncnav {
namespace {

using cdstest::Defaults;
using cdstest::DraftOrder;
using cdstest::ExampleBundle;
using cdstest::Knowledge;
using cdstest::Pack;
using cdstest::ReadJson;
using cdstest::RequestFor;

constexpr const char* kBoneOnly = "hr-positive-bone-only-first-line";          // denosumab active
constexpr const char* kHer2Low = "hr-positive-her2-low-second-line";           // no bone agent
constexpr const char* kHer2Pos = "her2-positive-brain-metastases-third-line";  // ILD on T-DXd

Json OrderRequest(const Json& bundle, const Json& drafts, const std::string& hook = "order-sign") {
  Json req = RequestFor(hook, bundle);
  req["context"]["draftOrders"] = {
      {"resourceType", "Bundle"}, {"type", "collection"}, {"entry", drafts}};
  return req;
}

CdsResult Sign(const Json& bundle, const Json& drafts) {
  return HandleOrderSign(OrderRequest(bundle, drafts), Pack(), Knowledge(), Defaults());
}

// The findings behind the cards, so tests can name the check that fired.
std::vector<std::string> Codes(const Json& bundle, const Json& drafts) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  EXPECT_EQ(parser.parse(bundle.dump()).get(root), simdjson::SUCCESS);
  auto imported = ImportFhirBundle(root, Pack(), Defaults().as_of);
  EXPECT_TRUE(imported.ok());
  Evaluation ev = Evaluate(*imported, Pack(), {Defaults().as_of, "jp", "en", 0});
  Json draft_bundle = {{"resourceType", "Bundle"}, {"entry", drafts}};
  std::vector<std::string> codes;
  for (const auto& f :
       CheckDraftOrders(DraftMedications(draft_bundle, nullptr, Pack()), ev, Pack(), Knowledge())) {
    codes.push_back(f.code);
  }
  return codes;
}

Json Observation(const std::string& id, const std::string& loinc, double value,
                 const std::string& unit, const std::string& date, const std::string& patient) {
  return {
      {"resource",
       {{"resourceType", "Observation"},
        {"id", id},
        {"status", "final"},
        {"code", {{"coding", Json::array({{{"system", "http://loinc.org"}, {"code", loinc}}})}}},
        {"subject", {{"reference", Cat({"Patient/", patient})}}},
        {"effectiveDateTime", date},
        {"valueQuantity", {{"value", value}, {"unit", unit}}}}}};
}

void ExpectOneCard(const CdsResult& r, const std::string& indicator, const std::string& words) {
  ASSERT_EQ(r.outcome, CdsOutcome::kCards) << r.body.dump(1);
  ASSERT_EQ(r.body["cards"].size(), 1u) << r.body.dump(1);
  const Json& card = r.body["cards"][0];
  EXPECT_EQ(card["indicator"], indicator) << card.dump(1);
  EXPECT_NE(card["summary"].get<std::string>().find(words), std::string::npos) << card.dump(1);
  EXPECT_LT(card["summary"].get<std::string>().size(), 140u);
  ASSERT_TRUE(card.contains("suggestions"));
  EXPECT_EQ(card["selectionBehavior"], "at-most-one");
  EXPECT_EQ(card["suggestions"][0]["actions"][0]["type"], "delete");
  EXPECT_EQ(card["suggestions"][0]["actions"][0]["resourceId"], "MedicationRequest/draft-1");
}

TEST(OrderSign, SecondBoneAgentWhileOneIsActive) {
  const Json bundle = ReadJson(ExampleBundle(kBoneOnly));
  const Json drafts = Json::array({DraftOrder("draft-1", "Zoledronic acid 4 MG", "1114085")});
  EXPECT_EQ(Codes(bundle, drafts), std::vector<std::string>{"cds.order.exclusive-active"});
  CdsResult r = Sign(bundle, drafts);
  // SAFE-EXCLUSIVE-CLASS is design-grade evidence: a warning with the caveat, not critical.
  ExpectOneCard(r, "warning", "denosumab");
  EXPECT_NE(r.body["cards"][0]["detail"].get<std::string>().find("SAFE-EXCLUSIVE-CLASS"),
            std::string::npos);
  cdstest::WriteForOracle("responses", "order-sign-second-bone-agent", r.body);
}

TEST(OrderSign, TwoBoneAgentsOrderedTogether) {
  const Json bundle = ReadJson(ExampleBundle(kHer2Low));
  const Json drafts = Json::array({DraftOrder("draft-1", "denosumab 120 mg"),
                                   DraftOrder("draft-2", "zoledronic acid", "1114085")});
  // Normal renal function is needed for zoledronic acid not to raise its own card.
  Json with_labs = bundle;
  const std::string patient = cdstest::PatientIdOf(cdstest::PrefetchFromBundle(bundle));
  with_labs["entry"].push_back(Observation("cr", "2160-0", 0.8, "mg/dL", "2026-11-01", patient));
  auto codes = Codes(with_labs, drafts);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "cds.order.exclusive-draft"), 1) << codes.size();
}

class RenalCase : public testing::TestWithParam<std::pair<double, bool>> {};

TEST_P(RenalCase, ZoledronicAcidBelow30MlMin) {
  const auto [creatinine, expect_card] = GetParam();
  Json bundle = ReadJson(ExampleBundle(kHer2Low));
  const std::string patient = cdstest::PatientIdOf(cdstest::PrefetchFromBundle(bundle));
  bundle["entry"].push_back(
      Observation("cr", "2160-0", creatinine, "mg/dL", "2026-11-01", patient));
  const Json drafts = Json::array({DraftOrder("draft-1", "Zometa")});
  auto codes = Codes(bundle, drafts);
  if (expect_card) {
    EXPECT_EQ(codes, std::vector<std::string>{"cds.order.renal-below"});
    ExpectOneCard(Sign(bundle, drafts), "critical", "mL/min");
  } else {
    EXPECT_TRUE(codes.empty()) << codes.front();
    EXPECT_TRUE(Sign(bundle, drafts).body["cards"].empty());
  }
}

// The example patient's weight and age put CrCl well above 30 at 0.8 mg/dL and below 30 at
// 4.0 mg/dL (Cockcroft-Gault, from the calculators).
INSTANTIATE_TEST_SUITE_P(All, RenalCase,
                         testing::Values(std::make_pair(0.8, false), std::make_pair(4.0, true)));

TEST(OrderSign, ZoledronicAcidWithoutCreatinineAsksToCheck) {
  Json bundle = ReadJson(ExampleBundle(kHer2Low));
  Json kept = Json::array();
  for (const auto& e : bundle["entry"]) {
    if (e["resource"].dump().find("2160-0") == std::string::npos) kept.push_back(e);
  }
  bundle["entry"] = kept;
  EXPECT_EQ(Codes(bundle, Json::array({DraftOrder("draft-1", "zoledronic acid")})),
            std::vector<std::string>{"cds.order.renal-unknown"});
}

// A client with no Patient resource sends null ("no data"): without age and sex the clearance
// is unknown, which must give the check-renal-function card, never silence.
TEST(OrderSign, NullPatientPrefetchLeavesClearanceUnknown) {
  Json bundle = ReadJson(ExampleBundle(kHer2Low));
  const std::string patient = cdstest::PatientIdOf(cdstest::PrefetchFromBundle(bundle));
  bundle["entry"].push_back(Observation("cr", "2160-0", 0.8, "mg/dL", "2026-11-01", patient));
  Json req = OrderRequest(bundle, Json::array({DraftOrder("draft-1", "zoledronic acid")}));
  req["prefetch"]["patient"] = nullptr;
  CdsResult r = HandleOrderSign(req, Pack(), Knowledge(), Defaults());
  ASSERT_EQ(r.outcome, CdsOutcome::kCards) << r.body.dump(1);
  ExpectOneCard(r, "warning", "cannot be computed");
}

Json WithIldGrade(int grade) {
  Json bundle = ReadJson(ExampleBundle(kHer2Pos));
  for (auto& e : bundle["entry"]) {
    auto& res = e["resource"];
    if (res["resourceType"] == "AdverseEvent" &&
        res["event"]["text"] == "interstitial_lung_disease") {
      res["extension"][0]["valueInteger"] = grade;
    }
  }
  return bundle;
}

TEST(OrderSign, TrastuzumabDeruxtecanAfterGrade2Ild) {
  const Json drafts = Json::array({DraftOrder("draft-1", "Enhertu")});
  auto codes = Codes(WithIldGrade(2), drafts);
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes.front(), "cds.order.hard-stop");
  CdsResult r = Sign(WithIldGrade(2), drafts);
  ASSERT_FALSE(r.body["cards"].empty());
  EXPECT_EQ(r.body["cards"][0]["indicator"], "critical");
  EXPECT_NE(r.body["cards"][0]["detail"].get<std::string>().find("SAFE-TDXD-ILD"),
            std::string::npos);
  cdstest::WriteForOracle("responses", "order-sign-tdxd-ild", r.body);
  // Grade 1 is no hard stop.
  auto grade1 = Codes(WithIldGrade(1), drafts);
  EXPECT_EQ(std::count(grade1.begin(), grade1.end(), "cds.order.hard-stop"), 0);
}

TEST(OrderSign, DrugExcludedByBiomarkers) {
  // HR+/HER2-low without a germline BRCA variant: the PARP inhibitor options are excluded.
  const Json bundle = ReadJson(ExampleBundle(kHer2Low));
  const Json drafts = Json::array({DraftOrder("draft-1", "olaparib")});
  EXPECT_EQ(Codes(bundle, drafts), std::vector<std::string>{"cds.order.excluded"});
  CdsResult r = Sign(bundle, drafts);
  ExpectOneCard(r, "warning", "olaparib");
  cdstest::WriteForOracle("responses", "order-sign-excluded", r.body);
}

TEST(OrderSign, SafeOrderGetsNoCard) {
  const Json bundle = ReadJson(ExampleBundle(kHer2Low));
  // Fulvestrant, already part of the current regimen, and an unknown drug: nothing to say.
  const Json drafts = Json::array(
      {DraftOrder("draft-1", "fulvestrant"), DraftOrder("draft-2", "paracetamol 500 mg")});
  EXPECT_TRUE(Codes(bundle, drafts).empty());
  CdsResult r = Sign(bundle, drafts);
  ASSERT_EQ(r.outcome, CdsOutcome::kCards);
  EXPECT_EQ(r.body, Json({{"cards", Json::array()}}));
  cdstest::WriteForOracle("responses", "order-sign-safe", r.body);
}

TEST(OrderSelect, OnlySelectedOrdersAreChecked) {
  const Json bundle = ReadJson(ExampleBundle(kBoneOnly));
  const Json drafts = Json::array(
      {DraftOrder("draft-1", "zoledronic acid", "1114085"), DraftOrder("draft-2", "fulvestrant")});
  Json req = OrderRequest(bundle, drafts, "order-select");
  req["context"]["selections"] = Json::array({"MedicationRequest/draft-2"});
  CdsResult r = HandleOrderSelect(req, Pack(), Knowledge(), Defaults());
  ASSERT_EQ(r.outcome, CdsOutcome::kCards) << r.body.dump(1);
  EXPECT_TRUE(r.body["cards"].empty());
  req["context"]["selections"] = Json::array({"MedicationRequest/draft-1"});
  r = HandleOrderSelect(req, Pack(), Knowledge(), Defaults());
  EXPECT_EQ(r.body["cards"].size(), 1u);
}

TEST(OrderSign, CardsInJapanese) {
  const Json bundle = ReadJson(ExampleBundle(kBoneOnly));
  CdsResult r = HandleOrderSign(
      OrderRequest(bundle, Json::array({DraftOrder("draft-1", "zoledronic acid", "1114085")})),
      Pack(), Knowledge(), Defaults("ja"));
  ASSERT_EQ(r.body["cards"].size(), 1u);
  EXPECT_EQ(r.lang, "ja");
  EXPECT_NE(r.body["cards"][0]["summary"].get<std::string>().find("デノスマブ"), std::string::npos)
      << r.body.dump(1);
}

}  // namespace
}  // namespace oncnav
