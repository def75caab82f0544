#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav::synth {

struct SynthOptions {
  // The day histories end on; empty = the pack's reference_date (synthetic.json). Every date
  // of every record is on or before it.
  std::optional<Date> as_of;
};

// What the generator meant, for tests: the records alone must say the same thing.
struct SynthRegimenTruth {
  std::string option;  // regimen option id (synthetic.json)
  Date start;
};

struct SynthLineTruth {
  int number = 0;
  Date start;
  SynthGroup group = SynthGroup::kHrPosHer2Neg;  // the subtype group the record showed then
  std::optional<Date> progression;               // the stop date of the regimen that progressed
  std::vector<SynthRegimenTruth> regimens;       // in order (induction and maintenance count once)
};

// One imaging series (one line of therapy): the dates of its scans, baseline first.
struct SynthSeriesTruth {
  int line = 0;
  std::vector<Date> scans;
  bool ends_in_progression = false;  // the last scan shows RECIST progression
};

struct SynthTruth {
  SynthGroup group_at_diagnosis = SynthGroup::kHrPosHer2Neg;
  SynthGroup group_now = SynthGroup::kHrPosHer2Neg;  // from the latest specimen
  bool de_novo = false;
  Date metastatic_date;
  std::vector<SynthLineTruth> lines;
  std::vector<SynthSeriesTruth> series;
};

struct SynthPatient {
  PatientRecord record;
  SynthTruth truth;
};

// One synthetic metastatic breast cancer patient. The record depends only on (seed, index),
// the pack and the options: the same inputs give the same record on every platform.
SynthPatient GenerateSynthPatient(uint64_t seed, uint64_t index, const KnowledgePack& pack,
                                  const SynthOptions& options = {});

// `count` patients (indices 0..count-1) of the run `seed`; the first N are the same whatever the
// count. Every record passes the native reader's validation (dates on or before the as-of date).
std::vector<PatientRecord> GeneratePatients(int count, uint64_t seed, const KnowledgePack& pack,
                                            const SynthOptions& options = {});

// The as-of date a run uses: the option, else the pack's reference date.
Date SynthAsOf(const KnowledgePack& pack, const SynthOptions& options);

}  // namespace oncnav::synth
