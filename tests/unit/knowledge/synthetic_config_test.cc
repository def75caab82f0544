// synthetic.json: every parameter the generator reads is present with its provenance, and a
// broken file is reported with the entry and the reason.
#include "oncnav/knowledge/synthetic_config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

nlohmann::json File() {
  std::ifstream in(DefaultKnowledgeDir() + "/synthetic.json");
  return nlohmann::json::parse(in);
}

std::vector<Error> LoadErrors(const nlohmann::json& doc) {
  std::vector<Error> errors;
  PackReader reader("synthetic.json", errors);
  SyntheticConfig::Load(doc, reader);
  return errors;
}

std::string All(const std::vector<Error>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.ToString() + "\n";
  return out;
}

TEST(SyntheticConfig, BundledFileLoadsWithProvenanceForEveryNumber) {
  auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  ASSERT_TRUE(pack.ok()) << All(pack.errors());
  const auto& config = pack->synthetic;
  EXPECT_EQ(config.params.reference_date, Date::FromYmd(2026, 11, 1));
  EXPECT_GT(config.provenance.size(), 80u);
  for (const auto& p : config.provenance) {
    EXPECT_FALSE(p.basis.empty()) << p.id;
    EXPECT_FALSE(p.sources.empty()) << p.id;
  }
  EXPECT_GT(config.regimens.size(), 40u);
  for (const auto& o : config.regimens) {
    EXPECT_FALSE(o.pfs_sources.empty()) << o.id;
    EXPECT_FALSE(o.sources.empty()) << o.id;
    if (o.available_from) {
      EXPECT_FALSE(o.availability_sources.empty()) << o.id;
    }
  }
  // Numbers the specification gives are stored as given.
  EXPECT_DOUBLE_EQ(config.params.esr1_after_aromatase_inhibitor, 0.37);
  EXPECT_DOUBLE_EQ(config.params.plasma_positive_agreement.at("PTEN"), 0.542);
}

TEST(SyntheticConfig, UnknownAndMissingParametersAreNamed) {
  auto doc = File();
  doc["parameters"][0]["id"] = "no_such_parameter";
  auto text = All(LoadErrors(doc));
  EXPECT_NE(text.find("synthetic.json: $.parameters[0].id: 'no_such_parameter' is not a parameter "
                      "the generator reads"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("parameter 'reference_date' is missing"), std::string::npos) << text;
}

TEST(SyntheticConfig, BadValuesNameTheirPath) {
  auto doc = File();
  for (auto& p : doc["parameters"]) {
    if (p["id"] == "de_novo_fraction") p["value"] = 1.5;
    if (p["id"] == "line_gap_days") p["value"] = {30, 7};
    if (p["id"] == "male_fraction") p.erase("basis");
  }
  doc["regimens"][0]["requires"].push_back("is_lucky");
  auto text = All(LoadErrors(doc));
  EXPECT_NE(text.find("must be between 0 and 1"), std::string::npos) << text;
  EXPECT_NE(text.find("low must not exceed high"), std::string::npos) << text;
  EXPECT_NE(text.find(".basis: is required"), std::string::npos) << text;
  EXPECT_NE(text.find("'is_lucky' is not a predicate the generator knows"), std::string::npos)
      << text;
}

TEST(SyntheticConfig, SourcesAndDrugsMustExistInThePack) {
  auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  ASSERT_TRUE(pack.ok());
  SyntheticConfig config = pack->synthetic;
  config.regimens[0].drugs.push_back("unobtainium");
  config.regimens[0].sources.push_back("R999");
  std::vector<Error> errors;
  CheckSyntheticReferences(config, pack->sources, pack->drugs, errors);
  auto text = All(errors);
  EXPECT_NE(text.find("'unobtainium' is not the INN of a drug in drugs.json"), std::string::npos)
      << text;
  EXPECT_NE(text.find("cites source 'R999'"), std::string::npos) << text;
}

}  // namespace
}  // namespace oncnav
