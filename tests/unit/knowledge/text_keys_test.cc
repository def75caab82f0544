// The text keys the library names in code exist in every language, and the rendering rules
// that translated import warnings and input errors rely on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "../test_pack.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/knowledge/required_texts.h"

namespace oncnav {
namespace {

namespace fs = std::filesystem;

using testing::Pack;

// Every "import.*", "input.*" and "fhir.*" string literal in the library (also as an "@key"
// parameter) is listed in RequiredTextKeys(), so the loader's check covers what the code uses.
TEST(TextKeys, EveryKeyWrittenInTheSourcesIsRequired) {
  const auto& required = RequiredTextKeys();
  const std::regex literal(R"re("@?((?:import|input|fhir)\.[a-z0-9][a-z0-9.\-]*)")re");
  size_t found = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(ONCNAV_SOURCE_DIR) / "src")) {
    auto ext = entry.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    if (entry.path().filename() == "required_texts.cc") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
      std::string key = (*it)[1];
      ++found;
      EXPECT_NE(std::find(required.begin(), required.end(), key), required.end())
          << entry.path().filename() << " uses text key '" << key
          << "', which RequiredTextKeys() does not list";
    }
  }
  EXPECT_GT(found, 100u) << "the scan found too few keys; did the sources move?";
}

TEST(TextKeys, RequiredKeysExistAndAreTranslated) {
  const auto& texts = Pack().texts;
  for (auto key : RequiredTextKeys()) {
    ASSERT_TRUE(texts.Has(key)) << key;
    std::string en = texts.Render("en", key);
    for (const char* lang : {"ja", "zh"}) {
      EXPECT_NE(texts.Render(lang, key), en) << key << " is not translated into " << lang;
    }
  }
}

TEST(TextKeys, AtParameterRendersANestedTextWithTheSameParams) {
  const auto& texts = Pack().texts;
  Texts::Params params = {
      {"what", "@fhir.what.lab-quantity"}, {"test", "creatinine"}, {"value", "'high'"}};
  EXPECT_EQ(texts.Render("en", "fhir.value-not-understood", params),
            "'high' is not understood as a creatinine quantity; not used");
  std::string ja = texts.Render("ja", "fhir.value-not-understood", params);
  EXPECT_NE(ja.find("creatinine の測定値"), std::string::npos) << ja;
}

TEST(TextKeys, DataStartingWithAtIsNotTakenForAKey) {
  const auto& texts = Pack().texts;
  EXPECT_EQ(texts.Render("en", "import.unknown-drug", {{"drug", "@home-brew"}}),
            "drug '@home-brew' is not in the knowledge pack; its class is unknown to the engine");
}

}  // namespace
}  // namespace oncnav
