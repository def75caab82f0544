#include "oncnav/cdshooks/discovery.h"

#include <gtest/gtest.h>

#include "cds_test_support.h"
#include "oncnav/cdshooks/card.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

using cdstest::Pack;

TEST(CdsDiscoveryTest, ListsTheThreeServicesWithPrefetch) {
  for (const auto& lang : Languages()) {
    Json doc = CdsDiscovery(Pack(), lang);
    cdstest::WriteForOracle("discovery", Cat({"discovery-", lang}), doc);
    ASSERT_EQ(doc["services"].size(), 3u);
    for (const auto& s : doc["services"]) {
      EXPECT_EQ(HookOfService(s["id"].get<std::string>()), s["hook"].get<std::string>());
      EXPECT_FALSE(s["title"].get<std::string>().starts_with("["));  // rendered, not a key
      EXPECT_FALSE(s["description"].get<std::string>().empty());
      EXPECT_EQ(s["prefetch"]["patient"], "Patient/{{context.patientId}}");
      EXPECT_EQ(s["prefetch"].size(), OncnavPrefetchTemplates().size());
    }
  }
  Json doc = CdsDiscovery(Pack());
  EXPECT_EQ(doc["services"][0]["id"], "oncnav-patient-view");
  EXPECT_EQ(doc["services"][1]["hook"], "order-sign");
  EXPECT_EQ(doc["services"][2]["hook"], "order-select");
}

TEST(CdsCard, SummaryIsShortenedByCharacters) {
  std::string ja;
  for (int i = 0; i < 200; ++i) ja += "骨";
  std::string s = ShortenUtf8(ja);
  EXPECT_EQ(s.size(), 138u * 3 + 3);  // 138 characters and an ellipsis, all 3 bytes in UTF-8
  EXPECT_EQ(ShortenUtf8("short"), "short");
  EXPECT_EQ(ShortenUtf8(std::string(139, 'a')), std::string(139, 'a'));
  EXPECT_EQ(ShortenUtf8(std::string(140, 'a')).size(), 138u + 3);
}

TEST(CdsCard, UuidsAreVersion4AndDistinct) {
  std::string a = NewUuid(), b = NewUuid();
  EXPECT_NE(a, b);
  ASSERT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '4');
  EXPECT_TRUE(a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b');
}

TEST(CdsKnowledgeTest, LoadsTheRenalLimit) {
  const auto& cds = cdstest::Knowledge();
  ASSERT_EQ(cds.renal_limits.size(), 1u);
  EXPECT_EQ(cds.renal_limits[0].drug, "zoledronic acid");
  EXPECT_EQ(cds.renal_limits[0].min_crcl_ml_min, 30);
  EXPECT_EQ(cds.renal_limits[0].rule.id, "CDS-ZA-CRCL");
}

}  // namespace
}  // namespace oncnav
