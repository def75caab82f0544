// Zoledronic acid dose bands (supportive-care.md §3.3) at and around every boundary.
#include <gtest/gtest.h>

#include "../calc/calc_test_support.h"
#include "oncnav/engine/bone/za_renal.h"

namespace oncnav {
namespace {

using calc_test::Pack;

std::optional<double> Dose(double crcl) { return ZaDoseForClearance(Pack().bone.za_renal, crcl); }

TEST(ZaDose, BandsFromTheSpec) {
  EXPECT_EQ(Dose(74.8), 4.0);
  EXPECT_EQ(Dose(60.01), 4.0);
  EXPECT_EQ(Dose(60.0), 3.5);  // "50-60" includes 60; "> 60" starts above it
  EXPECT_EQ(Dose(50.0), 3.5);
  EXPECT_EQ(Dose(49.99), 3.3);
  EXPECT_EQ(Dose(40.0), 3.3);
  EXPECT_EQ(Dose(39.99), 3.0);
  EXPECT_EQ(Dose(34.4), 3.0);
  EXPECT_EQ(Dose(30.0), 3.0);
  EXPECT_FALSE(Dose(29.99).has_value());
  EXPECT_FALSE(Dose(0).has_value());
}

TEST(BonePack, EveryBoneRuleAndTextIsDefined) {
  for (const auto& id : Pack().bone.RuleRefs()) {
    if (!id.empty()) {
      EXPECT_TRUE(Pack().rules.count(id)) << id;
    }
  }
  for (const auto& key : Pack().bone.TextRefs()) EXPECT_TRUE(Pack().texts.Has(key)) << key;
  ASSERT_NE(Pack().bone.Agent("zoledronic acid"), nullptr);
  ASSERT_NE(Pack().bone.Agent("denosumab"), nullptr);
  EXPECT_EQ(Pack().bone.Agent("denosumab")->dose_mg, 120);
}

}  // namespace
}  // namespace oncnav
