#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test: unit tests, golden vignettes through the
# library and the CLI, CLI end-to-end checks, then the vignette and bad-input corpus again under
# AddressSanitizer and UndefinedBehaviorSanitizer, and a formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs="$(nproc)"

cmake -S . -B build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build/test -j"$jobs"
ctest --test-dir build/test --output-on-failure -j"$jobs"

cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DONCNAV_SANITIZE=ON -DONCNAV_BUILD_BENCH=OFF > /dev/null
cmake --build build/asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j"$jobs"

# Independent oracles (ajv): every shipped native record validates against the record's JSON
# Schema; every FHIR Bundle oncnav writes (the examples exported by the unit tests and a
# synthetic cohort) validates against the official FHIR R4 JSON schema; CDS Hooks responses and
# discovery documents (written by the unit tests) and the specification's examples against the
# schemas in schemas/cds-hooks/.
synth_dir="$(mktemp -d)"
trap 'rm -rf "$synth_dir"' EXIT
mkdir -p "$synth_dir/native" "$synth_dir/fhir"
build/test/apps/cli/oncnav synth --count 1000 --seed 20261121 > "$synth_dir/native/cohort.ndjson"
build/test/apps/cli/oncnav synth --count 100 --seed 20261121 --output-format fhir \
  > "$synth_dir/fhir/cohort.ndjson"
(cd tests/oracle && npm ci --no-audit --no-fund --loglevel=error &&
  node validate_records.mjs "$synth_dir/native" &&
  node validate_fhir.mjs ../../build/test/tests/output/fhir-export "$synth_dir/fhir" &&
  node validate_cds.mjs ../../build/test/tests/output/cds-hooks)

bash scripts/format.sh --check
echo "all tests passed"
