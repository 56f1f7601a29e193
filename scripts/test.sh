#!/usr/bin/env bash
# The one command that runs every check on a fresh clone: `npm test` (CI runs it via .ci/run).
# Installs what it needs (dev dependencies from the lockfile; Node 24 + the pinned n8n into a
# cache outside git), builds, lints with n8n's community-node rules, runs n8n's package scanner,
# the unit tests (nodes through n8n-core's engine against the simulator) and the end-to-end tests
# (a real n8n 2.x with the packed package on its community-node path). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

START=$(date +%s)
step() { printf '\n==> [%ss] %s\n' "$(($(date +%s) - START))" "$*"; }

step "Dev dependencies (npm ci)"
if [[ "${CI:-}" == "true" || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date with package-lock.json"
fi

step "Build"
rm -rf dist
npm run build

step "Type-check tests and tooling"
npx tsc -p tsconfig.test.json

step "Lint (n8n community-node rules)"
npm run lint

step "n8n package scanner (offline)"
npm run scan

step "Repository paths named in README, docs and comments exist"
node scripts/check-references.mjs

RESULTS_DIR=$(mktemp -d)
trap 'rm -rf "$RESULTS_DIR"' EXIT

step "Unit tests (n8n-core engine + simulator)"
unit_rc=0
npx jest --selectProjects unit --json --outputFile="$RESULTS_DIR/unit.json" || unit_rc=$?

step "Runtime for end-to-end tests (Node 24 + pinned n8n, cached)"
bash scripts/ensure-runtime.sh >/dev/null

step "Queue-mode services (Redis + PostgreSQL from Debian, installed when missing)"
bash scripts/ensure-queue-services.sh >/dev/null

step "End-to-end tests (real n8n, incl. queue mode)"
e2e_rc=0
npx jest --selectProjects e2e --runInBand --json --outputFile="$RESULTS_DIR/e2e.json" || e2e_rc=$?

step "Editor panels in a real browser (Debian's Chromium, installed when missing): no console error, no failed request"
panels_rc=0
{ bash scripts/ensure-chromium.sh && npx tsx scripts/screenshot.ts --check; } || panels_rc=$?

step "Main command in its exit mode (npm start -- --exit)"
demo_rc=0
npx tsx scripts/start.ts --exit || demo_rc=$?

step "Benchmark script, quick sizes (prints figures; asserts nothing)"
bench_rc=0
npx tsx --expose-gc scripts/bench.ts --quick || bench_rc=$?

step "Summary"
# The totals line comes last, so the log's closing line says how many tests passed and failed.
if ((unit_rc != 0 || e2e_rc != 0 || panels_rc != 0 || demo_rc != 0 || bench_rc != 0)); then
  echo "FAILED (unit exit $unit_rc, e2e exit $e2e_rc, editor panels exit $panels_rc, main command exit $demo_rc, benchmark exit $bench_rc) after $(($(date +%s) - START))s"
  node scripts/summarize-jest.js "$RESULTS_DIR/unit.json" "$RESULTS_DIR/e2e.json" || true
  exit 1
fi
echo "All checks passed in $(($(date +%s) - START))s"
node scripts/summarize-jest.js "$RESULTS_DIR/unit.json" "$RESULTS_DIR/e2e.json"
