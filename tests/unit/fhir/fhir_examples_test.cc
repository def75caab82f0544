#include <filesystem>
#include <fstream>
#include <sstream>

#include "fhir_test_support.h"

namespace oncnav {
namespace {

using testing::AsOf;
using testing::McodeExample;
using testing::Pack;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every mCODE STU4 example imports without crashing or failing; a lone resource is wrapped
// in a collection Bundle as a sender would.
TEST(FhirExamples, EveryMcodeExampleImports) {
  std::filesystem::path dir = McodeExample("");
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  int files = 0;
  simdjson::dom::parser parser;
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    if (item.path().extension() != ".json") continue;
    ++files;
    std::string text = ReadFile(item.path());
    simdjson::dom::element root;
    ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS) << item.path();
    std::string_view type;
    ASSERT_EQ(root["resourceType"].get_string().get(type), simdjson::SUCCESS) << item.path();
    if (type != "Bundle") {
      text = R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":)" + text + "}]}";
      ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS) << item.path();
    }
    auto result = ImportFhirBundle(root, Pack(), AsOf());
    EXPECT_TRUE(result.ok()) << item.path().filename() << ": "
                             << (result.ok() ? "" : result.error().ToString());
    if (result.ok()) {
      EXPECT_EQ(result->format, "fhir");
      for (const auto& w : result->warnings) {
        EXPECT_FALSE(w.resource.empty()) << item.path().filename();
        EXPECT_FALSE(w.message.empty()) << item.path().filename();
      }
    }
  }
  EXPECT_EQ(files, 179);
}

TEST(FhirExamples, SecondaryCancerConditionBecomesBrainMetastasis) {
  simdjson::dom::parser parser;
  std::string text = ReadFile(McodeExample("Condition-secondary-cancer-condition-brain-mets.json"));
  text = testing::BundleOf(testing::Entry(text));
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS);
  auto result = ImportFhirBundle(root, Pack(), AsOf());
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->record.metastases.size(), 1u);
  EXPECT_EQ(result->record.metastases[0].site, "brain");
  EXPECT_EQ(result->record.metastases[0].date, Date::FromYmd(2019, 5, 1));
}

TEST(FhirExamples, StoppedCisplatinKeepsToxicityAsStopReason) {
  simdjson::dom::parser parser;
  std::string text = ReadFile(
      McodeExample("MedicationRequest-cancer-related-medication-request-cisplatin-stopped.json"));
  text = testing::BundleOf(testing::Entry(text));
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS);
  auto result = ImportFhirBundle(root, Pack(), AsOf());
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->record.regimens.size(), 1u);
  const auto& regimen = result->record.regimens[0];
  EXPECT_EQ(regimen.drugs, std::vector<std::string>{"cisplatin"});
  EXPECT_EQ(regimen.stop_reason, StopReason::kToxicity);
  EXPECT_EQ(regimen.start, Date::FromYmd(2019, 5, 15));  // authoredOn
}

}  // namespace
}  // namespace oncnav
