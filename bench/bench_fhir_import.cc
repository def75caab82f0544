// FHIR import speed against a plain simdjson parse of the same bytes, measured in the same run
// (target: the whole import, parse included, within about 2x of the plain parse).
// Run: <build>/bench/oncnav_bench_fhir [--benchmark_filter=...]
// Inputs: the mCODE STU4 Jenny M bundle (Arg 0), and a ~200-resource bundle built from it
// (Arg 1) by repeating its Observation and MedicationRequest entries under new ids, the shape of
// a longer record: many lab and marker observations and many medication orders.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "bench/bench_support.h"
#include "oncnav/fhir/bundle_import.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

constexpr int kTargetResources = 200;

std::string JennyPath() {
  const char* v = std::getenv("ONCNAV_BENCH_JENNY");
  if (v && *v) return v;
  return std::string(ONCNAV_SOURCE_DIR) +
         "/../shared/data/mcode-stu4/package/example/Bundle-mcode-patient-bundle-jenny-m.json";
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Jenny M with copies of her Observation and MedicationRequest entries (ids and fullUrls made
// unique) appended until the bundle holds about kTargetResources resources.
std::string BuildLargeBundle(const std::string& jenny) {
  auto bundle = nlohmann::json::parse(jenny);
  auto& entries = bundle["entry"];
  nlohmann::json originals = nlohmann::json::array();
  for (const auto& e : entries) {
    auto type = e["resource"].value("resourceType", "");
    if (type == "Observation" || type == "MedicationRequest") originals.push_back(e);
  }
  for (int copy = 1; entries.size() < kTargetResources; ++copy) {
    for (auto e : originals) {
      if (entries.size() >= kTargetResources) break;
      std::string id = e["resource"].value("id", "r") + "-copy" + std::to_string(copy);
      e["resource"]["id"] = id;
      if (e.contains("fullUrl")) e["fullUrl"] = e["fullUrl"].get<std::string>() + "-" + id;
      entries.push_back(std::move(e));
    }
  }
  return bundle.dump();
}

struct Input {
  simdjson::padded_string text;
  size_t resources = 0;
};

const Input& GetInput(int which) {
  static const std::array<Input, 2> inputs = [] {
    std::string jenny = ReadText(JennyPath());
    std::string large = BuildLargeBundle(jenny);
    auto count = [](const std::string& text) {
      return nlohmann::json::parse(text)["entry"].size();
    };
    return std::array<Input, 2>{Input{simdjson::padded_string(jenny), count(jenny)},
                                Input{simdjson::padded_string(large), count(large)}};
  }();
  return inputs[static_cast<size_t>(which)];
}

using bench::kAsOf;
using bench::Pack;

void Describe(benchmark::State& state, const Input& input) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.text.size()));
  state.counters["bytes"] = static_cast<double>(input.text.size());
  state.counters["resources"] = static_cast<double>(input.resources);
  state.SetLabel(state.range(0) == 0 ? "Jenny M" : "Jenny M x ~200 resources");
}

// Baseline: the plain simdjson DOM parse of the same bytes, parser reused.
void BM_PlainParse(benchmark::State& state) {
  const auto& input = GetInput(static_cast<int>(state.range(0)));
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::element doc;
    if (parser.parse(input.text).get(doc)) std::abort();
    benchmark::DoNotOptimize(doc);
  }
  Describe(state, input);
}

// The whole import: the same parse, then ImportFhirBundle to an ImportedRecord.
void BM_ParseAndImport(benchmark::State& state) {
  const auto& input = GetInput(static_cast<int>(state.range(0)));
  const auto& pack = Pack();
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::element doc;
    if (parser.parse(input.text).get(doc)) std::abort();
    auto record = ImportFhirBundle(doc, pack, kAsOf);
    if (!record) std::abort();
    benchmark::DoNotOptimize(record->record.regimens.size());
  }
  Describe(state, input);
}

// Arg 0 = Jenny M, 1 = the ~200-resource bundle.
BENCHMARK(BM_PlainParse)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseAndImport)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace oncnav

BENCHMARK_MAIN();
