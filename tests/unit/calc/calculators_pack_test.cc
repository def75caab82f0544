// knowledge/breast/calculators.json: what the loader checks, and that every value the
// calculators can produce has its words in every language.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "calc_test_support.h"
#include "oncnav/calc/calc_request.h"

namespace oncnav {
namespace {

namespace fs = std::filesystem;
using calc_test::Pack;

TEST(CalculatorsPack, EveryValueWordHasAText) {
  const auto& c = Pack().calculators;
  std::vector<std::string> keys;
  for (const auto& info : Calculators()) keys.push_back("calc.label." + info.name);
  const std::pair<const char*, const ScoreTable*> tables[] = {{"mirels", &c.mirels},
                                                              {"sins", &c.sins},
                                                              {"tokuhashi", &c.tokuhashi},
                                                              {"katagiri", &c.katagiri}};
  for (const auto& [name, table] : tables) {
    for (const auto& f : table->factors) {
      keys.push_back(std::string("calc.factor.") + name + "." + f.id);
      for (const auto& o : f.options) {
        keys.push_back(std::string("calc.option.") + name + "." + f.id + "." + o.id);
      }
    }
    for (const auto& b : table->bands)
      keys.push_back(std::string("calc.value.band.") + name + "." + b.id);
  }
  for (const auto& b : c.mirels.bands) keys.push_back("calc.advice.mirels." + b.action);
  for (const auto& f : c.calcium.formulas) keys.push_back("calc.value.formula." + f.id);
  for (const auto& t : c.ctcae.terms) {
    keys.push_back("calc.term." + t.id);
    for (const auto& s : t.scales) keys.push_back("calc.value.basis." + s.basis);
  }
  for (const auto& g : c.bilsky.grades) {
    keys.push_back("calc.value.bilsky." + g.category);
    keys.push_back("calc.advice.bilsky." + g.category);
  }
  for (const auto& k : keys) EXPECT_TRUE(Pack().texts.Has(k)) << k;
}

TEST(CalculatorsPack, EvidenceGradesFollowTheSpec) {
  EXPECT_EQ(Pack().rule("CALC-KATAGIRI-POINTS").evidence, Evidence::kUnverified);
  EXPECT_EQ(Pack().rule("CALC-KATAGIRI-GROUPS").evidence, Evidence::kVerified);
  EXPECT_EQ(Pack().rule("CALC-CA-HIGH-ALB").evidence, Evidence::kUnverified);
  for (const auto& id : Pack().calculators.RuleIds()) {
    const Rule& r = Pack().rule(id);
    EXPECT_FALSE(r.summary.empty()) << id;
    EXPECT_FALSE(r.sources.empty()) << id;
  }
}

class BrokenPack : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("oncnav-calc-pack-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(DefaultKnowledgeDir(), dir_, fs::copy_options::recursive);
    std::ifstream in(dir_ / "calculators.json");
    doc_ = nlohmann::json::parse(in);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Load() {
    std::ofstream(dir_ / "calculators.json") << doc_.dump(1);
    auto pack = LoadKnowledgePack(dir_.string());
    EXPECT_FALSE(pack.ok());
    return pack.ok() ? "" : calc_test::Describe(pack.errors());
  }

  fs::path dir_;
  nlohmann::json doc_;
};

TEST_F(BrokenPack, BadGradeConditionIsNamed) {
  doc_["ctcae"]["terms"][0]["scales"][0]["grades"][1]["when"][0] = "<< 7";
  EXPECT_NE(Load().find("calculators.json: $.ctcae.terms[0].scales[0].grades[1].when: '<< 7'"),
            std::string::npos);
}

TEST_F(BrokenPack, BandsMustCoverEveryTotal) {
  doc_["mirels"]["bands"][1]["max"] = 7;  // 8 is now in no band
  EXPECT_NE(Load().find("$.mirels.bands: must cover the total 8 exactly once"), std::string::npos);
}

TEST_F(BrokenPack, UnknownRuleAndUnitAreNamed) {
  doc_["sins"]["rule"] = "NO-SUCH-RULE";
  doc_["ctcae"]["terms"][3]["scales"][1]["unit"] = "/hpf";
  std::string errors = Load();
  EXPECT_NE(errors.find("names rule 'NO-SUCH-RULE'"), std::string::npos) << errors;
  EXPECT_NE(errors.find("'/hpf' is not a unit labs.json accepts for neutrophils"),
            std::string::npos)
      << errors;
}

TEST_F(BrokenPack, KarnofskyPairingMustBeComplete) {
  doc_["performance_status"]["pairs"][1]["karnofsky"] = {80};
  EXPECT_NE(Load().find("Karnofsky 70 is not paired"), std::string::npos);
}

}  // namespace
}  // namespace oncnav
