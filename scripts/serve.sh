#!/usr/bin/env bash
# The server in one command: install dependencies, build, create (or migrate) the embedded
# SQLite store in data/, load the demo patients of examples/native, create an admin token if
# there is no user yet, and serve the REST API (docs/server.md) until Ctrl-C.
# Usage: scripts/serve.sh [--port N] [--data-dir DIR]   (other options: oncnav serve --help)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DONCNAV_BUILD_TESTS=OFF \
  -DONCNAV_BUILD_BENCH=OFF > /dev/null
cmake --build build/release -j"$(nproc)" --target oncnav
oncnav=./build/release/apps/cli/oncnav

data_dir=data
port=8780
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) shift ;;
  esac
done

"$oncnav" db upgrade --data-dir "$data_dir"
"$oncnav" db load examples/native/*.json --data-dir "$data_dir"
if [ -z "$("$oncnav" user list --data-dir "$data_dir")" ]; then
  token="$("$oncnav" user add admin --role admin --data-dir "$data_dir")"
  umask 077
  printf '%s\n' "$token" > "$data_dir/admin.token"
  echo "created user 'admin' (role admin); its token is in $data_dir/admin.token (only copy)"
else
  echo "users exist already; a new token: $oncnav user add NAME --role admin|clinician|viewer"
fi
token_hint='TOKEN'
[ -f "$data_dir/admin.token" ] && token_hint="\$(cat $data_dir/admin.token)"
cat <<MSG

Authenticate every request with the token:
  curl -H "Authorization: Bearer $token_hint" http://127.0.0.1:$port/patients
The API describes itself at http://127.0.0.1:$port/openapi.json (no token needed).
MSG
exec "$oncnav" serve --config config/oncnav.json "${args[@]}"
