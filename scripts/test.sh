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

# Independent oracle: every shipped native record validates against the JSON Schema (ajv).
(cd tests/oracle && npm ci --no-audit --no-fund --loglevel=error && node validate_records.mjs)

bash scripts/format.sh --check
echo "all tests passed"
