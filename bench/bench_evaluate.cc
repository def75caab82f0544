// Evaluation speed, reported as ratios to a baseline measured in the same process: a plain
// simdjson parse of the same bytes. Run: build/test/bench/oncnav_bench [--benchmark_filter=...]
// Input: a typical patient as a FHIR Bundle (examples/fhir/typical-200-resources.json) and as
// a native record; override with ONCNAV_BENCH_FHIR / ONCNAV_BENCH_NATIVE.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdlib>
#include <string>

#include "bench/bench_support.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/json_output.h"

namespace oncnav {
namespace {

std::string PathFromEnv(const char* env, const char* fallback) {
  const char* v = std::getenv(env);
  return v && *v ? v : std::string(ONCNAV_SOURCE_DIR) + "/" + fallback;
}

simdjson::padded_string Load(const std::string& path) {
  simdjson::padded_string s;
  if (simdjson::padded_string::load(path).get(s)) std::abort();
  return s;
}

// The same bundle without the whitespace of pretty-printing, as FHIR servers usually send it.
simdjson::padded_string Minified(const simdjson::padded_string& text) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(text).get(doc)) std::abort();
  return simdjson::padded_string(simdjson::minify(doc));
}

// Arg 0: the native record; 1: the FHIR bundle as committed (pretty-printed); 2: that bundle
// minified.
const simdjson::padded_string& Input(int64_t kind) {
  static const simdjson::padded_string native_text = Load(
      PathFromEnv("ONCNAV_BENCH_NATIVE", "examples/native/hr-positive-her2-low-second-line.json"));
  static const simdjson::padded_string fhir_text =
      Load(PathFromEnv("ONCNAV_BENCH_FHIR", "examples/fhir/typical-200-resources.json"));
  static const simdjson::padded_string fhir_minified = Minified(fhir_text);
  return kind == 0 ? native_text : kind == 1 ? fhir_text : fhir_minified;
}

using bench::kAsOf;
using bench::Pack;

// Baseline: parse the document and touch every entry (what any consumer must at least do).
void BM_BaselineSimdjsonParse(benchmark::State& state) {
  const auto& text = Input(state.range(0));
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::element doc;
    if (parser.parse(text).get(doc)) std::abort();
    size_t n = 0;
    simdjson::dom::array entries;
    if (!doc["entry"].get(entries)) n = entries.size();
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// Import + classification + RECIST + course, from JSON bytes to an Evaluation; with `render`,
// also the JSON output document that `oncnav evaluate` prints.
void RunEvaluate(benchmark::State& state, bool render) {
  const auto& text = Input(state.range(0));
  const auto& pack = Pack();
  simdjson::dom::parser parser;
  EvaluateOptions options;
  options.as_of = kAsOf;
  for (auto _ : state) {
    auto record = LoadRecord(std::string_view(text.data(), text.size()), pack, kAsOf, parser);
    if (!record) std::abort();
    Evaluation ev = Evaluate(*record, pack, options);
    if (render) {
      std::string out = EvaluationToJson(ev, pack).dump();
      benchmark::DoNotOptimize(out.data());
    }
    benchmark::DoNotOptimize(ev.course.line);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_Evaluate(benchmark::State& state) { RunEvaluate(state, false); }
void BM_EvaluateAndRenderJson(benchmark::State& state) { RunEvaluate(state, true); }

void BM_LoadKnowledgePack(benchmark::State& state) {
  for (auto _ : state) {
    auto pack = LoadKnowledgePack(DefaultKnowledgeDir());
    if (!pack) std::abort();
    benchmark::DoNotOptimize(pack->rules.size());
  }
  state.SetLabel("whole pack, validated");
}

BENCHMARK(BM_BaselineSimdjsonParse)->Arg(1)->Arg(2)->Arg(0);
BENCHMARK(BM_Evaluate)->Arg(1)->Arg(2)->Arg(0);
BENCHMARK(BM_EvaluateAndRenderJson)->Arg(1)->Arg(2)->Arg(0);
BENCHMARK(BM_LoadKnowledgePack)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace oncnav

BENCHMARK_MAIN();
