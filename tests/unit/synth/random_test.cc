// The generator's random draws: the exact values for a seed (they must be the same on every
// platform and standard library, which is why they use no std:: distribution), and their shape.
#include "oncnav/synth/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace oncnav::synth {
namespace {

TEST(SynthRandom, EngineIsTheStandardMersenneTwister) {
  // The C++ standard fixes this value ([rand.predef]): the engine is portable.
  std::mt19937_64 reference;
  reference.discard(9999);
  EXPECT_EQ(reference(), 9981545732273789042ULL);
  SynthRandom r(5489);  // the default seed
  std::mt19937_64 same;
  EXPECT_EQ(r.Next(), same());
}

TEST(SynthRandom, DrawsForASeedAreFixed) {
  // Golden values: a change here changes every synthetic record of every seed.
  SynthRandom r(42);
  std::vector<int64_t> ints;
  for (int i = 0; i < 5; ++i) ints.push_back(r.Int(1, 100));
  std::vector<int64_t> days;
  for (int i = 0; i < 5; ++i) days.push_back(r.ExponentialDays(300));
  std::vector<bool> chances;
  for (int i = 0; i < 5; ++i) chances.push_back(r.Chance(0.5));
  EXPECT_EQ(ints, (std::vector<int64_t>{7, 25, 51, 63, 82}));
  EXPECT_EQ(days, (std::vector<int64_t>{145, 255, 371, 423, 28}));
  EXPECT_EQ(chances, (std::vector<bool>{false, false, true, true, true}));
  EXPECT_EQ(PatientSeed(42, 0), 6332618229526065668ULL);
}

TEST(SynthRandom, IntCoversItsBoundsInclusively) {
  SynthRandom r(7);
  std::vector<int> seen(6, 0);
  for (int i = 0; i < 6000; ++i) {
    int64_t v = r.Int(0, 5);
    ASSERT_GE(v, 0);
    ASSERT_LE(v, 5);
    ++seen[static_cast<size_t>(v)];
  }
  for (int count : seen) EXPECT_GT(count, 800);
  EXPECT_EQ(r.Int(3, 3), 3);
}

TEST(SynthRandom, ChanceAndPickFollowTheirWeights) {
  SynthRandom r(11);
  int hits = 0;
  for (int i = 0; i < 20000; ++i) hits += r.Chance(0.3) ? 1 : 0;
  EXPECT_NEAR(hits / 20000.0, 0.3, 0.015);
  EXPECT_FALSE(r.Chance(0));
  EXPECT_TRUE(r.Chance(1));
  std::vector<int> picks(3, 0);
  for (int i = 0; i < 20000; ++i) ++picks[r.Pick(std::vector<double>{1, 0, 3})];
  EXPECT_EQ(picks[1], 0) << "a zero weight is never picked";
  EXPECT_NEAR(picks[2] / 20000.0, 0.75, 0.015);
}

TEST(SynthRandom, ExponentialHasTheRequestedMedian) {
  SynthRandom r(13);
  std::vector<int64_t> days;
  for (int i = 0; i < 20001; ++i) days.push_back(r.ExponentialDays(200));
  std::nth_element(days.begin(), days.begin() + 10000, days.end());
  EXPECT_NEAR(static_cast<double>(days[10000]), 200, 8);
  EXPECT_LE(*std::max_element(days.begin(), days.end()), 2000) << "tail capped near 10 medians";
  EXPECT_GE(*std::min_element(days.begin(), days.end()), 0);
}

TEST(SynthRandom, BellStaysInItsBoundsAroundItsMean) {
  SynthRandom r(17);
  SynthBell bell{60, 12, 28, 90};
  double sum = 0;
  for (int i = 0; i < 10000; ++i) {
    double v = r.Bell(bell);
    ASSERT_GE(v, 28);
    ASSERT_LE(v, 90);
    sum += v;
  }
  EXPECT_NEAR(sum / 10000, 60, 0.5);
}

TEST(SynthRandom, PatientSeedsDiffer) {
  EXPECT_NE(PatientSeed(1, 0), PatientSeed(1, 1));
  EXPECT_NE(PatientSeed(1, 0), PatientSeed(2, 0));
  EXPECT_EQ(PatientSeed(5, 9), PatientSeed(5, 9));
}

}  // namespace
}  // namespace oncnav::synth
