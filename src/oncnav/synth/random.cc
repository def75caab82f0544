#include "oncnav/synth/random.h"

#include <array>
#include <cmath>
#include <cstdlib>

namespace oncnav::synth {
namespace {

// Quantiles of the exponential distribution with median 1, in ten-thousandths, at
// p = 0, 0.01, ..., 0.99 and (instead of infinity) 0.999: -ln(1 - p) / ln 2.
constexpr std::array<int64_t, 101> kExpQuantiles = {
    0,     145,   291,   439,   589,   740,   893,   1047,  1203,  1361,  1520,  1681,  1844,
    2009,  2176,  2345,  2515,  2688,  2863,  3040,  3219,  3401,  3585,  3771,  3959,  4150,
    4344,  4540,  4739,  4941,  5146,  5353,  5564,  5778,  5995,  6215,  6439,  6666,  6897,
    7131,  7370,  7612,  7859,  8110,  8365,  8625,  8890,  9159,  9434,  9714,  10000, 10291,
    10589, 10893, 11203, 11520, 11844, 12176, 12515, 12863, 13219, 13585, 13959, 14344, 14739,
    15146, 15564, 15995, 16439, 16897, 17370, 17859, 18365, 18890, 19434, 20000, 20589, 21203,
    21844, 22515, 23219, 23959, 24739, 25564, 26439, 27370, 28365, 29434, 30589, 31844, 33219,
    34739, 36439, 38365, 40589, 43219, 46439, 50589, 56439, 66439, 99658};

constexpr double kTwo53 = 9007199254740992.0;  // 2^53

// A non-negative double rounded to a whole number (exact for the magnitudes used here).
int64_t Whole(double x) { return static_cast<int64_t>(std::llround(x)); }

}  // namespace

int64_t SynthRandom::Int(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  // The largest multiple of span that fits: draws at or above it are rejected.
  const uint64_t limit = span == 0 ? 0 : UINT64_MAX - (UINT64_MAX % span);
  uint64_t x = Next();
  while (limit != 0 && x >= limit) x = Next();
  return lo + static_cast<int64_t>(x % span);
}

bool SynthRandom::Chance(double p) {
  const uint64_t draw = Next() >> 11;  // 53 random bits
  if (p <= 0) return false;
  if (p >= 1) return true;
  return static_cast<double>(draw) < p * kTwo53;  // both sides exact
}

size_t SynthRandom::Pick(const std::vector<double>& weights) {
  std::vector<int64_t> scaled(weights.size());
  int64_t total = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    scaled[i] = weights[i] > 0 ? Whole(weights[i] * 1e6) : 0;
    total += scaled[i];
  }
  if (total <= 0) return 0;
  int64_t x = Int(0, total - 1);
  for (size_t i = 0; i < scaled.size(); ++i) {
    if (x < scaled[i]) return i;
    x -= scaled[i];
  }
  return scaled.size() - 1;
}

const std::string& SynthRandom::Pick(const SynthWeights& weights) {
  std::vector<double> w;
  w.reserve(weights.size());
  for (const auto& [name, weight] : weights) w.push_back(weight);
  return weights[Pick(w)].first;
}

int64_t SynthRandom::ExponentialDays(double median_days) {
  const int64_t median = Whole(median_days);
  const int64_t bin = Int(0, 99);
  const int64_t fraction = Int(0, 999);  // position inside the bin, in thousandths
  const int64_t q = (kExpQuantiles[static_cast<size_t>(bin)] * (1000 - fraction) +
                     kExpQuantiles[static_cast<size_t>(bin) + 1] * fraction) /
                    1000;
  return median * q / 10000;
}

double SynthRandom::Bell(const SynthBell& bell) {
  const int64_t mean = Whole(bell.mean * 10);
  const int64_t spread = Whole(bell.spread * 10);
  // Four uniform draws in [-1000, 1000]: their sum / 2000 has standard deviation about 0.58.
  int64_t sum = 0;
  for (int i = 0; i < 4; ++i) sum += Int(-1000, 1000);
  int64_t tenths = mean + spread * sum / 2000;
  tenths = std::max(Whole(bell.min * 10), std::min(Whole(bell.max * 10), tenths));
  return static_cast<double>(tenths) / 10;
}

int64_t SynthRandom::InRange(const SynthRange& range) {
  return Int(Whole(range.min), Whole(range.max));
}

double SynthRandom::Tenths(const SynthRange& range) {
  return static_cast<double>(Int(Whole(range.min * 10), Whole(range.max * 10))) / 10;
}

uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

uint64_t PatientSeed(uint64_t seed, uint64_t index) { return Mix64(Mix64(seed) ^ index); }

}  // namespace oncnav::synth
