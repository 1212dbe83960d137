#!/usr/bin/env bash
# pds.sh installs and starts a real Bluesky PDS (with its own PLC directory,
# in memory) on loopback for the end-to-end test in publish/bluesky.
#
#   bash .ci/pds.sh          install if needed, start, wait until healthy
#   bash .ci/pds.sh stop     stop the PDS started earlier
#
# It exports nothing: it writes the variables the test reads to
# $HOOKLINE_PDS_ENV (default /tmp/hookline-pds.env), one NAME=value a line:
#   HOOKLINE_PDS_URL             the PDS, e.g. http://localhost:2583
#   HOOKLINE_PDS_ADMIN_PASSWORD  its admin password (random per start)
#   HOOKLINE_PDS_HANDLE_DOMAIN   the domain of handles it serves, ".test"
#   HOOKLINE_PLC_URL             the PLC directory
# .ci/run sources that file before `go test`. The PDS keeps running in the
# background (pid in $HOOKLINE_PDS_STATE/pid, log in $HOOKLINE_PDS_STATE/log).
#
# Needs Node 20, npm, python3, make and a C++ compiler; installs Debian's
# build-essential when no compiler is found. Everything comes from the npm
# registry: `npm ci --ignore-scripts` skips better-sqlite3's prebuilt
# download, which cannot be reached, and it is built from source instead.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
pkg="$here/pds"
state="${HOOKLINE_PDS_STATE:-/tmp/hookline-pds}"
envfile="${HOOKLINE_PDS_ENV:-/tmp/hookline-pds.env}"
pds_port="${HOOKLINE_PDS_PORT:-2583}"
plc_port="${HOOKLINE_PLC_PORT:-2582}"

log() { echo "pds.sh: $*" >&2; }

stop() {
  if [ -f "$state/pid" ]; then
    local pid
    pid="$(cat "$state/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping pid $pid"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$state/pid"
  fi
}

if [ "${1:-}" = "stop" ]; then
  stop
  exit 0
fi

need_node_major=20
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt "$need_node_major" ]; then
  log "Node $need_node_major or newer is needed (found $(node --version 2>/dev/null || echo none))"
  exit 1
fi
nodedir="$(dirname "$(dirname "$(command -v node)")")"
if [ ! -f "$nodedir/include/node/node.h" ]; then
  log "Node's headers are missing under $nodedir/include/node; install them (Debian: nodejs-dev, or NodeSource's nodejs package)"
  exit 1
fi
if ! command -v c++ >/dev/null || ! command -v make >/dev/null; then
  log "installing build-essential (a C++ compiler for better-sqlite3)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential >/dev/null
fi

start_install=$SECONDS
cd "$pkg"
if [ ! -f node_modules/.hookline-installed ] || [ package-lock.json -nt node_modules/.hookline-installed ]; then
  log "npm ci (from the lock file, install scripts skipped)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  rm -f node_modules/.hookline-installed
fi
if [ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  log "building better-sqlite3 from source against $nodedir/include/node"
  mkdir -p "$state"
  # -O1 after gyp's -O3: a test PDS needs no fast SQLite, and the 9 MB
  # amalgamation compiles in a quarter of the time.
  if ! (cd node_modules/better-sqlite3 && CFLAGS=-O1 CXXFLAGS=-O1 ../.bin/node-gyp rebuild --release --nodedir="$nodedir" -j 2) >"$state/build.log" 2>&1; then
    tail -n 40 "$state/build.log" >&2
    log "building better-sqlite3 failed; the whole log is $state/build.log"
    exit 1
  fi
fi
node -e 'new (require("better-sqlite3"))(":memory:").prepare("select 1").get()'
touch node_modules/.hookline-installed
log "installed in $((SECONDS - start_install))s"

stop
rm -rf "$state/data" "$state/blobs" "$state/log"
mkdir -p "$state/data" "$state/blobs"
hex() { node -e "process.stdout.write(require('crypto').randomBytes($1).toString('hex'))"; }
admin_password="$(hex 16)"

export PDS_DEV_MODE=true
export PDS_HOSTNAME=localhost
export PDS_PORT="$pds_port"
export HOOKLINE_PLC_PORT="$plc_port"
export PDS_DATA_DIRECTORY="$state/data"
export PDS_BLOBSTORE_DISK_LOCATION="$state/blobs"
export PDS_JWT_SECRET="$(hex 32)"
export PDS_DPOP_SECRET="$(hex 32)"
export PDS_ADMIN_PASSWORD="$admin_password"
export PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX="$(hex 32)"
export PDS_REPO_SIGNING_KEY_K256_PRIVATE_KEY_HEX="$(hex 32)"
export PDS_SERVICE_HANDLE_DOMAINS=.test
export PDS_INVITE_REQUIRED=false
export PDS_RATE_LIMITS_ENABLED=false
export PDS_DISABLE_SSRF_PROTECTION=true
export PDS_CRAWLERS=
export LOG_ENABLED="${LOG_ENABLED:-true}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"

# setsid: the PDS outlives this script and the shell that runs .ci/run.
setsid node start.js >"$state/log" 2>&1 </dev/null &
echo $! >"$state/pid"
log "started pid $(cat "$state/pid"), log $state/log"

url="http://localhost:$pds_port"
for i in $(seq 1 120); do
  if curl -fsS "$url/xrpc/_health" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then
    log "the PDS exited; its log:"
    cat "$state/log" >&2
    exit 1
  fi
  if [ "$i" = 120 ]; then
    log "the PDS was not healthy after 60s; its log:"
    cat "$state/log" >&2
    exit 1
  fi
  sleep 0.5
done

cat >"$envfile" <<EOF
HOOKLINE_PDS_URL=$url
HOOKLINE_PDS_ADMIN_PASSWORD=$admin_password
HOOKLINE_PDS_HANDLE_DOMAIN=.test
HOOKLINE_PLC_URL=http://127.0.0.1:$plc_port
EOF
chmod 600 "$envfile"
log "healthy at $url; variables in $envfile"
