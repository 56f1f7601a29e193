#!/usr/bin/env bash
# Installs Debian's Chromium for the editor-panel check (scripts/screenshot.ts --check) when it is
# missing. Idempotent: no apt call at all when /usr/bin/chromium (or CHROMIUM_PATH) exists.
# Needs root (apt-get) when it is missing. Progress goes to stderr.
set -euo pipefail

log() { printf '[ensure-chromium] %s\n' "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ -x "$CHROMIUM" ]]; then
  log "Chromium present: $CHROMIUM"
  exit 0
fi
command -v apt-get >/dev/null || die "apt-get not found; install Chromium yourself and set CHROMIUM_PATH"
[[ $(id -u) -eq 0 ]] || die "Chromium missing and not root: run 'apt-get install -y chromium' as root"
export DEBIAN_FRONTEND=noninteractive
log "installing Debian's chromium (apt-get; about 1 to 2 minutes)"
if ! apt-get install -y --no-install-recommends chromium >&2; then
  log "apt-get install failed; running apt-get update once and retrying"
  apt-get update >&2
  apt-get install -y --no-install-recommends chromium >&2 || die "apt-get install chromium"
fi
[[ -x "$CHROMIUM" ]] || die "chromium installed but $CHROMIUM is missing"
log "Chromium ready: $CHROMIUM"
