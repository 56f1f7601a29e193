#!/usr/bin/env bash
# Installs what the queue-mode end-to-end test (test/e2e/queue/) needs besides n8n: Redis and
# PostgreSQL from Debian's packages. Idempotent and fast when both are installed (no apt call at
# all). It only installs: the test starts its own private redis-server and PostgreSQL cluster on
# free ports under a temp dir, and never uses or starts the system-wide services.
#
# Usage:  scripts/ensure-queue-services.sh    install if missing; print the env on stdout
# Progress goes to stderr; stdout carries only `export KEY='value'` lines:
#   ZB_REDIS_SERVER  path of redis-server
#   ZB_PG_BIN        directory with initdb, postgres, pg_ctl, createdb (Debian: /usr/lib/postgresql/<ver>/bin)
# Needs root (apt-get) when something is missing.
set -euo pipefail

log() { printf '[ensure-queue-services] %s\n' "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

find_redis() { command -v redis-server 2>/dev/null || { [[ -x /usr/bin/redis-server ]] && echo /usr/bin/redis-server; } || true; }

# Newest Debian PostgreSQL server with the programs we use.
find_pg_bin() {
  local dir best='' best_ver=0 ver
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/postgres" && -x "$dir/createdb" ]] || continue
    ver=$(basename "$(dirname "$dir")")
    ver=${ver%%.*}
    if [[ "$ver" =~ ^[0-9]+$ ]] && ((ver > best_ver)); then
      best_ver=$ver
      best=$dir
    fi
  done
  echo "$best"
}

missing=()
[[ -n "$(find_redis)" ]] || missing+=(redis-server)
[[ -n "$(find_pg_bin)" ]] || missing+=(postgresql)

if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found; install ${missing[*]} yourself"
  if [[ $(id -u) -ne 0 ]]; then
    die "${missing[*]} missing and not root: run 'apt-get install -y ${missing[*]}' as root"
  fi
  t0=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  # Install without starting the system services (the test runs private instances): policy-rc.d
  # exit code 101 tells invoke-rc.d not to start anything during this install.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=1
  fi
  cleanup() { if ((created_policy)); then rm -f "$policy"; fi; }
  trap cleanup EXIT
  log "installing ${missing[*]} (apt-get)"
  if ! apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
    log "apt-get install failed; running apt-get update once and retrying"
    apt-get update >&2
    apt-get install -y --no-install-recommends "${missing[@]}" >&2 || die "apt-get install ${missing[*]}"
  fi
  log "installed ${missing[*]} in $(($(date +%s) - t0))s"
fi

redis=$(find_redis)
pg_bin=$(find_pg_bin)
[[ -n "$redis" ]] || die "redis-server still not found after install"
[[ -n "$pg_bin" ]] || die "PostgreSQL's initdb/postgres still not found under /usr/lib/postgresql/*/bin"
# The cluster runs as the unprivileged 'postgres' user (PostgreSQL refuses to run as root); the
# Debian package creates it.
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  die "user 'postgres' does not exist (the Debian postgresql package creates it)"
fi

echo "export ZB_REDIS_SERVER='$redis'"
echo "export ZB_PG_BIN='$pg_bin'"
