#!/usr/bin/env bash
# The main job: install dependencies, build, and evaluate the bundled demo patients.
# Usage: scripts/demo.sh [--lang en|ja|zh] [--region jp|us|cn|eu]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DONCNAV_BUILD_TESTS=OFF \
  -DONCNAV_BUILD_BENCH=OFF > /dev/null
cmake --build build/release -j"$(nproc)"
for patient in examples/native/*.json examples/fhir/*.json; do
  [ -e "$patient" ] || continue
  echo "=================================================================="
  echo "$patient"
  echo "=================================================================="
  ./build/release/apps/cli/oncnav evaluate "$patient" --format text "$@"
  echo
done
