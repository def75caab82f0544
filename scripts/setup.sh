#!/usr/bin/env bash
# Installs every build and test dependency from Debian bookworm packages.
# Idempotent: packages already present are left alone. Must run as root (or via sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libsimdjson-dev      # fast JSON parsing of patient records and FHIR bundles
  nlohmann-json3-dev   # building JSON output documents
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format
  libssl-dev           # OpenSSL libcrypto: CDS Hooks JWT signatures (ES384/RS384)
  ccache               # reuses compiled objects across rebuilds and worktrees
  libcpp-httplib-dev   # the HTTP server of `oncnav serve` and its integration tests
  libsqlite3-dev       # the embedded default patient store
  libsodium-dev        # hashing of API tokens
  libpq-dev postgresql # the PostgreSQL store and the throwaway cluster its tests start
  wrk curl             # the server load benchmark (bench/load/run.sh, run by hand)
)
# Node.js and npm run the JavaScript test oracles (tests/oracle); keep an existing install.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup: all dependencies present"
