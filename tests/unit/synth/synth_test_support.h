#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../test_pack.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/record/native_writer.h"
#include "oncnav/synth/generator.h"

namespace oncnav::synth::testing {

using oncnav::testing::Pack;

// Patients 0..count-1 of a run, with the generator's truth, generated once per test binary.
inline const std::vector<SynthPatient>& Cohort(uint64_t seed, int count) {
  static std::vector<std::pair<std::pair<uint64_t, int>, std::vector<SynthPatient>>> cache;
  for (const auto& [key, patients] : cache) {
    if (key.first == seed && key.second == count) return patients;
  }
  std::vector<SynthPatient> patients;
  patients.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    patients.push_back(GenerateSynthPatient(seed, static_cast<uint64_t>(i), Pack()));
  }
  cache.emplace_back(std::make_pair(seed, count), std::move(patients));
  return cache.back().second;
}

inline Date AsOf() { return SynthAsOf(Pack(), {}); }

}  // namespace oncnav::synth::testing
