#!/usr/bin/env bash
# `npm start`: installs what it needs (dev dependencies, Node 24 + the pinned n8n, cached), builds,
# then runs scripts/start.ts: a real n8n with this package on the built-in Zoom/Brevo simulator.
# Pass --exit to run once and exit non-zero when something did not happen.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[start] installing dev dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
echo "[start] building the package"
rm -rf dist
npm run build >/dev/null
echo "[start] preparing Node 24 and the pinned n8n (first run: 4 to 7 minutes, then cached)"
bash scripts/ensure-runtime.sh >/dev/null
# node with tsx as a loader, not the tsx CLI: its parent process relays Ctrl-C to the script and
# SIGKILLs it when the script does not acknowledge within 30 ms (a busy moment while stopping),
# which left n8n's folders behind.
exec node --import tsx scripts/start.ts "$@"
