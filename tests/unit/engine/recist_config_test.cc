// recist.json: thresholds load from the bundled pack and bad values are reported.

#include <gtest/gtest.h>

#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

TEST(RecistConfigLoad, BundledPackMatchesTheSpec) {
  auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  if (!pack) {
    for (const auto& e : pack.errors()) ADD_FAILURE() << e.ToString();
  }
  ASSERT_TRUE(pack.ok());
  const auto& c = pack->recist;
  EXPECT_EQ(c.measurable_min_mm, 10);
  EXPECT_EQ(c.max_slice_thickness_mm, 5);
  EXPECT_FALSE(c.apply_slice_rule);  // U rule: off by default
  EXPECT_EQ(c.node_measurable_min_mm, 15);
  EXPECT_EQ(c.node_pathological_min_mm, 10);
  EXPECT_EQ(c.bone_soft_tissue_min_mm, 10);
  EXPECT_EQ(c.max_targets, 5);
  EXPECT_EQ(c.max_targets_per_organ, 2);
  EXPECT_EQ(c.too_small_mm, 5);
  EXPECT_EQ(c.pr_decrease_pct, 30);
  EXPECT_EQ(c.pd_increase_pct, 20);
  EXPECT_EQ(c.pd_increase_min_mm, 5);
  EXPECT_EQ(c.cr_node_below_mm, 10);
}

TEST(RecistConfigLoad, UnverifiedRulesAreTaggedSo) {
  auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  ASSERT_TRUE(pack.ok());
  for (const char* id : {"RECIST-MEAS-SLICE", "RECIST-NADIR-ZERO", "RECIST-NEW-BACKDATE",
                         "RECIST-NE", "RECIST-CR-NT-NE"}) {
    EXPECT_EQ(pack->rule(id).evidence, Evidence::kUnverified) << id;
  }
  EXPECT_EQ(pack->rule("RECIST-PD").evidence, Evidence::kVerified);
}

TEST(RecistConfigLoad, EveryFindingCodeHasTextInEveryLanguage) {
  auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  ASSERT_TRUE(pack.ok());
  for (const char* code : {"recist.target-irradiated",
                           "recist.target-bone-blastic",
                           "recist.target-bone-no-soft-tissue",
                           "recist.target-no-measurement",
                           "recist.target-node-normal",
                           "recist.target-node-too-small",
                           "recist.target-too-small",
                           "recist.target-below-slice-minimum",
                           "recist.slice-thickness-caution",
                           "recist.target-too-many-in-organ",
                           "recist.target-too-many",
                           "recist.no-baseline-disease",
                           "recist.bone-only-non-measurable",
                           "recist.non-target-only",
                           "recist.baseline-inferred",
                           "recist.lesion-not-at-baseline",
                           "recist.non-target-cr-markers",
                           "recist.new-lesion-equivocal",
                           "recist.new-lesion-backdate",
                           "recist.reappearance-after-zero-nadir",
                           "recist.not-evaluable",
                           "recist.cr-with-non-target-not-evaluated",
                           "recist.new-node-only-progression"}) {
    EXPECT_TRUE(pack->texts.Has(code)) << code;
    for (const auto& lang : Languages()) {
      EXPECT_NE(pack->texts.Render(lang, code).front(), '[') << lang << " " << code;
    }
  }
  EXPECT_EQ(pack->texts.Render("en", "recist.target-too-many", {{"lesion", "L6"}, {"max", "5"}}),
            "Target lesion L6 would exceed the limit of 5 target lesions in total; it is "
            "followed as a non-target lesion.");
}

TEST(RecistConfigLoad, BadValuesAreReportedWithTheirPath) {
  auto doc = nlohmann::json::parse(R"({
    "measurability": {"min_longest_diameter_mm": -1, "max_slice_thickness_mm": 5,
      "slice_multiple": 2, "apply_slice_rule": "no",
      "node_measurable_min_short_axis_mm": 15, "node_pathological_min_short_axis_mm": 20,
      "bone_soft_tissue_min_mm": 10},
    "targets": {"max_total": 5, "max_per_organ": 2.5},
    "follow_up": {},
    "response": {"pr_decrease_from_baseline_pct": 30, "pd_increase_from_nadir_pct": 20,
      "pd_increase_min_mm": 5, "cr_node_short_axis_below_mm": 10}
  })");
  std::vector<Error> errors;
  PackReader reader("recist.json", errors);
  auto config = RecistConfig::Load(doc, reader);
  std::string all;
  for (const auto& e : errors) all += e.ToString() + "\n";
  EXPECT_NE(all.find("min_longest_diameter_mm"), std::string::npos) << all;
  EXPECT_NE(all.find("apply_slice_rule"), std::string::npos) << all;
  EXPECT_NE(all.find("node_pathological_min_short_axis_mm"), std::string::npos) << all;
  EXPECT_NE(all.find("max_per_organ"), std::string::npos) << all;
  EXPECT_NE(all.find("too_small_to_measure_mm"), std::string::npos) << all;
  EXPECT_EQ(config.measurable_min_mm, 10);  // the bad value is not used
}

}  // namespace
}  // namespace oncnav
