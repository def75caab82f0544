#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "oncnav/knowledge/synthetic_config.h"

namespace oncnav::synth {

// Deterministic random draws for the synthetic generator, identical on every platform.
// std::mt19937_64's output sequence is fixed by the C++ standard, but the standard
// distributions (uniform_int_distribution, normal_distribution, ...) are not: each library
// implements them differently. So every draw here is built from the raw 64-bit outputs with
// integer arithmetic only (no libm, no floating-point sums that a compiler could contract),
// and floating-point values appear only as a final integer / power-of-ten division.
class SynthRandom {
 public:
  explicit SynthRandom(uint64_t seed) : engine_(seed) {}

  uint64_t Next() { return engine_(); }
  // Uniform integer in [lo, hi] (unbiased: rejection of the incomplete top range).
  int64_t Int(int64_t lo, int64_t hi);
  // True with probability p (p is scaled to a 53-bit threshold, exactly).
  bool Chance(double p);
  // An index drawn with the given relative weights (each rounded to a millionth).
  size_t Pick(const std::vector<double>& weights);
  // The name of a weighted alternative.
  const std::string& Pick(const SynthWeights& weights);
  // Whole days from an exponential distribution with the given median (in days), through a
  // fixed table of its quantiles; the tail is capped at about 10 medians.
  int64_t ExponentialDays(double median_days);
  // A bell-shaped value around the mean (sum of four uniform draws), in tenths, clamped.
  double Bell(const SynthBell& bell);
  // Uniform integer in the range, whose bounds are whole numbers.
  int64_t InRange(const SynthRange& range);
  // A value with one decimal drawn uniformly in the range.
  double Tenths(const SynthRange& range);

 private:
  std::mt19937_64 engine_;
};

// Mixes a 64-bit value (SplitMix64 finaliser): independent per-patient seeds.
uint64_t Mix64(uint64_t x);
// The seed of patient `index` of a run with `seed`: a patient's record depends only on these
// two numbers, so the first N records of a run are the same whatever the count.
uint64_t PatientSeed(uint64_t seed, uint64_t index);

}  // namespace oncnav::synth
