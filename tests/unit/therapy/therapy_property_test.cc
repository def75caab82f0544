// Property tests: the therapy engine over 10,000 generated patients (oncnav synth) never
// crashes and never breaks a safety invariant (engine/therapy/invariants.h), in every region.
#include <gtest/gtest.h>

#include "oncnav/engine/evaluate.h"
#include "oncnav/engine/therapy/invariants.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/report/json_output.h"
#include "oncnav/synth/generator.h"

namespace oncnav {
namespace {

#ifdef ONCNAV_SANITIZED
constexpr int kPatients = 1000;  // the sanitizer build checks memory on a sample; 10,000 below
#else
constexpr int kPatients = 10000;
#endif
constexpr uint64_t kSeed = 20261121;

TEST(TherapyProperties, NoInvariantBrokenOverTenThousandGeneratedPatients) {
  auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
  ASSERT_TRUE(pack.ok());
  synth::SynthOptions synth_options;
  Date as_of = synth::SynthAsOf(*pack, synth_options);
  const char* regions[] = {"jp", "us", "cn", "eu"};
  const char* langs[] = {"en", "ja", "zh"};
  int violations = 0, with_options = 0, excluded = 0, pending = 0;
  for (int i = 0; i < kPatients; ++i) {
    synth::SynthPatient patient = synth::GenerateSynthPatient(kSeed, i, *pack, synth_options);
    ImportedRecord input{std::move(patient.record), {}, {}, "oncnav"};
    EvaluateOptions options;
    options.as_of = as_of;
    options.region = regions[i % 4];
    options.lang = langs[i % 3];
    Evaluation ev = Evaluate(input, *pack, options);
    TherapyContext context{input.record, *pack, ev.classification,
                           ev.course,    as_of, options.region};
    for (const auto& v : CheckInvariants(context, ev.therapy)) {
      if (++violations <= 20)
        ADD_FAILURE() << "patient " << i << " (" << options.region << "): " << v;
    }
    if (!ev.therapy.options.empty()) ++with_options;
    excluded += static_cast<int>(ev.therapy.excluded.size());
    for (const auto& p : ev.therapy.options) pending += p.status == "pending";
    if (i % 10 == 0) {
      Json out = EvaluationToJson(ev, *pack);  // rendering every message must not fail
      ASSERT_TRUE(out.contains("options"));
      for (const auto& o : out["options"]) EXPECT_FALSE(o["sources"].empty()) << "patient " << i;
      for (const auto& e : out["excluded"]) EXPECT_FALSE(e["sources"].empty()) << "patient " << i;
    }
  }
  EXPECT_EQ(violations, 0);
  // The generated cohort must exercise the engine, or the property means nothing.
  EXPECT_GT(with_options, kPatients * 9 / 10);
  EXPECT_GT(excluded, kPatients);
  EXPECT_GT(pending, kPatients / 20);
}

}  // namespace
}  // namespace oncnav
