#!/usr/bin/env bash
# Load benchmark of the server on loopback (issue 5), run by hand, never in CI timing:
#   bench/load/run.sh [sqlite|postgres] [seconds per run]
# Builds a Release server, starts it on a throwaway store (SQLite in a temp dir, or a
# throwaway PostgreSQL cluster), loads the demo patients, and drives it with wrk at several
# concurrency levels: GET /patients/{id}/evaluation and POST /cds-services/oncnav-patient-view
# (a FHIR prefetch of one demo patient, each request with its own signed JWT, cds_load.mjs).
# Prints throughput and p50/p99 latency per run; copy the table into docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
backend="${1:-sqlite}"
seconds="${2:-10}"
levels=(1 8 32 64)

bash scripts/setup.sh > /dev/null
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DONCNAV_BUILD_TESTS=OFF \
  -DONCNAV_BUILD_BENCH=OFF > /dev/null
cmake --build build/release -j"$(nproc)" --target oncnav > /dev/null
oncnav="$PWD/build/release/apps/cli/oncnav"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [ -f "$work/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop > /dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

database=""
if [ "$backend" = postgres ]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  mkdir -p "$work/pg" && chown postgres "$work/pg" && chmod 755 "$work"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -A trust -U postgres --no-sync > /dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories=$work/pg -c port=5433" start > /dev/null
  database="postgresql:///postgres?host=$work/pg&port=5433&user=postgres"
fi

# A configuration without rate limit or access log: the benchmark measures the server itself.
# It trusts one CDS client whose key cds_load.mjs makes.
node bench/load/cds_load.mjs key "$work"
cat > "$work/bench.json" <<JSON
{ "port": 0, "data_dir": "$work/data", "database": "$database", "rate_limit_per_minute": 0,
  "access_log": false, "threads": 8,
  "cds_clients": [{ "issuer": "https://bench-ehr.example.org/", "kid": "bench-key-1",
                    "alg": "ES384", "public_key_file": "$work/client.pem" }] }
JSON
db_args=(--data-dir "$work/data")
[ -n "$database" ] && db_args+=(--database "$database")
"$oncnav" db upgrade "${db_args[@]}" > /dev/null
"$oncnav" db load examples/native/*.json "${db_args[@]}" > /dev/null
token="$("$oncnav" user add bench --role admin "${db_args[@]}")"

"$oncnav" serve --config "$work/bench.json" > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -1 | cut -d: -f3 || true)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.err"; echo "server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"

patient="$(basename "$(ls examples/native/*.json | head -1)" .json)"
patient="$(curl -sf -H "Authorization: Bearer $token" "$base/patients?limit=1" |
  grep -o '"id": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')"
echo "backend $backend, patient $patient, $(nproc) cores, wrk ${seconds}s per run"
printf '| endpoint | connections | requests/s | p50 | p99 |\n| --- | --- | --- | --- | --- |\n'
run() {  # endpoint-label, url, lua-script
  for c in "${levels[@]}"; do
    threads=$((c < 2 ? 1 : 2))
    if [ "$3" = patient_view.lua ]; then  # fresh JWTs: each may be used once
      node bench/load/cds_load.mjs tokens "$work" "$2" $((seconds * 6000))
    fi
    out="$(TOKEN="$token" WRK_THREADS="$threads" TOKENS="$work/tokens.txt" \
      BODY="$work/patient-view.json" wrk -t"$threads" -c"$c" -d"${seconds}s" --latency \
      -s "bench/load/$3" "$2")"
    rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
    p50="$(echo "$out" | awk '$1 == "50%" {print $2}')"
    p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
    errors="$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)"
    printf '| %s | %s | %s | %s | %s |%s\n' "$1" "$c" "$rps" "$p50" "$p99" \
      "${errors:+ $errors}"
  done
}
run "evaluation" "$base/patients/$patient/evaluation?region=jp&lang=en" get.lua
node bench/load/cds_load.mjs body "$work" examples/fhir/hr-positive-her2-low-second-line.json
run "patient-view" "$base/cds-services/oncnav-patient-view" patient_view.lua
