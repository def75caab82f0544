#include "oncnav/knowledge/pack.h"

#include <gtest/gtest.h>

namespace oncnav {
namespace {

TEST(KnowledgePack, BundledPackLoadsCleanly) {
  auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  if (!pack) {
    for (const auto& e : pack.errors()) ADD_FAILURE() << e.ToString();
  }
  ASSERT_TRUE(pack.ok());
  EXPECT_EQ(pack->manifest.pack, "breast");
  EXPECT_EQ(pack->manifest.format_version, kKnowledgeFormatVersion);
  EXPECT_NE(pack->drugs.FindByName("T-DXd"), nullptr);
  EXPECT_EQ(pack->drugs.FindByName("T-DXd")->inn, "trastuzumab deruxtecan");
}

TEST(KnowledgePack, MissingDirectoryNamesTheFile) {
  auto pack = LoadKnowledgePack("/nonexistent/pack");
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(pack.error().code, ErrorCode::kKnowledgeInvalid);
  EXPECT_NE(pack.error().ToString().find("manifest.json"), std::string::npos);
}

}  // namespace
}  // namespace oncnav
